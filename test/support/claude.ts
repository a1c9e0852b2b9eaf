// The real `claude` CLI from node_modules, pointed at the local Messages API
// stand-in, with its own config dir (transcripts stay out of ~/.claude).
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startMessagesApi, type MessagesApi } from '../fixtures/messages-api'

export const CLAUDE_BIN = resolve('node_modules/.bin/claude')

export interface ClaudeWorld {
  api: MessagesApi
  /** Environment for the backend's claude children. */
  childEnv: Record<string, string>
  /** A working directory for executor nodes. */
  workDir: string
  close(): Promise<void>
}

export async function startClaudeWorld(): Promise<ClaudeWorld> {
  const api = await startMessagesApi()
  const configDir = await mkdtemp(join(tmpdir(), 'shoggoth-claude-config-'))
  const workDir = await mkdtemp(join(tmpdir(), 'shoggoth-work-'))
  // HOME too: the Bash tool then sources none of the machine's shell start-up files, whose
  // slow or locked tools (a pyenv rehash lock left by a killed shell) can stall it for a minute.
  return { api, childEnv: { ...api.env, CLAUDE_CONFIG_DIR: configDir, HOME: configDir }, workDir, close: () => api.close() }
}
