// A `.env` file in the working directory or an ancestor is read at start
// (contract §12.2); variables already set in the environment win.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseEnv } from 'node:util'

/** Applies the nearest .env to `env`; returns its path, or null when there is none. */
export function loadDotEnv(from: string, env: NodeJS.ProcessEnv): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, '.env')
    let text: string | null = null
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      // not here; look one folder up
    }
    if (text !== null) {
      for (const [name, value] of Object.entries(parseEnv(text))) if (env[name] === undefined) env[name] = value
      return file
    }
    if (dirname(dir) === dir) return null
  }
}
