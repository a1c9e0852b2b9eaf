// Executor-node chat in the studio's bottom panel (Chat tab), against the REAL
// `claude` CLI (offline: it talks to a local Messages API stand-in scripted by
// markers in the prompt).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Flow } from '../src-main/contract/api'
import type { ClaudeWorld } from './claude'
import { chatTest as test, expect } from './fixtures'
import { shot } from './screenshots'
import { watchProblems } from './ui-steps'
import { COST_FOOTER, answers, expectIdle, openNewChat, reopenChat, say } from './chat-steps'

// Each test starts a server, a stand-in and one or more real CLI processes.
test.describe.configure({ timeout: 60_000 })

/** Each request the stand-in received, as the JSON of its messages (the conversation so far). */
function promptsSeen(claude: ClaudeWorld): string[] {
  return claude.messages.requests.map((request) => JSON.stringify(request.messages ?? []))
}

test('chats with a new executor node: live answer, cost, and a second message in the same session', async ({ page, server, api, claude }) => {
  const problems = watchProblems(page)

  const { chat, flowId, nodeId } = await openNewChat(page, server, claude.workDir)
  // The node reached the server as asked.
  const stored = (await api.getFlow(flowId)).body as Flow
  expect(stored.nodes).toEqual([
    {
      id: nodeId,
      node_type: 'executor',
      kind: 'claude-code',
      config: { prompt: 'Summarise what you are given.', working_dir: claude.workDir, permission_mode: 'ask' },
      position: { x: expect.any(Number) as unknown, y: expect.any(Number) as unknown },
      label: 'Writer',
    },
  ])
  await expect(chat.getByTestId('session-select')).toBeDisabled()

  // The browser keeps no copy of a body its page read as a stream, so the first turn's wire is
  // read on its way through (the page then gets it in one piece; the Stop test watches it arrive live).
  let wire = ''
  await page.route(
    '**/interact',
    async (route) => {
      if (route.request().method() !== 'POST') return route.fallback()
      const response = await route.fetch()
      wire = await response.text()
      await route.fulfill({ response, body: wire })
    },
    { times: 1 },
  )
  // The route hands the page the answer only once the whole turn is over: allow for that.
  await say(chat, 'hello shoggoth', 30_000)
  await expect(chat.getByTestId('chat-user').getByTestId('message-text')).toHaveText(['hello shoggoth'])
  // The answer streams in and is confirmed by the whole text block.
  await expect(answers(chat)).toHaveText(['Echo: hello shoggoth'], { timeout: 20_000 })
  await expect(chat.getByTestId('chat-assistant')).toHaveAttribute('data-live', 'false')
  await expect(chat.getByTestId('chat-result')).toHaveText([COST_FOOTER])
  await expectIdle(chat)
  await expect(chat.getByTestId('session-meta')).toContainText('1 message')
  // It really was sent live: several deltas before the whole text block.
  expect(wire.match(/^event: text_delta$/gm)?.length ?? 0).toBeGreaterThan(1)
  expect(wire.indexOf('event: text_delta')).toBeLessThan(wire.indexOf('event: text\n'))

  await say(chat, 'and once more')
  await expect(answers(chat)).toHaveText(['Echo: hello shoggoth', 'Echo: and once more'], { timeout: 20_000 })
  await expect(chat.getByTestId('chat-result')).toHaveCount(2)
  await expectIdle(chat)
  // One session, now two messages: the picker refreshed after the turn.
  await expect(chat.getByTestId('session-select').locator('option')).toHaveCount(1)
  await expect(chat.getByTestId('session-select')).toContainText('hello shoggoth · 2 messages')
  await expect(chat.getByTestId('session-meta')).toContainText('2 messages')

  const listing = await api.listSessions(flowId, nodeId)
  expect(listing.sessions).toHaveLength(1)
  expect(listing.sessions[0]).toMatchObject({ message_count: 2, busy: false, summary: 'hello shoggoth' })
  expect(listing.sessions[0]?.total_cost).toBeGreaterThan(0)
  // Same Claude conversation: the second request carried the first exchange.
  const last = promptsSeen(claude).at(-1) ?? ''
  expect(last).toContain('hello shoggoth')
  expect(last).toContain('and once more')

  // After a reload the stored transcript brings the whole conversation back, once.
  await page.reload()
  const reopened = await reopenChat(page, 'Writer')
  await expect(answers(reopened)).toHaveText(['Echo: hello shoggoth', 'Echo: and once more'], { timeout: 10_000 })
  await expect(reopened.getByTestId('chat-user')).toHaveCount(2)
  expect(problems).toEqual([])
})

