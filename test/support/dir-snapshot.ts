// What a folder holds, file by file, to show that something changed nothing.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

/** Every file under `dir` with a hash of its bytes: equal snapshots, nothing changed. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) {
        files.set(`${relative(dir, path)}/`, '')
        await walk(path)
      } else files.set(relative(dir, path), createHash('sha1').update(await readFile(path)).digest('hex'))
    }
  }
  await walk(dir)
  return files
}

export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = []
  for (const [path, hash] of after) if (before.get(path) !== hash) changed.push(before.has(path) ? `changed ${path}` : `added ${path}`)
  for (const path of before.keys()) if (!after.has(path)) changed.push(`removed ${path}`)
  return changed
}
