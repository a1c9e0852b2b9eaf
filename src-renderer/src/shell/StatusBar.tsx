import { Clock, Cpu } from 'lucide-react'
import type { AppStatus } from '../../../src-main/contract/api'
import { formatShortTimestamp } from '../ui/format'
import { useApi } from './ApiContext'
import { ConnectionStatus } from './ConnectionStatus'
import { useAppStatus } from './useAppStatus'
import { useHealth } from './useHealth'

const POLL_MS = 5_000

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`

function processesText(status: AppStatus): string {
  const count = status.processes.length
  const memory = status.processes.reduce((sum, process) => sum + (process.rss_bytes ?? 0), 0)
  if (count === 0) return 'no claude running'
  return `${count} claude process${count === 1 ? '' : 'es'} · ${megabytes(memory)}`
}

/** API connection · live claude processes and their memory · scheduler and next run. */
export function StatusBar() {
  const { connection } = useApi()
  const health = useHealth(connection.apiBase)
  const { state } = useAppStatus(POLL_MS)
  const status = state.status === 'ready' ? state.value : null
  return (
    <footer className="status-bar" data-testid="status-bar">
      <ConnectionStatus status={health} />
      {status && (
        <>
          <span className="status-bar__item" data-testid="status-processes" title={status.processes.map((p) => `pid ${p.pid} (${p.role}) ${p.rss_bytes === null ? '' : megabytes(p.rss_bytes)}`).join('\n') || undefined}>
            <Cpu size={13} aria-hidden="true" /> {processesText(status)}
          </span>
          <span className="status-bar__item" data-testid="status-scheduler">
            <Clock size={13} aria-hidden="true" /> {status.scheduler.active_count} scheduled
            {status.scheduler.next_run ? ` · next ${formatShortTimestamp(status.scheduler.next_run.at)}` : ''}
          </span>
          <span className="status-bar__item status-bar__right">{status.claude.version ? `claude ${status.claude.version}` : 'claude not found'}</span>
        </>
      )}
    </footer>
  )
}