test('a Bash tool call shows its command and its real output', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  await say(chat, 'run it [[bash:echo e2e-$((6*7))]]')
  const card = chat.getByTestId('chat-tool')
  await expect(card).toHaveAttribute('data-tool', 'Bash', { timeout: 20_000 })
  await expect(card.getByTestId('chat-tool-summary')).toHaveText('echo e2e-$((6*7))')
  // The command really runs, which takes a moment on a busy machine; its card then says it is done.
  await expect(card.getByTestId('chat-tool-result')).toHaveText(['e2e-42'], { timeout: 20_000 })
  await expect(card).toHaveAttribute('data-state', 'done')
  await expect(card.getByTestId('tool-command')).toHaveText('$ echo e2e-$((6*7))')
  await expect(card.getByTestId('tool-exit')).toHaveText('Exit status 0')
  await expect(answers(chat)).toHaveText(['Ran: e2e-42'])
  await expect(chat.getByTestId('chat-result')).toHaveText([COST_FOOTER])
  await expectIdle(chat)
})

test('Stop ends a slow answer before it is done and the next message works', async ({ page, server, api, claude }) => {
  const { chat, flowId, nodeId } = await openNewChat(page, server, claude.workDir)
  await say(chat, 'count slowly [[slow:1500]]')
  const answer = chat.getByTestId('chat-assistant').first()
  // Ticks arrive one by one while the answer is still live.
  await expect(answer).toContainText('tick 0', { timeout: 20_000 })
  await expect(answer).toHaveAttribute('data-live', 'true')
  await expect(answer).toContainText('tick 1')
  await expect(answer).not.toContainText('tick 3')
  await expect(chat.getByRole('textbox', { name: 'Message' })).toBeEditable()
  await expect(chat.getByRole('button', { name: 'Send' })).toHaveCount(0)

  await chat.getByRole('button', { name: 'Stop' }).click()
  await expectIdle(chat)
  await expect(chat.getByTestId('chat-note')).toHaveText(['Stopped.'])
  // Idle before the answer would have ended: its last tick (fifteen seconds in) never came.
  await expect(answer).not.toContainText('tick 9')
  await expect(answer).toHaveAttribute('data-live', 'false')
  expect((await api.listSessions(flowId, nodeId)).sessions[0]?.busy).toBe(false)

  await say(chat, 'still there?')
  await expect(answers(chat).last()).toHaveText('Echo: still there?', { timeout: 20_000 })
  await expectIdle(chat)
})

test('New session starts a second session, the picker switches to it, and the old one can be deleted', async ({ page, server, api, claude }) => {
  const { chat, flowId, nodeId } = await openNewChat(page, server, claude.workDir)
  const select = chat.getByTestId('session-select')
  await say(chat, 'first session message')
  await expect(answers(chat)).toHaveText(['Echo: first session message'], { timeout: 20_000 })
  await expectIdle(chat)
  // The only session cannot be deleted.
  await expect(chat.getByRole('button', { name: 'Delete session' })).toBeDisabled()
  const firstId = (await api.listSessions(flowId, nodeId)).active_session

  await chat.getByRole('button', { name: 'New session' }).click()
  await expect(select.locator('option')).toHaveCount(2)
  const listing = await api.listSessions(flowId, nodeId)
  expect(listing.sessions).toHaveLength(2)
  const secondId = listing.active_session
  expect(secondId).not.toBe(firstId)
  await expect(select).toHaveValue(secondId)
  await expect(chat.getByTestId('session-meta')).toContainText('0 messages')
  await expect(chat.getByTestId('chat-user')).toHaveCount(0)

  await say(chat, 'second session message')
  await expect(answers(chat)).toHaveText(['Echo: second session message'], { timeout: 20_000 })
  await expectIdle(chat)
  // A new Claude conversation: the request knows nothing of the first session.
  const last = promptsSeen(claude).at(-1) ?? ''
  expect(last).toContain('second session message')
  expect(last).not.toContain('first session message')

  // Switching back shows what this app session saw there.
  await select.selectOption(firstId)
  await expect(answers(chat)).toHaveText(['Echo: first session message'])

  await chat.getByRole('button', { name: 'Delete session' }).click()
  await chat.getByRole('group', { name: 'Confirm session delete' }).getByRole('button', { name: 'Yes, delete' }).click()
  await expect(select.locator('option')).toHaveCount(1)
  await expect(select).toHaveValue(secondId)
  await expect(answers(chat)).toHaveText(['Echo: second session message'])
  await expect(chat.getByRole('button', { name: 'Delete session' })).toBeDisabled()
  expect((await api.listSessions(flowId, nodeId)).sessions.map((s) => s.session_id)).toEqual([secondId])
})

