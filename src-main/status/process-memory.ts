// Resident memory of a process tree, read from Linux's /proc. Elsewhere (or
// when the process is gone) the answer is null rather than a guess.
import { readdir, readFile } from 'node:fs/promises'

/** VmRSS of one process in bytes; null when unreadable. */
export async function ownRss(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+)\s*kB/m.exec(status)
    // Kernel threads and zombies have no VmRSS line: they hold no memory of their own.
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return null
  }
}

/** Direct children from /proc/<pid>/task/<tid>/children; null when the kernel does not offer the file. */
async function childrenFromTasks(pid: number): Promise<number[] | null> {
  let tasks: string[]
  try {
    tasks = await readdir(`/proc/${pid}/task`)
  } catch {
    return []
  }
  const children: number[] = []
  for (const task of tasks) {
    try {
      const text = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8')
      for (const part of text.split(/\s+/)) if (part !== '') children.push(Number(part))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && task === String(pid)) return null
    }
  }
  return children
}

/** Parent of every process, by scanning /proc/<pid>/stat (fallback when task children files are missing). */
export async function parentMap(): Promise<Map<number, number[]>> {
  const byParent = new Map<number, number[]>()
  let entries: string[]
  try {
    entries = await readdir('/proc')
  } catch {
    return byParent
  }
  await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        try {
          const stat = await readFile(`/proc/${name}/stat`, 'utf8')
          // The command name may contain spaces and parentheses: fields start after the last ')'.
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
          const siblings = byParent.get(ppid) ?? []
          siblings.push(Number(name))
          byParent.set(ppid, siblings)
        } catch {
          // The process ended while we looked.
        }
      }),
  )
  return byParent
}

/** RSS of the process plus all its descendants; null when the process itself cannot be read. */
export async function treeRss(pid: number): Promise<number | null> {
  const own = await ownRss(pid)
  if (own === null) return null
  let total = own
  let fallback: Map<number, number[]> | null = null
  const seen = new Set([pid])
  const queue = [pid]
  while (queue.length > 0) {
    const current = queue.shift()!
    let children = await childrenFromTasks(current)
    if (children === null) children = (fallback ??= await parentMap()).get(current) ?? []
    for (const child of children) {
      if (seen.has(child)) continue
      seen.add(child)
      queue.push(child)
      total += (await ownRss(child)) ?? 0
    }
  }
  return total
}
