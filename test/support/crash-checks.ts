// What a SIGKILL may leave and what the next start must make of it: every
// file whole (or a temp file the start sweeps), every acknowledged write there.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import type { FlowRun, FlowSummary, SavedPrompt } from '../../src-main/contract/api'
import { RUNS_PER_FLOW } from '../../src-main/runs/run-store'
import type { Ledger, Server, Thing } from './crash-writes'
import { rawRequest } from './server'

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await filesUnder(path)))
    else found.push(path)
  }
  return found
}

export const isTemp = (path: string) => path.endsWith('.tmp')

/**
 * Right after the kill, before any start: every JSON and YAML file parses, every
 * line of an append-only transcript but a torn last one parses. Returns the
 * problems and how many temp files the kill left.
 */
export async function filesAfterKill(dataDir: string): Promise<{ problems: string[]; temps: number }> {
  const problems: string[] = []
  let temps = 0
  for (const path of await filesUnder(dataDir)) {
    const name = relative(dataDir, path)
    if (isTemp(path)) {
      temps++
      continue
    }
    const text = await readFile(path, 'utf8')
    try {
      if (path.endsWith('.json')) JSON.parse(text)
      else if (path.endsWith('.yaml')) parse(text)
      else if (path.endsWith('.jsonl')) for (const line of text.split('\n').slice(0, -1)) JSON.parse(line)
    } catch (error) {
      problems.push(`${name} does not parse: ${(error as Error).message}`)
    }
  }
  return { problems, temps }
}

/** After a start: no temp file left anywhere, nothing the server skipped as unreadable. */
export async function startClean(server: Server, dataDir: string, stderr: string[]): Promise<string[]> {
  // The server listens before it has loaded (and swept) the data dir; an API answer means it has.
  await rawRequest(server.url, '/api/flows', { token: server.token })
  const problems = (await filesUnder(dataDir)).filter(isTemp).map((path) => `${relative(dataDir, path)} was not swept at start`)
  for (const line of stderr.filter((l) => l.includes('skipping'))) problems.push(`the start skipped a file: ${line}`)
  return problems
}

/** Holds the server's state to the ledger; then the ledger takes what the server shows for what was in flight. */
export async function acknowledgedWritesThere(server: Server, ledger: Ledger, dataDir: string, chatFlowId: string): Promise<string[]> {
  const problems: string[] = []
  const get = async <T>(path: string) => (await rawRequest(server.url, path, { token: server.token })).json<T>()
  const flows = new Map((await get<{ flows: FlowSummary[] }>('/api/flows')).flows.filter((f) => f.id !== chatFlowId).map((f) => [f.id, { name: f.name, value: f.description }]))
  const prompts = new Map((await get<{ prompts: SavedPrompt[] }>('/api/prompts')).prompts.map((p) => [p.id, { name: p.title, value: p.summary }]))
  reconcile(ledger, 'flow', flows, problems)
  reconcile(ledger, 'prompt', prompts, problems)

  // One listing per flow: the ledger holds hundreds of runs after many kills.
  const runsOf = new Map<string, Promise<FlowRun[]>>()
  for (const [runId, flowId] of ledger.runs) {
    const flow = ledger.things.get(flowId)
    if (flow?.acked === null) {
      const left = await stat(join(dataDir, 'runs', flowId)).then(() => true, () => false)
      if (left) problems.push(`runs of the deleted flow ${flowId} are still on disk`)
      ledger.runs.delete(runId)
      continue
    }
    if (!runsOf.has(flowId)) runsOf.set(flowId, get<{ runs: FlowRun[] }>(`/api/flows/${flowId}/runs`).then((answer) => answer.runs))
    const runs = await runsOf.get(flowId)!
    const run = runs.find((r) => r.id === runId)
    // A flow keeps its newest 100 runs: an older one may be gone for that reason.
    if (!run && runs.length < RUNS_PER_FLOW) problems.push(`acknowledged run ${runId} of flow ${flowId} is gone`)
    else if (run?.status === 'running') problems.push(`run ${runId} is still 'running' after the restart`)
  }

  for (const [sessionId, turns] of ledger.sessions) {
    const listing = await get<{ sessions: { session_id: string; message_count: number }[] }>(`/api/flows/${chatFlowId}/nodes/exec/interact/sessions`)
    const counted = listing.sessions.find((s) => s.session_id === sessionId)?.message_count ?? -1
    // One more than acknowledged: a turn that ended just before the kill, its stream not yet closed.
    if (counted < turns || counted > turns + 1) problems.push(`session ${sessionId} counts ${counted} turns; ${turns} were acknowledged`)
    ledger.sessions.set(sessionId, counted)
  }
  return problems
}

function reconcile(ledger: Ledger, kind: Thing['kind'], shown: Map<string, { name: string; value: string }>, problems: string[]): void {
  for (const thing of [...ledger.things.values()].filter((t) => t.kind === kind)) {
    const now = shown.get(thing.id)
    const allowed = [thing.acked, ...(thing.inFlight === null ? [] : [thing.inFlight === 'deleted' ? null : thing.inFlight])]
    const seen = now ? now.value : null
    if (!allowed.includes(seen)) problems.push(`${kind} ${thing.id}: ${seen === null ? 'gone' : `"${seen}"`}, expected ${allowed.map((v) => (v === null ? 'gone' : `"${v}"`)).join(' or ')}`)
    thing.acked = seen
    thing.inFlight = null
    shown.delete(thing.id)
  }
  // What is left was created by a request the kill cut short, or by nobody.
  for (const [id, { name, value }] of shown) {
    if (!ledger.unansweredCreates.delete(name)) problems.push(`${kind} ${id} ("${name}") was never created`)
    ledger.things.set(id, { id, kind, acked: value, inFlight: null })
  }
}