test('a stream cut mid-turn re-attaches once with Last-Event-ID and loses nothing', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  const reattached: (string | null)[] = []
  page.on('request', (request) => {
    // allHeaders: what the page's fetch really sent, Last-Event-ID included.
    if (request.url().includes('/interact/stream')) void request.allHeaders().then((headers) => reattached.push(headers['last-event-id'] ?? null))
  })
  // Let the real answer happen, but hand the page only its first three events.
  await page.route('**/interact', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    const response = await route.fetch()
    const frames = (await response.text()).split('\n\n').filter((frame) => frame.trim() !== '')
    expect(frames.length).toBeGreaterThan(4)
    await route.fulfill({ response, body: `${frames.slice(0, 3).join('\n\n')}\n\n` })
  })

  // The page hears back only once the whole turn is over (the route holds it), so the box clears late.
  await say(chat, 'please survive a cut', 30_000)
  await expect(answers(chat)).toHaveText(['Echo: please survive a cut'], { timeout: 20_000 })
  await expect(chat.getByTestId('chat-result')).toHaveText([COST_FOOTER])
  await expectIdle(chat)
  expect(reattached).toEqual(['3'])
  await expect(chat.getByTestId('chat-error-line')).toHaveCount(0)
})

test('chat panel mid-conversation (README screenshot)', async ({ page, server, claude }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const { chat } = await openNewChat(page, server, claude.workDir, 'Release notes writer')
  // Room for the conversation: drag the bottom panel up.
  const handle = await page.getByRole('separator', { name: 'Resize the bottom panel' }).boundingBox()
  if (!handle) throw new Error('the bottom panel has no resize handle on screen')
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
  await page.mouse.down()
  await page.mouse.move(handle.x + handle.width / 2, handle.y - 300, { steps: 8 })
  await page.mouse.up()
  await expect.poll(async () => (await chat.boundingBox())?.height ?? 0).toBeGreaterThan(420)
  // Centre the executor again, at its usual size.
  await page.getByTestId('canvas').getByRole('button', { name: 'Fit View' }).click()
  for (let step = 0; step < 3; step++) await page.getByTestId('canvas').getByRole('button', { name: 'Zoom Out' }).click()
  await say(chat, 'What changed since the last tag?')
  await expect(chat.getByTestId('chat-result')).toHaveCount(1, { timeout: 20_000 })
  await expectIdle(chat)
  await say(chat, 'List the tags first [[bash:printf "v0.1.0\\nv0.2.0\\n"]]')
  await expect(chat.getByTestId('chat-tool-result')).toContainText('v0.2.0', { timeout: 20_000 })
  await expectIdle(chat)
  // Ten ticks a second apart: time enough to take the picture and press Stop on a busy machine.
  await say(chat, 'Now draft the notes [[slow:1000]]')
  await expect(chat.getByTestId('chat-assistant').last()).toContainText('tick 3', { timeout: 20_000 })
  await page.mouse.move(0, 0)
  await shot(page, 'chat')
  await chat.getByRole('button', { name: 'Stop' }).click()
  await expectIdle(chat, 5_000)
})

