// Tool permissions approved from the app (issue 9), chat history after a reload and Markdown
// replies, against the REAL `claude` CLI and the Messages API stand-in: `[[bash:touch …]]`
// makes the model call Bash with a command the CLI asks about in `ask` mode.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { chatTest as test, expect } from './fixtures'
import { shot } from './screenshots'
import { flowItem, selectNode, watchProblems } from './ui-steps'

test.describe.configure({ timeout: 90_000 })

const FLOW = 'Approvals flow'

/** Opens the flow, selects the executor and opens its chat; returns the chat panel. */
async function openChat(page: Page): Promise<Locator> {
  await flowItem(page, FLOW).click()
  await expect(page.getByTestId('flow-name')).toHaveValue(FLOW)
  const node = page.locator('[data-testid="canvas-node"][data-kind="claude-code"]').filter({ hasText: 'Writer' })
  await selectNode(page, node)
  await page.getByTestId('properties-pane').getByTestId('chat-with-node').click()
  const chat = page.getByTestId('chat-panel')
  await expect(chat.getByRole('heading', { name: 'Chat with Writer' })).toBeVisible()
  return chat
}

async function say(chat: Locator, text: string): Promise<void> {
  const box = chat.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
  await expect(box).toHaveValue('', { timeout: 10_000 })
}

async function expectIdle(chat: Locator): Promise<void> {
  await expect(chat.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 30_000 })
}

test('approve and deny a Bash call from the chat, see it in the title bar, keep the history after a reload, render Markdown', async ({ page, server, api, claude }) => {
  const problems = watchProblems(page)
  await api.createFlowWith({
    name: FLOW,
    nodes: [{
      id: 'writer', node_type: 'executor', kind: 'claude-code', label: 'Writer', position: { x: 0, y: 0 },
      config: { prompt: 'Do as you are told.', working_dir: claude.workDir, permission_mode: 'ask' },
    }],
  })
  // Tall enough that the bottom panel shows a few messages in the screenshots.
  await page.setViewportSize({ width: 1280, height: 1300 })
  await page.goto(server.appUrl)
  const chat = await openChat(page)

  // The property panel says what the mode means.
  const panel = page.getByTestId('properties-pane')
  await expect(panel.getByTestId('permission-mode')).toHaveValue('ask')
  await expect(panel.getByTestId('permission-mode-explanation')).toContainText('waits for your answer')
  await expect(panel.getByTestId('permission-mode-warning')).toHaveCount(0)
  await panel.getByTestId('permission-mode').scrollIntoViewIfNeeded()
  await shot(page, 'approvals-permission-mode')

  const indicator = page.getByTestId('approvals-indicator')
  await expect(indicator).toHaveAttribute('data-count', '0')

  // 1. Allow once: the card appears inline and in the title bar's list.
  await say(chat, 'make a file [[bash:touch approved.txt]]')
  const first = chat.getByTestId('approval-card').first()
  await expect(first).toHaveAttribute('data-state', 'pending', { timeout: 30_000 })
  await expect(first.getByTestId('approval-detail')).toHaveText('touch approved.txt')
  await expect(chat.getByTestId('chat-status')).toContainText('approval')
  await expect(indicator).toHaveAttribute('data-count', '1')
  await indicator.click()
  const popover = page.getByTestId('approvals-popover')
  await expect(popover.getByTestId('approval-card')).toHaveCount(1)
  await expect(popover).toContainText(`${FLOW} · Writer · chat`)
  await expect(popover.getByTestId('approval-detail')).toHaveText('touch approved.txt')
  await shot(page, 'approvals-popover')
  await page.keyboard.press('Escape')
  await expect(popover).toHaveCount(0)
  await shot(page, 'approvals-chat-card')

  await first.getByTestId('approval-allow-once').click()
  await expect(first.getByTestId('approval-outcome')).toHaveText('Allowed once')
  await expect(chat.getByTestId('chat-tool-result').first()).toBeVisible({ timeout: 30_000 })
  await expectIdle(chat)
  expect(existsSync(join(claude.workDir, 'approved.txt'))).toBe(true)
  await expect(indicator).toHaveAttribute('data-count', '0')

  // 2. Deny with a message: the model reads it as the tool's result.
  await say(chat, 'another one [[bash:touch denied.txt]]')
  const second = chat.getByTestId('approval-card').nth(1)
  await expect(second).toHaveAttribute('data-state', 'pending', { timeout: 30_000 })
  await second.getByTestId('approval-deny').click()
  await second.getByTestId('approval-deny-message').fill('Not in this folder, please')
  await second.getByTestId('approval-deny-confirm').click()
  await expect(second.getByTestId('approval-outcome')).toHaveText('Denied: Not in this folder, please')
  await expect(chat.getByTestId('chat-tool-result').nth(1)).toContainText('Not in this folder, please', { timeout: 30_000 })
  await expectIdle(chat)
  expect(existsSync(join(claude.workDir, 'denied.txt'))).toBe(false)

  // 3. Markdown: bold text and a monospace code block with a copy button.
  await say(chat, 'format it [[reply:Here is **bold** text.\n\n```\nconst answer = 42\n```\n]]')
  const last = chat.getByTestId('chat-assistant').last()
  await expect(last.locator('strong')).toHaveText('bold', { timeout: 30_000 })
  await expect(last.locator('pre')).toHaveText('const answer = 42')
  expect(await last.locator('pre').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i)
  await expect(last.getByRole('button', { name: 'Copy code' })).toBeVisible()
  await expectIdle(chat)
  await last.scrollIntoViewIfNeeded()
  await shot(page, 'approvals-markdown')

  // 4. After a reload the whole history is there, once, with the same cards.
  const count = async (c: Locator) => ({
    user: await c.getByTestId('chat-user').count(),
    cards: await c.getByTestId('approval-card').count(),
    results: await c.getByTestId('chat-tool-result').count(),
    answers: await c.getByTestId('chat-assistant').count(),
  })
  const before = await count(chat)
  expect(before.user).toBe(3)
  await page.reload()
  const reopened = await openChat(page)
  await expect(reopened.getByTestId('chat-user')).toHaveCount(3, { timeout: 15_000 })
  expect(await count(reopened)).toEqual(before)
  await expect(reopened.getByTestId('approval-outcome')).toHaveText(['Allowed once', 'Denied: Not in this folder, please'])
  await expect(reopened.getByTestId('chat-assistant').last().locator('strong')).toHaveText('bold')
  await expect(reopened.getByTestId('chat-earlier')).toHaveCount(0)
  await shot(page, 'approvals-history')
  expect(problems).toEqual([])
})

