// The real `claude` CLI for e2e tests, offline: each test gets its own Messages
// API stand-in, a fresh CLAUDE_CONFIG_DIR (so transcripts stay out of
// ~/.claude) and a fresh working directory for its executor nodes.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startMessagesApi, type MessagesApi } from '../test/fixtures/messages-api'
import { repoRoot } from './paths'

export const CLAUDE_BIN = join(repoRoot, 'node_modules/.bin/claude')

export interface ClaudeWorld {
  messages: MessagesApi
  /** Environment for the server: its claude children talk to the stand-in. */
  serverEnv: Record<string, string>
  /** A fresh, empty directory to use as executor nodes' working_dir. */
  workDir: string
  close(): Promise<void>
}

export async function startClaudeWorld(): Promise<ClaudeWorld> {
  const messages = await startMessagesApi()
  const dirs: string[] = []
  try {
    const configDir = await mkdtemp(join(tmpdir(), 'shoggoth-e2e-claude-config-'))
    dirs.push(configDir)
    const workDir = await mkdtemp(join(tmpdir(), 'shoggoth-e2e-work-'))
    dirs.push(workDir)
    const removeDirs = () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    return {
      messages,
      // HOME: the Bash tool sources none of the machine's shell start-up files (see test/support/claude.ts).
      serverEnv: { ...messages.env, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, CLAUDE_CONFIG_DIR: configDir, HOME: configDir },
      workDir,
      close: async () => {
        await messages.close()
        await removeDirs()
      },
    }
  } catch (error) {
    await messages.close()
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    throw error
  }
}