test('a turn another client starts in the shown session is followed at once; a message typed meanwhile waits in the box', async ({ page, server, api, claude }) => {
  const { chat, flowId, nodeId } = await openNewChat(page, server, claude.workDir)
  await say(chat, 'warm up')
  await expect(answers(chat)).toHaveText(['Echo: warm up'], { timeout: 20_000 })
  await expectIdle(chat)
  const sessionId = (await api.listSessions(flowId, nodeId)).active_session

  // Another client starts a slow turn in the same session behind the page's back.
  const other = fetch(new URL(`/api/flows/${flowId}/nodes/${nodeId}/interact`, server.baseUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt: 'elsewhere [[slow:400]]', session_id: sessionId }),
  }).then((response) => response.text())

  // The page hears of it (GET /api/events), shows the other client's message and streams the answer.
  await expect(chat.getByRole('button', { name: 'Stop' })).toBeVisible({ timeout: 10_000 })
  await expect(chat.getByTestId('chat-user')).toHaveCount(2)
  await expect(chat.getByTestId('chat-user').last()).toContainText('elsewhere')
  await expect(answers(chat).last()).toContainText('tick 1', { timeout: 10_000 })

  // A message typed now is not sent, and not lost.
  const box = chat.getByRole('textbox', { name: 'Message' })
  await box.fill('are you there?')
  await box.press('Enter')
  await expect(box).toHaveValue('are you there?')
  await expect(chat.getByTestId('chat-user')).toHaveCount(2)
  await expect(answers(chat).last()).toContainText('tick 9', { timeout: 10_000 })
  await expect(chat.getByTestId('chat-result')).toHaveCount(2)
  await expectIdle(chat)
  expect(await other).toContain('event: done')

  // Now the same message goes through.
  await box.press('Enter')
  await expect(answers(chat).last()).toHaveText('Echo: are you there?', { timeout: 20_000 })
  await expect(chat.getByTestId('chat-notice')).toHaveCount(0)
})

test('after a reload mid-answer the chat re-attaches to the running turn', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  // A second per tick: the turn is still going when the reloaded page looks for it.
  await say(chat, 'take your time [[slow:1000]]')
  await expect(answers(chat).first()).toContainText('tick 1', { timeout: 20_000 })

  await page.reload()
  const reopened = await reopenChat(page, 'Writer')
  await expect(reopened.getByTestId('chat-status')).toHaveText(/.+/)
  // The turn is replayed from its start and followed to the end.
  await expect(answers(reopened)).toHaveText([/^tick 0 tick 1 .*tick 9 $/], { timeout: 20_000 })
  await expect(reopened.getByTestId('chat-result')).toHaveCount(1)
  await expectIdle(reopened)
  // The stored message shows once; the replayed turn is not doubled by the stored history.
  await expect(reopened.getByTestId('chat-user')).toHaveCount(1)
})

test('a turn that cannot start shows its error in red and does not try to re-attach', async ({ page, server, claude }) => {
  // A file where the working directory should be: claude cannot be started there.
  const notADir = join(claude.workDir, 'not-a-directory')
  await writeFile(notADir, '')
  const { chat } = await openNewChat(page, server, notADir)
  const streams: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/interact/stream')) streams.push(request.url())
  })
  await say(chat, 'hello?')
  await expect(chat.getByTestId('chat-error-line')).toHaveText([/^failed to spawn claude: .*not a directory/], { timeout: 20_000 })
  await expect(chat.getByTestId('chat-error-line')).toHaveCSS('color', 'rgb(194, 49, 58)')
  await expectIdle(chat)
  await expect(answers(chat)).toHaveCount(0)
  expect(streams).toEqual([])
})

test('Save as prompt: Claude drafts a prompt from the chat, the user edits it, and it lands in the library', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  await say(chat, 'Draft release notes for acme/app [[reply:{"title": "Release notes", "summary": "Write release notes for {{repo}}.", "tags": ["github"]}]]')
  await expectIdle(chat)

  await chat.getByTestId('save-chat-as-prompt').click()
  const dialog = page.getByTestId('save-prompt-dialog')
  // The summariser sees the chat; the stand-in answers with the JSON the message asked for.
  await expect(dialog.getByLabel('Title')).toHaveValue('Release notes', { timeout: 20_000 })
  await expect(dialog.getByLabel('Prompt')).toHaveValue('Write release notes for {{repo}}.')
  await dialog.getByLabel('Title').fill('Weekly release notes')
  await dialog.getByRole('button', { name: 'Save prompt' }).click()

  // The library opens on the new prompt.
  await expect(page.getByTestId('open-prompts')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('main')).toContainText('Weekly release notes')
  const prompts = await (await fetch(`${server.baseUrl}/api/prompts`, { headers: { Authorization: `Bearer ${server.token}` } })).json() as { prompts: { title: string; tags: string[]; source_flow_name: string }[] }
  expect(prompts.prompts).toEqual([expect.objectContaining({ title: 'Weekly release notes', tags: ['github'], source_flow_name: 'Chat flow' })])
})

