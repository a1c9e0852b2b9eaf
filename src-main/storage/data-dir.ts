// The data directory layout (contract §12.1 + §15.3). A directory written by
// the original server loads as it is: same folders, same file formats.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'

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

export async function prepareDataDir(root: string): Promise<DataDir> {
  const layout = dataDirLayout(root)
  await mkdir(root, { recursive: true, mode: 0o700 })
  await Promise.all([layout.flows, layout.runs, layout.prompts].map((dir) => mkdir(dir, { recursive: true })))
  return layout
}