test('a run that asks waits on its executor node and goes on once allowed from the title bar', async ({ page, server, api, claude }) => {
  const flowId = await api.createFlowWith({
    name: 'Run approvals',
    nodes: [
      { id: 'start', node_type: 'trigger', kind: 'manual', label: 'Start', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'writer', node_type: 'executor', kind: 'claude-code', label: 'Writer', position: { x: 300, y: 0 },
        config: { prompt: 'Make the file [[bash:touch from-run.txt]]', working_dir: claude.workDir, permission_mode: 'ask' },
      },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'writer' }],
  })
  await page.goto(server.appUrl)
  await flowItem(page, 'Run approvals').click()
  await expect(page.getByTestId('flow-name')).toHaveValue('Run approvals')
  await api.triggerRun(flowId)

  const indicator = page.getByTestId('approvals-indicator')
  await expect(indicator).toHaveAttribute('data-count', '1', { timeout: 30_000 })
  const node = page.locator('[data-testid="canvas-node"][data-node-id="writer"]')
  await expect(node).toHaveAttribute('data-run-state', 'waiting')
  await expect(node).toContainText('Waiting for approval')
  await indicator.click()
  const card = page.getByTestId('approvals-popover').getByTestId('approval-card')
  await expect(card).toContainText('Run approvals · Writer · run')
  await expect(card.getByTestId('approval-detail')).toHaveText('touch from-run.txt')
  await shot(page, 'approvals-run')
  await card.getByTestId('approval-allow-once').click()
  await expect(indicator).toHaveAttribute('data-count', '0')
  await expect(node).toHaveAttribute('data-run-state', 'done', { timeout: 30_000 })
  expect(existsSync(join(claude.workDir, 'from-run.txt'))).toBe(true)
})