test('the lead agent chats about the whole flow, and its history is there after a reload', async ({ page, server, claude }) => {
  const problems = watchProblems(page)
  const { chat, flowId } = await openNewChat(page, server, claude.workDir)
  // Picked in the Chat tab; it wins over the executor selected on the canvas.
  await page.getByTestId('chat-executor').selectOption({ label: 'Lead agent (whole flow)' })
  await expect(chat.getByRole('heading', { name: 'Chat with the lead agent' })).toBeVisible()
  await expect(chat.getByTestId('session-select')).toBeDisabled()

  await say(chat, 'What does this flow do? [[reply:It chats about the flow.]]')
  await expect(answers(chat)).toHaveText(['It chats about the flow.'], { timeout: 20_000 })
  await expect(chat.getByTestId('chat-result')).toHaveText([COST_FOOTER])
  await expectIdle(chat)

  // The session is the flow's, not the node's.
  const response = await fetch(`${server.baseUrl}/api/flows/${flowId}/interact/sessions`, { headers: { Authorization: `Bearer ${server.token}` } })
  const listing = (await response.json()) as { sessions: { message_count: number }[] }
  expect(listing.sessions).toEqual([expect.objectContaining({ message_count: 1 })])

  // The choice and the stored transcript survive a reload.
  await page.reload()
  await expect(page.getByTestId('flow-name')).toHaveValue('Chat flow')
  const reopened = page.getByTestId('chat-panel')
  await expect(reopened.getByRole('heading', { name: 'Chat with the lead agent' })).toBeVisible()
  await expect(answers(reopened)).toHaveText(['It chats about the flow.'], { timeout: 10_000 })
  await expect(reopened.getByTestId('chat-user').getByTestId('message-text')).toHaveText(['What does this flow do? [[reply:It chats about the flow.]]'])

  // Back to the executor: its own, still empty chat.
  await page.getByTestId('chat-executor').selectOption({ label: 'Writer' })
  await expect(reopened.getByRole('heading', { name: 'Chat with Writer' })).toBeVisible()
  await expect(answers(reopened)).toHaveCount(0)
  expect(problems).toEqual([])
})

test('Esc stops a slow answer, and ArrowUp/ArrowDown recall the messages sent', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  const box = chat.getByRole('textbox', { name: 'Message' })
  await say(chat, 'first message')
  await expect(answers(chat)).toHaveText(['Echo: first message'], { timeout: 20_000 })
  await expectIdle(chat)

  await say(chat, 'count slowly [[slow:500]]')
  await expect(chat.getByTestId('chat-assistant').last()).toContainText('tick 0', { timeout: 20_000 })
  await box.press('Escape')
  await expectIdle(chat, 5_000)
  await expect(chat.getByTestId('chat-note')).toHaveText(['Stopped.'])
  await expect(chat.getByTestId('chat-assistant').last()).not.toContainText('tick 9')

  // Up walks back through what was sent, Down forward to an empty box again.
  await box.press('ArrowUp')
  await expect(box).toHaveValue('count slowly [[slow:500]]')
  await box.press('ArrowUp')
  await expect(box).toHaveValue('first message')
  await box.press('ArrowDown')
  await expect(box).toHaveValue('count slowly [[slow:500]]')
  await box.press('ArrowDown')
  await expect(box).toHaveValue('')
  // Something typed is never replaced.
  await box.fill('my own text')
  await box.press('ArrowUp')
  await expect(box).toHaveValue('my own text')
  // A recalled message can be sent again.
  await box.fill('')
  await box.press('ArrowUp')
  await box.press('ArrowUp')
  await box.press('Enter')
  await expect(answers(chat).last()).toHaveText('Echo: first message', { timeout: 20_000 })
  await expectIdle(chat)
})
