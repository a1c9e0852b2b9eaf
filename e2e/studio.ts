// Driving the flow studio the way a person does: palette clicks, handle drags,
// the property panel, and waiting for autosave before asking the server.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/** The card of node `id` on the canvas. */
export function canvasNode(page: Page, id: string): Locator {
  return page.locator(`[data-testid="canvas-node"][data-node-id="${id}"]`)
}

/** New flow (the sidebar's +) → dialog → Create flow; the flow opens on the canvas. */
export async function newFlow(page: Page, name: string, description?: string): Promise<void> {
  // With no flow yet the empty state offers the same button; either will do.
  await page.getByTestId('new-flow').first().click()
  const form = page.getByTestId('new-flow-form')
  await form.locator('input[name="name"]').fill(name)
  if (description !== undefined) await form.locator('input[name="description"]').fill(description)
  await form.getByRole('button', { name: 'Create flow' }).click()
  await expect(page.getByTestId('flow-name')).toHaveValue(name)
}

/** Clicks palette-<kind>; the node lands selected. Returns its id. */
export async function addNode(page: Page, kind: string): Promise<string> {
  const cards = page.locator(`[data-testid="canvas-node"][data-kind="${kind}"]`)
  const before = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-id')))
  await page.getByTestId(`palette-${kind}`).click()
  await expect(cards).toHaveCount(before.length + 1)
  const after = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-id')))
  const added = after.find((id) => !before.includes(id))
  if (!added) throw new Error(`no ${kind} node appeared`)
  return added
}

/** Drags palette-<kind> with the mouse and drops it at `at` (page coordinates). */
export async function dragFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  const entry = (await page.getByTestId(`palette-${kind}`).boundingBox())!
  await page.mouse.move(entry.x + entry.width / 2, entry.y + entry.height / 2)
  await page.mouse.down()
  await page.mouse.move(at.x, at.y, { steps: 10 })
  await page.mouse.up()
}

/** The canvas toolbar's Auto-layout; returns once the view has been fitted to the new positions. */
export async function autoLayout(page: Page): Promise<void> {
  const canvas = page.getByTestId('canvas')
  const fitted = (await canvas.getAttribute('data-fitted')) ?? '0'
  await canvas.getByRole('button', { name: 'Auto-layout' }).click()
  await expect(canvas).not.toHaveAttribute('data-fitted', fitted)
}

/** Drags from `source`'s output handle to `target`'s input handle, as a mouse does. */
export async function connect(page: Page, source: string, target: string): Promise<void> {
  const from = (await canvasNode(page, source).locator('.react-flow__handle.source').boundingBox())!
  const to = (await canvasNode(page, target).locator('.react-flow__handle.target').boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 })
  await page.mouse.up()
}

/** Selects node `id` by clicking its title (clear of the handles); returns its property panel. */
export async function selectNode(page: Page, id: string): Promise<Locator> {
  await canvasNode(page, id).locator('.node-card__label').click()
  const panel = page.getByTestId('property-panel')
  await expect(panel).toBeVisible()
  return panel
}

/** Types `value` into a list field's "New …" input and adds it with Enter. */
export async function addListEntry(panel: Locator, inputName: string | RegExp, value: string): Promise<void> {
  const input = typeof inputName === 'string' ? panel.getByLabel(inputName, { exact: true }) : panel.getByLabel(inputName)
  await input.fill(value)
  await input.press('Enter')
}

/** Waits until the autosave has reached the server. */
export { expectSaved as saved } from './ui-steps'
