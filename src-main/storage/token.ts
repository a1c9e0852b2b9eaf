// The API token (§15.1): random, kept in `<data dir>/api-token` with mode 0600
// and reused across starts; SHOGGOTH_TOKEN fixes it without touching the file.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { FileWriteQueue } from './write-queue'

export interface ApiToken {
  value: string
  /** Where the token comes from, for the start-up line (never the token itself). */
  origin: string
}

const MIN_LENGTH = 32

export async function loadOrCreateToken(tokenFile: string, fixed: string | undefined, writer: FileWriteQueue): Promise<ApiToken> {
  if (fixed !== undefined && fixed.trim() !== '') return { value: fixed.trim(), origin: 'the SHOGGOTH_TOKEN environment variable' }
  const stored = await readFile(tokenFile, 'utf8').then((text) => text.trim(), () => '')
  if (stored.length >= MIN_LENGTH) return { value: stored, origin: tokenFile }
  const value = randomBytes(32).toString('base64url')
  await writer.write(tokenFile, `${value}\n`, 0o600)
  return { value, origin: tokenFile }
}
