// The slash-command list under the message box: shown while the box holds only
// "/" and the start of a command name.

/** The typed part of a command name, or null when the box is not a lone slash command. */
export function slashQuery(draft: string): string | null {
  const match = /^\/([^\s/]*)$/.exec(draft)
  return match ? match[1]!.toLowerCase() : null
}

/** Commands that start with the query first, then those that contain it; at most `limit`. */
export function matchCommands(commands: readonly string[], query: string, limit = 8): string[] {
  const names = commands.map((command) => command.replace(/^\//, ''))
  const starts = names.filter((name) => name.toLowerCase().startsWith(query))
  const contains = names.filter((name) => !name.toLowerCase().startsWith(query) && name.toLowerCase().includes(query))
  return [...starts, ...contains].slice(0, limit)
}
