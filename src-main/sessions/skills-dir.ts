// Writes an executor chat's `.skills/` folder on the first message of a session
// (§6.5): AGENT.md, Skill.md, workflow.json and the node's attachments. Every
// step is best effort; a missing piece never stops the chat.
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Flow } from '../contract/api'
import type { DataDir } from '../storage/data-dir'
import { renderSkillDoc } from './skill-doc'

const ignore = () => undefined

async function copyFirst(candidates: string[], target: string): Promise<void> {
  for (const candidate of candidates) {
    try {
      await copyFile(candidate, target)
      return
    } catch {
      // try the next one
    }
  }
}

export async function writeSkillsDir(workingDir: string, flow: Flow, nodeId: string, dataDir: DataDir, serverCwd: string): Promise<string> {
  const skills = join(workingDir, '.skills')
  // A mistyped working dir must fail the chat clearly, not turn into a new empty folder.
  if (!(await stat(workingDir).then((info) => info.isDirectory(), () => false))) return skills
  await mkdir(skills, { recursive: true }).catch(ignore)
  await copyFirst([join(serverCwd, 'AGENT.md'), dataDir.agentFile], join(skills, 'AGENT.md'))
  await writeFile(join(skills, 'Skill.md'), renderSkillDoc(flow, nodeId)).catch(ignore)
  await writeFile(join(skills, 'workflow.json'), JSON.stringify(flow, null, 2)).catch(ignore)
  const attachments = join(dataDir.attachments, flow.id, nodeId)
  const files = await readdir(attachments, { withFileTypes: true }).catch(() => [])
  await Promise.all(files.filter((entry) => entry.isFile()).map((entry) => copyFile(join(attachments, entry.name), join(skills, entry.name)).catch(ignore)))
  return skills
}
