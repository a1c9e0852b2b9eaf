// One small JSON file of app state (kept rules, slash-command lists): read at
// start — missing is empty, broken is skipped with a warning — and saved whole
// through the atomic write queue.
import { readFile } from 'node:fs/promises'
import type { Logger } from '../log'
import type { FileWriteQueue } from './write-queue'

/** The parsed file; undefined when it is missing or cannot be read as JSON. */
export async function readJsonFile(file: string, log: Logger): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    log.warn(`skipping ${file}: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}

/** Writes the value pretty-printed; a failure is logged, never thrown. */
export async function saveJsonFile(writer: FileWriteQueue, file: string, value: unknown, log: Logger): Promise<void> {
  await writer.write(file, `${JSON.stringify(value, null, 2)}\n`).catch((error: unknown) => {
    log.warn(`could not save ${file}: ${error instanceof Error ? error.message : String(error)}`)
  })
}
