// The data directory layout (contract §12.1 + §15.3). A directory written by
// the original server loads as it is: same folders, same file formats.
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../log'
import { isTempFile } from './atomic-file'

export interface DataDir {
  root: string
  flows: string
  runs: string
  prompts: string
  attachments: string
  sessionsFile: string
  tokenFile: string
  agentFile: string
}

export function dataDirLayout(root: string): DataDir {
  return {
    root,
    flows: join(root, 'flows'),
    runs: join(root, 'runs'),
    prompts: join(root, 'prompts'),
    attachments: join(root, 'attachments'),
    sessionsFile: join(root, 'sessions.yaml'),
    tokenFile: join(root, 'api-token'),
    agentFile: join(root, 'AGENT.md'),
  }
}

export async function prepareDataDir(root: string, log?: Logger): Promise<DataDir> {
  const layout = dataDirLayout(root)
  await mkdir(root, { recursive: true, mode: 0o700 })
  await Promise.all([layout.flows, layout.runs, layout.prompts].map((dir) => mkdir(dir, { recursive: true })))
  if (log) await Promise.all([tightenPermissions(layout, log), sweepTempFiles(root)])
  return layout
}

/**
 * The token and everything the agents did are for this user only: a data dir
 * others can enter (e.g. 0755) becomes 0700 and a token file others can read
 * becomes 0600, each with a warning saying so.
 */
async function tightenPermissions(layout: DataDir, log: Logger): Promise<void> {
  await tighten(layout.root, 0o700, 'data directory', log)
  await tighten(layout.tokenFile, 0o600, 'API token file', log)
}

async function tighten(path: string, mode: number, what: string, log: Logger): Promise<void> {
  let current: number
  try {
    current = (await stat(path)).mode & 0o777
  } catch {
    return
  }
  if ((current & 0o077) === 0) return
  try {
    await chmod(path, mode)
    log.warn(`the ${what} ${path} was open to other users (mode ${octal(current)}); changed to ${octal(mode)}`)
  } catch (error) {
    log.warn(`the ${what} ${path} is open to other users (mode ${octal(current)}) and could not be changed: ${(error as Error).message}`)
  }
}

const octal = (mode: number) => `0${mode.toString(8)}`

/** Temp files of writes a crash cut short (`.sessions.yaml.<pid>.<random>.tmp`, …); the folders sweep their own. */
async function sweepTempFiles(root: string): Promise<void> {
  const names = await readdir(root).catch(() => [])
  await Promise.all(names.filter(isTempFile).map((name) => rm(join(root, name), { force: true })))
}
