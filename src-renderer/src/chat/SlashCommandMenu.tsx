interface SlashCommandMenuProps {
  id: string
  matches: readonly string[]
  active: number
  /** The chat's claude has not started yet, so its commands are not known. */
  unknown: boolean
  onPick: (name: string) => void
}

/** The commands matching what is typed after "/", under the message box. */
export function SlashCommandMenu({ id, matches, active, unknown, onPick }: SlashCommandMenuProps) {
  if (matches.length === 0) {
    return (
      <p className="slash-menu slash-menu--empty" data-testid="slash-menu">
        {unknown ? 'Slash commands are listed once Claude has answered in this chat.' : 'No command by that name.'}
      </p>
    )
  }
  return (
    <ul id={id} className="slash-menu" role="listbox" aria-label="Slash commands" data-testid="slash-menu">
      {matches.map((name, index) => (
        <li
          key={name}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className={`slash-menu__item${index === active ? ' slash-menu__item--active' : ''}`}
          // mousedown, not click: the box keeps its focus.
          onMouseDown={(event) => {
            event.preventDefault()
            onPick(name)
          }}
        >
          /{name}
        </li>
      ))}
    </ul>
  )
}
