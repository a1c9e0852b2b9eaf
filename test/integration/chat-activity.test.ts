// Following chats from other tabs, slash commands and images, through the REAL
// claude CLI and real HTTP: GET /api/chat/activity announces every turn (the
// running ones first on connect) so a second client can re-attach; the slash
// commands the CLI lists are known after a first turn (and after a restart);
// `/something` reaches the CLI as a command; images reach the model API.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ChatTurnEnded, ChatTurnStarted, SlashCommandsResponse } from '../../src-main/contract/chat'
import { eventData as data, useChatWorld } from '../support/chat-world'
import { openSse } from '../support/sse-client'

const chats = useChatWorld({ childEnv: { CLAUDE_CODE_MAX_RETRIES: '0' } })

/** A flow whose executor works in a fresh folder holding a custom command `/hello`. */
async function flow(config: object = {}): Promise<{ flowId: string; dir: string }> {
  const created = await chats.executorFlow(config, 'Busy')
  await mkdir(join(created.dir, '.claude', 'commands'), { recursive: true })
  await writeFile(join(created.dir, '.claude', 'commands', 'hello.md'), '---\ndescription: Greet someone\n---\nGreet $ARGUMENTS warmly.\n')
  return created
}

const nodeChat = (flowId: string, body: object) => openSse(chats.server.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: chats.server.token, body })

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=='

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('chat activity', { timeout: 120_000 }, () => {
  it('a second client sees a turn start, follows it on the session stream, and sees it end; a late one gets the running turn first', async () => {
    const { flowId } = await flow()
    const watcher = openSse(chats.server.url, `/api/chat/activity?token=${chats.server.token}`)
    expect(await watcher.status).toBe(200)
    const turn = nodeChat(flowId, { prompt: 'count [[slow:250]]' })
    const started = data<ChatTurnStarted>(await watcher.waitFor('turn_started'))
    expect(started).toEqual({ flow_id: flowId, node_id: 'exec', session_id: expect.any(String) })

    // A tab opened now learns of the running turn at once and re-attaches to it.
    await turn.waitFor('text_delta')
    const late = openSse(chats.server.url, '/api/chat/activity', { token: chats.server.token })
    expect(data<ChatTurnStarted>(await late.waitFor('turn_started'))).toEqual(started)
    const follow = openSse(chats.server.url, `/api/flows/${flowId}/nodes/exec/interact/stream?session_id=${started.session_id}`, { token: chats.server.token })
    await follow.ended
    await turn.ended
    expect(follow.events.map((e) => e.data)).toEqual(turn.events.map((e) => e.data))

    const ended = data<ChatTurnEnded>(await watcher.waitFor('turn_ended'))
    expect(ended).toEqual({ ...started, outcome: 'done' })
    expect(Number(watcher.events.at(-1)!.id)).toBeGreaterThan(Number(watcher.events[0]!.id))

    // Stopped and failed turns say so; the lead agent's have node_id null.
    const slow = nodeChat(flowId, { prompt: 'again [[slow:400]]' })
    await slow.waitFor('text_delta')
    await chats.server.request(`/api/flows/${flowId}/nodes/exec/interact/stop`, { method: 'POST', body: {} })
    await slow.ended
    const lead = openSse(chats.server.url, `/api/flows/${flowId}/interact`, { token: chats.server.token, body: { prompt: 'lead [[fail-always:500]]' } })
    await lead.ended
    await until(() => watcher.events.filter((e) => e.event === 'turn_ended').length === 3)
    const endings = watcher.events.filter((e) => e.event === 'turn_ended').map((e) => data<ChatTurnEnded>(e))
    expect(endings.slice(1).map((e) => [e.node_id, e.outcome])).toEqual([['exec', 'stopped'], [null, 'error']])
    watcher.abort()
    late.abort()
    expect((await chats.server.request('/api/chat/activity', { auth: false })).status).toBe(401)
  })
})

