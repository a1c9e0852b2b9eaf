// Loads every `*.json` file of one folder. A file that cannot be read or does
// not match its schema is skipped with a warning naming it; one bad file never
// stops the rest from loading. Temp files left by a crash mid-write are removed.
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../log'
import { isTempFile } from './atomic-file'

export interface LoadedFile<T> {
  path: string
  value: T
}

/** Turns parsed JSON into a value, or throws an Error saying what is wrong. */
export type FileDecoder<T> = (json: unknown) => T

const READ_CONCURRENCY = 64

export async function loadJsonDir<T>(dir: string, decode: FileDecoder<T>, log: Logger): Promise<LoadedFile<T>[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const stale = names.filter(isTempFile)
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })))

  const files = names.filter((name) => name.endsWith('.json')).sort()
  const loaded: (LoadedFile<T> | null)[] = new Array(files.length).fill(null)
  let cursor = 0
  const worker = async () => {
    while (cursor < files.length) {
      const index = cursor++
      const path = join(dir, files[index]!)
      try {
        loaded[index] = { path, value: decode(JSON.parse(await readFile(path, 'utf8'))) }
      } catch (error) {
        log.warn(`skipping ${path}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker))
  return loaded.filter((file): file is LoadedFile<T> => file !== null)
}

/** Pretty JSON with two-space indent and a trailing newline, as stored files use. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
