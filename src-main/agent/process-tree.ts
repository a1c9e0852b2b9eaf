// Finding everything a `claude` child started. Its Bash tool runs commands in
// sessions (and process groups) of their own, so a group kill misses them, and
// once `claude` dies they are re-parented to init. Two nets catch them:
//  * descendants by parent pid, walked while the tree is still connected;
//  * a tag in the environment (SHOGGOTH_OWNER=<tag>) that every descendant
//    inherits, found even after the parent is gone (e.g. at the next start
//    after a crash). A process that scrubs its environment escapes only this net.
// Linux reads /proc. Elsewhere (macOS) the same facts come from `ps`:
// `ps -A -o pid=,ppid=,lstart=` for the tree and `ps -A -E -ww -o pid=,command=`
// for the tag (macOS shows the environment of the user's own processes there).
// That path is written for macOS but only the Linux one is tested.
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { promisify } from 'node:util'

export const OWNER_VARIABLE = 'SHOGGOTH_OWNER'

export interface ProcessInfo {
  pid: number
  ppid: number
  /** When it started (clock ticks on Linux, a date on macOS): a reused pid differs. */
  started: string
  /** The value of SHOGGOTH_OWNER in its environment, if any. */
  owner: string | null
}

const run = promisify(execFile)
const hasProc = process.platform === 'linux'

/** The start time of one process (null when it is gone): with the pid, it names the process. */
export async function startTimeOf(pid: number): Promise<string | null> {
  if (hasProc) return (await readProc(pid, false))?.started ?? null
  return (await listFromPs()).find((info) => info.pid === pid)?.started ?? null
}

/** Every process we can see, with its owner tag (skipped when `withOwner` is false: one read less each). */
export async function listProcesses(withOwner = true): Promise<ProcessInfo[]> {
  return hasProc ? listFromProc(withOwner) : listFromPs()
}

/** Which owner tags count: one child's exact tag, or every tag of a previous instance. */
export type OwnerMatch = ((owner: string) => boolean) | null

/** The root's descendants by parent pid, plus every process whose tag matches and its descendants. */
export function treeOf(table: readonly ProcessInfo[], rootPid: number, owner: OwnerMatch): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>()
  for (const info of table) {
    const siblings = children.get(info.ppid)
    if (siblings) siblings.push(info)
    else children.set(info.ppid, [info])
  }
  const found = new Map<number, ProcessInfo>()
  const queue = [...(children.get(rootPid) ?? []), ...table.filter((info) => owner !== null && info.owner !== null && owner(info.owner))]
  while (queue.length > 0) {
    const info = queue.pop()!
    if (info.pid === rootPid || info.pid === process.pid || found.has(info.pid)) continue
    found.set(info.pid, info)
    queue.push(...(children.get(info.pid) ?? []))
  }
  return [...found.values()]
}

/**
 * Finds the tree repeatedly until a scan adds nothing (a command may be
 * forking while we look), at most `rounds` times.
 */
export async function findTree(rootPid: number, owner: OwnerMatch, known: readonly ProcessInfo[] = [], rounds = 4): Promise<ProcessInfo[]> {
  const found = new Map<number, ProcessInfo>()
  for (let round = 0; round < rounds; round++) {
    const table = await listProcesses()
    const alive = new Map(table.map((info) => [info.pid, info]))
    const before = found.size
    // Processes seen earlier still count, even re-parented, if it is still the same process.
    for (const info of [...known, ...found.values()]) {
      const now = alive.get(info.pid)
      if (now && now.started === info.started) found.set(info.pid, now)
      else found.delete(info.pid)
    }
    for (const info of treeOf(table, rootPid, owner)) found.set(info.pid, info)
    for (const info of [...found.values()]) for (const more of treeOf(table, info.pid, null)) found.set(more.pid, more)
    // Stable: nothing new since the last scan (an empty first scan needs no second).
    if (found.size === before && (round > 0 || found.size === 0)) break
  }
  return [...found.values()]
}

