import { useId } from 'react'
import { ChatTab } from '../chat/ChatTab'
import { ConsoleView } from '../console/ConsoleView'
import { useConsole } from '../console/store'
import { useEditor, selectNodes } from '../editor/EditorContext'
import { RunHistory } from '../runs/RunHistory'
import { RunLog } from '../runs/RunLog'
import { RunStreamStatus } from '../runs/RunStreamStatus'
import { useShell, type BottomTab } from './store'

const TABS: { tab: BottomTab; label: string }[] = [
  { tab: 'log', label: 'Run log' },
  { tab: 'history', label: 'History' },
  { tab: 'chat', label: 'Chat' },
  { tab: 'console', label: 'Console' },
]

/** Run log · History · Chat · Console for the open flow. */
export function BottomPanel() {
  const tab = useShell((state) => state.bottomTab)
  const showTab = useShell((state) => state.showTab)
  const flowId = useEditor((state) => state.flowId)
  const errors = useConsole((state) => state.unseenErrors)
  const ids = useId()
  return (
    <section className="bottom-panel" aria-label="Run log, history, chat and console">
      <div className="tabs">
        <div className="tabs__list" role="tablist">
        {TABS.map(({ tab: value, label }) => (
          <button key={value} type="button" role="tab" id={`${ids}-${value}`} aria-selected={tab === value} aria-controls={`${ids}-panel`} className="tabs__tab" data-testid={`tab-${value}`} onClick={() => showTab(value)}>
            {label}
            {value === 'console' && errors > 0 && (
              <span className="tabs__badge" aria-label={`${errors} new errors`}>
                {errors}
              </span>
            )}
          </button>
        ))}
        </div>
        {flowId && <RunStreamStatus flowId={flowId} />}
      </div>
      <div className="bottom-panel__body" role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-${tab}`}>
        {tab === 'console' ? <ConsoleView /> : flowId ? <FlowTab flowId={flowId} tab={tab} /> : <p className="list-note tab-empty">Open a flow to see its runs and chat with its executors.</p>}
      </div>
    </section>
  )
}

function FlowTab({ flowId, tab }: { flowId: string; tab: Exclude<BottomTab, 'console'> }) {
  const nodes = useEditor(selectNodes)
  if (tab === 'log') return <RunLog flowId={flowId} nodes={nodes} />
  if (tab === 'history') return <RunHistory flowId={flowId} nodes={nodes} />
  return <ChatTab flowId={flowId} />
}