describe('slash commands', { timeout: 120_000 }, () => {
  it('are unknown until a first turn, then listed (custom ones too) and kept across a restart', async () => {
    const { flowId } = await flow({ permission_mode: 'skip' })
    const nodePath = `/api/flows/${flowId}/nodes/exec/slash-commands`
    const flowPath = `/api/flows/${flowId}/slash-commands`
    expect((await chats.server.request(nodePath)).json()).toEqual({ commands: [], known: false })
    expect((await chats.server.request(flowPath)).json()).toEqual({ commands: [], known: false })

    await nodeChat(flowId, { prompt: 'hi' }).ended
    const listed = (await chats.server.request(nodePath)).json<SlashCommandsResponse>()
    expect(listed.known).toBe(true)
    expect(listed.commands).toEqual(expect.arrayContaining(['compact', 'hello']))
    expect(listed.commands.every((name) => !name.startsWith('/'))).toBe(true)
    // /clear would move the CLI to a session of its own: not offered, and refused.
    expect(listed.commands).not.toContain('clear')
    const clear = await chats.server.request(`/api/flows/${flowId}/nodes/exec/interact`, { method: 'POST', body: { prompt: '/clear' } })
    expect(clear.status).toBe(400)
    expect(clear.json<{ error: string }>().error).toBe('/clear is not passed on: start a new session instead (POST …/interact/new)')
    // The lead agent is its own chat.
    expect((await chats.server.request(flowPath)).json()).toEqual({ commands: [], known: false })
    await openSse(chats.server.url, `/api/flows/${flowId}/interact`, { token: chats.server.token, body: { prompt: 'lead hi' } }).ended
    expect((await chats.server.request(flowPath)).json<SlashCommandsResponse>().commands).toContain('hello')

    await chats.server.restart()
    expect((await chats.server.request(nodePath)).json()).toEqual(listed)
    expect((await chats.server.request(`/api/flows/${flowId}/nodes/nope/slash-commands`)).status).toBe(404)
    expect((await chats.server.request('/api/flows/nope/slash-commands')).status).toBe(404)
  })

  it('a message starting with / runs as the CLI command: /cost answers without the API, /hello expands the custom command', async () => {
    const { flowId } = await flow({ permission_mode: 'skip' })
    await nodeChat(flowId, { prompt: 'warm up' }).ended
    const before = chats.world.api.requests.length
    const cost = nodeChat(flowId, { prompt: '/cost' })
    await cost.ended
    expect(chats.world.api.requests.length).toBe(before)
    expect(data<{ text: string }>(cost.events.find((e) => e.event === 'text')).text).toContain('Total cost')
    expect(cost.events.slice(-2).map((e) => e.event)).toEqual(['result', 'done'])

    const hello = nodeChat(flowId, { prompt: '/hello Ada' })
    await hello.ended
    expect(JSON.stringify(chats.world.api.requests.at(-1)!.messages)).toContain('Greet Ada warmly.')
    expect(hello.events.at(-1)!.event).toBe('done')
  })
})

describe('images', { timeout: 120_000 }, () => {
  const imageBlocks = () => {
    const messages = chats.world.api.requests.at(-1)!.messages ?? []
    const last = [...messages].reverse().find((m) => m.role === 'user')!
    return (last.content as { type: string; text?: string; source?: { media_type: string; data: string } }[]).filter((b) => b.type === 'image' || (b.type === 'text' && !b.text!.startsWith('<system-reminder>')))
  }

  it('reach the model as image blocks before the text, in node and lead-agent chats', async () => {
    const { flowId } = await flow()
    await nodeChat(flowId, { prompt: 'what is this picture?', images: [{ media_type: 'image/png', data: PNG }] }).ended
    expect(imageBlocks()).toMatchObject([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
      { type: 'text', text: 'what is this picture?' },
    ])
    // A lead agent that would otherwise read plain text (skip mode) switches to stream-json for them.
    const lead = await flow({ permission_mode: 'skip' })
    const turn = openSse(chats.server.url, `/api/flows/${lead.flowId}/interact`, { token: chats.server.token, body: { prompt: 'and this one?', images: [{ media_type: 'image/png', data: PNG }, { media_type: 'image/png', data: PNG }] } })
    await turn.ended
    expect(imageBlocks().map((b) => b.type)).toEqual(['image', 'image', 'text'])
    expect(turn.events.at(-1)!.event).toBe('done')

    // The transcript keeps what was sent, not the data.
    const sessions = (await chats.server.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json<{ active_session: string }>()
    const page = (await chats.server.request(`/api/flows/${flowId}/nodes/exec/interact/sessions/${sessions.active_session}/transcript`)).json<{ entries: { event: string; data: unknown }[] }>()
    expect(page.entries[0]).toMatchObject({ event: 'user', data: { text: 'what is this picture?', images: [{ media_type: 'image/png', bytes: 70 }] } })
  })

  it('are refused with a 422 naming the field: too many, wrong type, not base64, over 5 MB', async () => {
    const { flowId } = await flow()
    const post = (images: unknown[]) => chats.server.request(`/api/flows/${flowId}/nodes/exec/interact`, { method: 'POST', body: { prompt: 'look', images } })
    const image = { media_type: 'image/png', data: PNG }
    const cases: [unknown[], RegExp][] = [
      [Array.from({ length: 6 }, () => image), /^invalid request body: images: at most 5 images$/],
      [[{ ...image, media_type: 'image/bmp' }], /^invalid request body: images\[0\]\.media_type: /],
      [[image, { ...image, data: 'not base64!' }], /^invalid request body: images\[1\]\.data: expected base64 text$/],
      [[{ ...image, data: 'A'.repeat(Math.ceil((5 * 1024 * 1024 + 3) / 3) * 4) }], /^invalid request body: images\[0\]\.data: image is larger than 5 MB$/],
    ]
    for (const [images, message] of cases) {
      const res = await post(images)
      expect(res.status).toBe(422)
      expect(res.json<{ error: string }>().error).toMatch(message)
    }
    // An image with no words is a message; nothing at all is not.
    expect((await chats.server.request(`/api/flows/${flowId}/nodes/exec/interact`, { method: 'POST', body: { prompt: ' ' } })).status).toBe(400)
    const sessions = (await chats.server.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json<{ sessions: unknown[] }>()
    expect(sessions.sessions).toEqual([])
  })
})
