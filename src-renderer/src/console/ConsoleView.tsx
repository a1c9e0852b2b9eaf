import { Search, Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { formatClock } from '../runs/run-format'
import { useConsole, type ConsoleLevel } from './store'

const LEVELS: ConsoleLevel[] = ['info', 'warn', 'error']

/** Every line with its level and source; filter by level and text. */
export function ConsoleView() {
  const entries = useConsole((state) => state.entries)
  const markSeen = useConsole((state) => state.markSeen)
  const clear = useConsole((state) => state.clear)
  const [levels, setLevels] = useState<Set<ConsoleLevel>>(new Set(LEVELS))
  const [query, setQuery] = useState('')
  useEffect(() => markSeen(), [entries, markSeen])
  const needle = query.toLowerCase()
  const shown = entries.filter((entry) => levels.has(entry.level) && (needle === '' || `${entry.source} ${entry.message}`.toLowerCase().includes(needle)))
  return (
    <div className="console" data-testid="console">
      <div className="tab-toolbar">
        <div className="segmented" role="group" aria-label="Levels">
          {LEVELS.map((level) => (
            <button
              key={level}
              type="button"
              aria-pressed={levels.has(level)}
              onClick={() => setLevels((current) => {
                const next = new Set(current)
                if (next.has(level)) next.delete(level)
                else next.add(level)
                return next
              })}
            >
              {level}
            </button>
          ))}
        </div>
        <div className="search-box search-box--small">
          <Search size={13} aria-hidden="true" />
          <input type="search" aria-label="Search the console" placeholder="Search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </div>
        <button type="button" className="icon-button" aria-label="Clear the console" title="Clear" onClick={clear}>
          <Trash2 size={14} aria-hidden="true" />
        </button>
      </div>
      <ol className="console__lines" role="log" aria-label="Console">
        {shown.length === 0 ? (
          <li className="list-note">{entries.length === 0 ? 'Nothing yet. Failed requests, run results and save problems are noted here.' : 'No line matches.'}</li>
        ) : (
          shown.map((entry) => (
            <li key={entry.id} className={`console__line console__line--${entry.level}`} data-testid="console-line">
              <time dateTime={entry.at}>{formatClock(entry.at)}</time>
              <span className="console__level">{entry.level}</span>
              <span className="console__source">{entry.source}</span>
              <span className="console__message">{entry.message}</span>
            </li>
          ))
        )}
      </ol>
    </div>
  )
}
