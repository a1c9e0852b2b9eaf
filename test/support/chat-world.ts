// A test file's chat world: the real `claude` CLI against the Messages API
// stand-in, and a backend that runs it, started before the file's tests and
// stopped after; plus the one-executor flows chat tests talk to.
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { BackendSettings } from '../../src-main/backend'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from './claude'
import { quietHome } from './quiet-home'
import { openSse, type ReceivedEvent, type SseCall } from './sse-client'
import { startTestServer, type TestServer } from './server'

export interface ChatWorld {
  readonly world: ClaudeWorld
  readonly server: TestServer
  /** A flow with one executor `exec` working in a fresh folder; its config adds to (or overrides) `prompt` and `working_dir`. */
  executorFlow(config?: object, name?: string): Promise<{ flowId: string; dir: string }>
  /** One message to the `exec` node's chat. */
  send(flowId: string, prompt: string, sessionId?: string): SseCall
}

/** `extra`: more environment for the claude children (e.g. CLAUDE_CODE_MAX_RETRIES) and backend settings. */
export function useChatWorld(extra: { childEnv?: Record<string, string>; settings?: Partial<BackendSettings> } = {}): ChatWorld {
  let world: ClaudeWorld
  let server: TestServer
  beforeAll(async () => {
    world = await startClaudeWorld()
    server = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: { ...quietHome(world), ...extra.childEnv }, ...extra.settings })
  })
  afterAll(async () => {
    await server.stop()
    await world.close()
  })
  return {
    get world() {
      return world
    },
    get server() {
      return server
    },
    async executorFlow(config = {}, name = 'Chat') {
      const dir = await mkdtemp(join(world.workDir, 'chat-'))
      const node = { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: dir, ...config }, position: { x: 0, y: 0 }, label: 'Writer' }
      const res = await server.request('/api/flows', { method: 'POST', body: { name, nodes: [node] } })
      return { flowId: res.json<{ id: string }>().id, dir }
    },
    send: (flowId, prompt, sessionId) =>
      openSse(server.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: server.token, body: { prompt, ...(sessionId ? { session_id: sessionId } : {}) } }),
  }
}

/** The parsed data of an event. */
export const eventData = <T>(event: ReceivedEvent | undefined): T => JSON.parse(event!.data) as T

/** The parsed data of every event with this name. */
export const eventsNamed = <T>(call: SseCall, name: string): T[] => call.events.filter((e) => e.event === name).map((e) => eventData<T>(e))
