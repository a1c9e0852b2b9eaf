import { useEditor, useEditorServices } from './EditorContext'
import { formatTimestamp } from '../ui/format'

/** A save that failed or met a newer version: said plainly, with what can be done. */
export function SaveProblems() {
  const { saves } = useEditorServices()
  const save = useEditor((state) => state.save)
  if (save.state === 'failed') {
    return (
      <div className="banner banner--error" role="alert" data-testid="save-failed">
        <span className="banner__message">
          Your changes are not saved yet: {save.message}. {save.retrying ? 'Trying again shortly.' : 'Fix the problem and edit again, or retry.'}
        </span>
        <button type="button" className="button button--small" onClick={() => void saves.flush()}>
          Retry now
        </button>
      </div>
    )
  }
  if (save.state === 'conflict') {
    return (
      <div className="banner banner--notice" role="alert" data-testid="save-conflict">
        <span className="banner__message">
          This flow was changed elsewhere (another window or tool) at {formatTimestamp(save.theirs.updated_at)}; your latest edits were not saved over it.
        </span>
        <button type="button" className="button button--small" onClick={() => saves.takeTheirs()}>
          Show the newer version
        </button>
        <button type="button" className="button button--small" onClick={() => saves.keepMine()}>
          Keep mine
        </button>
      </div>
    )
  }
  return null
}
