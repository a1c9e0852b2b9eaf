// Finding the commands the real `claude` started through its Bash tool, by
// their command line (a `sleep` of a number no other test uses) or by the
// owner tag every process the backend starts inherits.
import { createHash, randomInt } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { isAlive } from './processes'

/** A sleep no other test on this machine runs, so its processes can be found by their command line. */
export function uniqueSleep(): { command: string; seconds: number } {
  const seconds = randomInt(100_000, 999_999)
  return { command: `sleep ${seconds}`, seconds }
}

const pidsInProc = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name))

/** The `sleep` and the `bash -c … sleep N` that the Bash tool started. */
export function processesRunning(seconds: number): number[] {
  const found: number[] = []
  for (const name of pidsInProc()) {
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0')
      if (argv.some((arg) => arg.includes(`sleep ${seconds}`)) || (argv[0]?.endsWith('sleep') && argv[1] === String(seconds))) found.push(Number(name))
    } catch {
      // Gone while we looked.
    }
  }
  return found.filter(isAlive)
}

/**
 * Waits until the tool's `sleep` itself runs (the CLI's first Bash call takes
 * seconds to set up its shell); `strays` gets the pids, for cleanup.
 */
export async function toolStarted(seconds: number, strays: number[], timeoutMs = 60_000): Promise<number[]> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const pids = processesRunning(seconds)
    const sleeping = pids.some((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sleep\0'))
    if (sleeping) {
      strays.push(...pids)
      return pids
    }
    if (Date.now() > end) throw new Error(`the tool never started sleep ${seconds}`)
    await new Promise((done) => setTimeout(done, 50))
  }
}

/** The first part of the owner tag the backend gives its children for `dataDir` (see agent/launcher.ts). */
export function ownerKeyOf(dataDir: string): string {
  return createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12)
}

/** Live processes carrying the owner tag of `dataDir`: claude children and whatever they started. */
export function taggedFor(dataDir: string): number[] {
  const needle = `SHOGGOTH_OWNER=${ownerKeyOf(dataDir)}:`
  const found: number[] = []
  for (const name of pidsInProc()) {
    try {
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').some((entry) => entry.startsWith(needle))) found.push(Number(name))
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found.filter(isAlive)
}
