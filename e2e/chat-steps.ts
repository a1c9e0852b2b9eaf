// Steps of an executor chat in the studio, shared by the chat specs.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'
import type { RunningServer } from './server'
import { addNodeFromPalette, configureExecutor, createFlowInUi, expectSaved, openFlowId, openTab, selectNode } from './ui-steps'

export interface OpenChat {
  chat: Locator
  flowId: string
  nodeId: string
}

/**
 * Creates a flow and a Claude Code executor (working in `workDir`) in the studio:
 * from the palette, configured in the property panel; then opens its chat in the
 * bottom panel's Chat tab.
 */
export async function openNewChat(page: Page, server: RunningServer, workDir: string, label = 'Writer'): Promise<OpenChat> {
  await page.goto(server.appUrl)
  await createFlowInUi(page, 'Chat flow')
  await openTab(page, 'chat')
  await expect(page.getByRole('tabpanel')).toContainText('This flow has no executor yet')
  await expect(page.getByTestId('chat-panel')).toHaveCount(0)

  const node = await addNodeFromPalette(page, 'claude-code')
  await configureExecutor(page, { label, prompt: 'Summarise what you are given.', workingDir: workDir })
  await expect(node).toContainText(label)
  await expectSaved(page)

  await page.getByTestId('properties-pane').getByTestId('chat-with-node').click()
  await expect(page.getByTestId('tab-chat')).toHaveAttribute('aria-selected', 'true')
  const chat = page.getByTestId('chat-panel')
  await expect(chat.getByRole('heading', { name: `Chat with ${label}` })).toBeVisible()

  const flowId = await openFlowId(page)
  const nodeId = (await node.getAttribute('data-node-id')) ?? ''
  return { chat, flowId, nodeId }
}

/** After a reload: select the executor on the canvas and open its chat again. */
export async function reopenChat(page: Page, label: string): Promise<Locator> {
  await expect(page.getByTestId('flow-name')).toHaveValue('Chat flow')
  const node = page.locator('[data-testid="canvas-node"][data-kind="claude-code"]').filter({ hasText: label })
  await selectNode(page, node)
  await page.getByTestId('properties-pane').getByTestId('chat-with-node').click()
  const chat = page.getByTestId('chat-panel')
  await expect(chat.getByRole('heading', { name: `Chat with ${label}` })).toBeVisible()
  return chat
}

/** Types a message and sends it with Enter. */
export async function say(chat: Locator, text: string, timeout = 5_000): Promise<void> {
  const box = chat.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
  // Accepted messages leave the box; a refused one would stay.
  await expect(box).toHaveValue('', { timeout })
}

/** The chat is idle again: Send is back (Stop gone). */
export async function expectIdle(chat: Locator, timeout = 20_000): Promise<void> {
  await expect(chat.getByRole('button', { name: 'Send' })).toBeVisible({ timeout })
  await expect(chat.getByRole('button', { name: 'Stop' })).toHaveCount(0)
}

/** The text of Claude's answers (without the "Claude" label). */
export function answers(chat: Locator): Locator {
  return chat.getByTestId('chat-assistant').getByTestId('message-text')
}

export const COST_FOOTER = /^Cost: \$\d+\.\d{4} · Turns: \d+ · [\d.]+ m?s · [\d,]+ in \/ [\d,]+ out tokens$/

/** Drags the bottom panel's top edge up by `pixels`, to show more of the chat. */
export async function growBottomPanel(page: Page, pixels: number): Promise<void> {
  const handle = await page.getByRole('separator', { name: 'Resize the bottom panel' }).boundingBox()
  if (!handle) throw new Error('the bottom panel has no resize handle on screen')
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
  await page.mouse.down()
  await page.mouse.move(handle.x + handle.width / 2, handle.y - pixels, { steps: 8 })
  await page.mouse.up()
}
