// Resident memory of process trees, read from Linux's /proc. Elsewhere (or
// when the process is gone) the answer is null rather than a guess.
import { readFile } from 'node:fs/promises'
import { listProcesses, treeOf } from '../agent/process-tree'

/** VmRSS of one process in bytes; null when unreadable. */
export async function ownRss(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+)\s*kB/m.exec(status)
    // Kernel threads and zombies have no VmRSS line: they hold no memory of their own.
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return null
  }
}

/**
 * RSS of each process plus all its descendants (null when the process itself
 * cannot be read), from one scan of the process table for them all.
 */
export async function treeRss(pids: readonly number[]): Promise<Map<number, number | null>> {
  const table = pids.length > 0 ? await listProcesses(false).catch(() => []) : []
  const sums = await Promise.all(
    pids.map(async (pid) => {
      const own = await ownRss(pid)
      if (own === null) return [pid, null] as const
      const descendants = await Promise.all(treeOf(table, pid, null).map((info) => ownRss(info.pid)))
      return [pid, descendants.reduce<number>((total, rss) => total + (rss ?? 0), own)] as const
    }),
  )
  return new Map(sums)
}