/** Signals each process that is still the one we saw (not a reused pid); returns the pids signalled. */
export async function signalProcesses(targets: readonly ProcessInfo[], signal: NodeJS.Signals): Promise<number[]> {
  if (targets.length === 0) return []
  const started = hasProc ? null : new Map((await listProcesses()).map((info) => [info.pid, info.started]))
  const signalled: number[] = []
  for (const target of targets) {
    const now = started ? started.get(target.pid) : (await readProc(target.pid, false))?.started
    if (now !== target.started) continue
    try {
      process.kill(target.pid, signal)
      signalled.push(target.pid)
    } catch {
      // Gone meanwhile.
    }
  }
  return signalled
}

/** SIGKILLs the tree and whatever it spawns meanwhile, until nothing is left; returns how many were ended. */
export async function killTree(rootPid: number, owner: OwnerMatch, known: readonly ProcessInfo[] = []): Promise<number> {
  const ended = new Set<number>()
  let targets = await findTree(rootPid, owner, known)
  for (let round = 0; round < 5 && targets.length > 0; round++) {
    // Stopped first, so nothing forks between the last scan and the kill.
    await signalProcesses(targets, 'SIGSTOP')
    targets = await findTree(rootPid, owner, targets)
    for (const pid of await signalProcesses(targets, 'SIGKILL')) ended.add(pid)
    targets = (await findTree(rootPid, owner, [], 1)).filter((info) => !ended.has(info.pid))
  }
  return ended.size
}

async function listFromProc(withOwner: boolean): Promise<ProcessInfo[]> {
  const names = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  const infos = await Promise.all(names.map((name) => readProc(Number(name), withOwner)))
  return infos.filter((info): info is ProcessInfo => info !== null)
}

async function readProc(pid: number, withOwner: boolean): Promise<ProcessInfo | null> {
  let stat: string
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is the state; a zombie is already dead and only waits to be reaped.
  if (fields[0] === 'Z') return null
  return { pid, ppid: Number(fields[1]), started: fields[19] ?? '', owner: withOwner ? await ownerOf(pid) : null }
}

async function ownerOf(pid: number): Promise<string | null> {
  try {
    return ownerIn((await readFile(`/proc/${pid}/environ`)).toString('utf8'), '\0')
  } catch {
    // Not ours to read (another user's process): it cannot carry our tag anyway.
    return null
  }
}

/** The tag's value in an environment block whose entries are separated by `separator`. */
export function ownerIn(environment: string, separator: string): string | null {
  const key = `${OWNER_VARIABLE}=`
  const at = environment.startsWith(key) ? 0 : environment.indexOf(`${separator}${key}`)
  if (at < 0) return null
  const from = at === 0 ? key.length : at + separator.length + key.length
  const end = environment.indexOf(separator, from)
  return environment.slice(from, end < 0 ? undefined : end)
}

async function listFromPs(): Promise<ProcessInfo[]> {
  const [tree, environments] = await Promise.all([
    run('ps', ['-A', '-o', 'pid=,ppid=,lstart=']).then((out) => out.stdout),
    run('ps', ['-A', '-E', '-ww', '-o', 'pid=,command='], { maxBuffer: 64 * 1024 * 1024 }).then(
      (out) => out.stdout,
      () => '',
    ),
  ])
  const owners = new Map<number, string>()
  for (const line of environments.split('\n')) {
    const match = /^\s*(\d+)\s(.*)$/.exec(line)
    const owner = match ? ownerIn(` ${match[2]!}`, ' ') : null
    if (match && owner !== null) owners.set(Number(match[1]), owner)
  }
  const infos: ProcessInfo[] = []
  for (const line of tree.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)
    if (match) infos.push({ pid: Number(match[1]), ppid: Number(match[2]), started: match[3]!.trim(), owner: owners.get(Number(match[1])) ?? null })
  }
  return infos
}
