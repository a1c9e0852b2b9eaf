// Loads every `*.json` file of one folder. A file that cannot be read or does
// not match its schema is skipped with a warning naming it; one bad file never
// stops the rest from loading. Temp files left by a crash mid-write are removed.
// Read synchronously, a batch at a time: 10,000 small files read one after
// another take a third of the time the same reads take through the thread pool
// (bench/startup.ts), and between batches the server still answers (the UI's
// files are served while a large data dir loads).
import { readdirSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../log'
import { isTempFile } from './atomic-file'

export interface LoadedFile<T> {
  path: string
  value: T
}

/** Turns parsed JSON into a value, or throws an Error saying what is wrong. */
export type FileDecoder<T> = (json: unknown) => T

/** About 15 ms of reading, the longest a waiting request is held up by it. */
const FILES_PER_BATCH = 500

export async function loadJsonDir<T>(dir: string, decode: FileDecoder<T>, log: Logger): Promise<LoadedFile<T>[]> {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const stale = names.filter(isTempFile)
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })))

  const loaded: LoadedFile<T>[] = []
  const files = names.filter((n) => n.endsWith('.json')).sort()
  for (const [index, name] of files.entries()) {
    if (index > 0 && index % FILES_PER_BATCH === 0) await new Promise((resolve) => setImmediate(resolve))
    const path = join(dir, name)
    try {
      loaded.push({ path, value: decode(JSON.parse(readFileSync(path, 'utf8'))) })
    } catch (error) {
      log.warn(`skipping ${path}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return loaded
}

/** Pretty JSON with two-space indent and a trailing newline, as stored files use. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
