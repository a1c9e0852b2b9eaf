// The slash commands each chat's CLI offers, as its last `init` line listed
// them: per chat (an executor node, or a flow's lead agent) and working
// directory, since custom commands come from the folder's .claude/commands.
// Kept in `<data dir>/slash-commands.json` (written atomically, coalesced),
// so the list is known again after a restart.
import type { SlashCommandsResponse } from '../contract/chat'
import type { Logger } from '../log'
import { readJsonFile, saveJsonFile } from '../storage/json-file'
import type { FileWriteQueue } from '../storage/write-queue'

/**
 * Commands a chat does not pass on. `/clear` makes the CLI go on in a new
 * session of its own, while the app's session (and its next --resume) would
 * keep the old id; a new session (POST …/interact/new) is the way to start over.
 */
export const REFUSED_COMMANDS: readonly string[] = ['clear']

/** The refused command a message starts with, if any. */
export function refusedCommand(prompt: string): string | null {
  const name = /^\/([^\s/]+)(?:\s|$)/.exec(prompt.trim())?.[1]
  return name !== undefined && REFUSED_COMMANDS.includes(name) ? name : null
}

/** chat key (sessionKey) → working dir → command names. */
type Lists = Record<string, Record<string, string[]>>

export class SlashCommandStore {
  private lists: Lists = {}

  constructor(
    private readonly file: string,
    private readonly writer: FileWriteQueue,
    private readonly log: Logger,
  ) {}

  async load(): Promise<void> {
    const parsed = (await readJsonFile(this.file, this.log)) as { chats?: unknown } | undefined
    this.lists = readLists(parsed?.chats)
  }

  get(chatKey: string, workingDir: string): SlashCommandsResponse {
    const commands = this.lists[chatKey]?.[workingDir]
    return commands ? { commands: [...commands], known: true } : { commands: [], known: false }
  }

  /** The list an `init` line gave; written only when it changed. */
  record(chatKey: string, workingDir: string, listed: readonly string[]): void {
    const commands = listed.filter((name) => !REFUSED_COMMANDS.includes(name))
    const current = this.lists[chatKey]?.[workingDir]
    if (current && current.length === commands.length && current.every((name, i) => name === commands[i])) return
    this.lists[chatKey] = { ...this.lists[chatKey], [workingDir]: [...commands] }
    void this.save()
  }

  /** A deleted flow takes its chats' lists with it. */
  forgetFlow(flowId: string): void {
    const keys = Object.keys(this.lists).filter((key) => key === flowId || key.startsWith(`${flowId}::`))
    if (keys.length === 0) return
    for (const key of keys) delete this.lists[key]
    void this.save()
  }

  private save(): Promise<void> {
    return saveJsonFile(this.writer, this.file, { chats: this.lists }, this.log)
  }
}

function readLists(value: unknown): Lists {
  const lists: Lists = {}
  if (typeof value !== 'object' || value === null) return lists
  for (const [chat, dirs] of Object.entries(value)) {
    if (typeof dirs !== 'object' || dirs === null) continue
    for (const [dir, names] of Object.entries(dirs)) {
      if (Array.isArray(names)) (lists[chat] ??= {})[dir] = names.filter((name): name is string => typeof name === 'string')
    }
  }
  return lists
}
