// Writes of every kind against a server that is about to be killed, and what
// must hold after its next start. Each client owns what it creates and sends
// one request at a time, so at a kill every thing has at most one change in
// flight: after the restart it shows the last acknowledged change, or that one.
import { rawRequest } from './server'
import { openSse } from './sse-client'

export interface Thing {
  id: string
  kind: 'flow' | 'prompt'
  /** What the last acknowledged write left, or null once a delete was acknowledged. */
  acked: string | null
  /** The value a write in flight at the kill would leave ('deleted' for a delete). */
  inFlight: string | null
}

/** Everything the server acknowledged, across every start. */
export class Ledger {
  readonly things = new Map<string, Thing>()
  /** Names of creates sent but never answered: their thing may exist, unknown to us. */
  readonly unansweredCreates = new Set<string>()
  /** run id → flow id, for every trigger answered 202. */
  readonly runs = new Map<string, string>()
  /** session id → turns answered to the end (the stream closed after `done`). */
  readonly sessions = new Map<string, number>()
  /** Answers no running server should give (a 5xx, a refusal of a valid write). */
  readonly problems: string[] = []
  acknowledged = 0

  present(kind: Thing['kind']): Thing[] {
    return [...this.things.values()].filter((thing) => thing.kind === kind && thing.acked !== null && thing.inFlight === null)
  }
}

export interface Server {
  url: string
  token: string
}

/** The flow whose executor chats: created once, never changed by the writers. */
export interface ChatTarget {
  flowId: string
  sessionId: string
}

const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]

/** One client: random writes, one at a time, until `stopped()`; every answer goes into the ledger. */
export async function writeUntilKilled(server: Server, ledger: Ledger, random: () => number, label: string, stopped: () => boolean): Promise<void> {
  const call = (path: string, method: string, body?: object) => rawRequest(server.url, path, { method, token: server.token, ...(body ? { body } : {}) })
  for (let n = 0; !stopped(); n++) {
    const roll = random()
    try {
      if (roll < 0.2) await create(ledger, 'flow', `${label}-${n}`, (name) => call('/api/flows', 'POST', { name, description: 'v0', nodes: [{ id: 'x', node_type: 'trigger', kind: 'manual', config: {}, position: { x: 0, y: 0 }, label: 'When' }] }))
      else if (roll < 0.35) await create(ledger, 'prompt', `${label}-${n}`, (title) => call('/api/prompts', 'POST', { title, summary: 'v0' }))
      else if (roll < 0.55) await change(ledger, pick(random, ledger.present('flow')), `v${n}`, (id, value) => call(`/api/flows/${id}`, 'PUT', { description: value }))
      else if (roll < 0.65) await change(ledger, pick(random, ledger.present('prompt')), `v${n}`, (id, value) => call(`/api/prompts/${id}`, 'PUT', { summary: value }))
      else if (roll < 0.72) await remove(ledger, pick(random, ledger.present('flow')), (id) => call(`/api/flows/${id}`, 'DELETE'))
      else if (roll < 0.77) await remove(ledger, pick(random, ledger.present('prompt')), (id) => call(`/api/prompts/${id}`, 'DELETE'))
      else {
        const flow = pick(random, ledger.present('flow'))
        if (!flow) continue
        const answer = await call(`/api/flows/${flow.id}/trigger`, 'POST', { allow_overlap: true })
        if (answer.status === 202) ledger.runs.set(answer.json<{ run_id: string }>().run_id, flow.id)
        else ledger.problems.push(`trigger of flow ${flow.id} answered ${answer.status}: ${answer.text}`)
      }
    } catch {
      // The server was killed mid-request: whatever was in flight stays in flight.
      return
    }
    if (ledger.problems.length > 0) return
  }
}

async function create(ledger: Ledger, kind: Thing['kind'], name: string, send: (name: string) => Promise<{ status: number; json<T>(): T }>): Promise<void> {
  ledger.unansweredCreates.add(name)
  const answer = await send(name)
  ledger.unansweredCreates.delete(name)
  if (answer.status !== 201) return void ledger.problems.push(`create ${kind} answered ${answer.status}`)
  const id = answer.json<{ id: string }>().id
  ledger.things.set(id, { id, kind, acked: 'v0', inFlight: null })
  ledger.acknowledged++
}

async function change(ledger: Ledger, thing: Thing | undefined, value: string, send: (id: string, value: string) => Promise<{ status: number }>): Promise<void> {
  if (!thing) return
  thing.inFlight = value
  const answer = await send(thing.id, value)
  if (answer.status !== 200) return void ledger.problems.push(`change of ${thing.kind} ${thing.id} answered ${answer.status}`)
  thing.acked = value
  thing.inFlight = null
  ledger.acknowledged++
}

async function remove(ledger: Ledger, thing: Thing | undefined, send: (id: string) => Promise<{ status: number }>): Promise<void> {
  if (!thing) return
  thing.inFlight = 'deleted'
  const answer = await send(thing.id)
  if (answer.status !== 200) return void ledger.problems.push(`delete of ${thing.kind} ${thing.id} answered ${answer.status}`)
  thing.acked = null
  thing.inFlight = null
  ledger.acknowledged++
}

/** Chat turns with the real claude, one after another until `stopped()`. */
export async function chatUntilKilled(server: Server, ledger: Ledger, chat: ChatTarget, stopped: () => boolean): Promise<void> {
  try {
    while (!stopped() && ledger.problems.length === 0) await chatTurn(server, ledger, chat)
  } catch {
    // The server was killed mid-turn.
  }
}

/** One turn; acknowledged once the server has finished its stream, after `done`. */
async function chatTurn(server: Server, ledger: Ledger, chat: ChatTarget): Promise<void> {
  const turn = openSse(server.url, `/api/flows/${chat.flowId}/nodes/exec/interact`, { token: server.token, body: { prompt: 'hello [[reply:noted]]', session_id: chat.sessionId } })
  const status = await turn.status
  // 0: no answer at all (the server is gone).
  if (status === 0) throw new Error('no answer')
  if (status !== 200) return void ledger.problems.push(`chat answered ${status}: ${await turn.body}`)
  // The stream closes once the session is saved: a turn whose stream was cut is still in flight.
  if (!(await turn.finished) || turn.events.at(-1)?.event !== 'done') throw new Error('the turn was cut off')
  ledger.sessions.set(chat.sessionId, (ledger.sessions.get(chat.sessionId) ?? 0) + 1)
  ledger.acknowledged++
}
