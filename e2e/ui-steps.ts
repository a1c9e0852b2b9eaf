// Steps shared by the e2e specs that drive the studio window: sidebar, title
// bar, canvas and palette, property panel and the bottom tabs.
import type { Locator, Page } from '@playwright/test'
import type { FlowSchedule } from '../src-main/contract/api'
import { expect } from './fixtures'
import type { RunningServer } from './server'

/** The sidebar entry whose name is exactly `name`. */
export function flowItem(page: Page, name: string): Locator {
  return page.getByTestId('flow-item').filter({ has: page.getByTestId('flow-item-name').getByText(name, { exact: true }) })
}

/** New flow (the sidebar's +) → the dialog → Create flow; the flow opens on the canvas. */
export async function createFlowInUi(page: Page, name: string, description?: string): Promise<void> {
  await page.getByTestId('flow-browser').getByTestId('new-flow').click()
  const form = page.getByTestId('new-flow-dialog').getByTestId('new-flow-form')
  await form.locator('input[name="name"]').fill(name)
  if (description !== undefined) await form.locator('input[name="description"]').fill(description)
  await form.getByRole('button', { name: 'Create flow' }).click()
  await expect(page.getByTestId('new-flow-dialog')).not.toBeVisible()
  await expect(flowItem(page, name)).toBeVisible()
  await expect(page.getByTestId('flow-name')).toHaveValue(name)
  await expect(page.getByTestId('canvas')).toBeVisible()
}

/**
 * Waits until the page has drawn two frames: whatever the last action changed has
 * been rendered (an edit shows "Saving…" from the frame it is made in).
 */
export async function framesDrawn(page: Page): Promise<void> {
  // Plain browser JavaScript, as a string: the test tsconfig has no DOM types.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))')
}

/** Every edit is autosaved: wait until the title bar says the last one reached the server. */
export async function expectSaved(page: Page): Promise<void> {
  // "saved" is also the state before an edit has been rendered: wait for that first.
  await framesDrawn(page)
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 })
}

/** Waits until every finite CSS animation and transition has ended (an endless one, like a spinner, does not count). */
export async function animationsDone(page: Page): Promise<void> {
  // Polled from the test: waitForFunction re-runs a string predicate inside the page with eval,
  // which the app's Content-Security-Policy refuses whenever the first look says "not yet".
  const settled = "document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)"
  await expect.poll(() => page.evaluate(settled), { timeout: 10_000 }).toBe(true)
}

/** Adds a node of `kind` from the palette (it lands selected); returns its card on the canvas. */
export async function addNodeFromPalette(page: Page, kind: string): Promise<Locator> {
  const before = await page.locator(`[data-testid="canvas-node"][data-kind="${kind}"]`).count()
  await page.getByTestId(`palette-${kind}`).click()
  const cards = page.locator(`[data-testid="canvas-node"][data-kind="${kind}"]`)
  await expect(cards).toHaveCount(before + 1)
  return cards.nth(before)
}

/** Configures the executor selected on the canvas in the property panel. */
export async function configureExecutor(page: Page, settings: { label: string; prompt: string; workingDir: string }): Promise<void> {
  const panel = page.getByTestId('properties-pane').getByTestId('property-panel')
  await panel.getByLabel('Label', { exact: true }).fill(settings.label)
  await panel.getByRole('textbox', { name: /^Prompt\b/ }).fill(settings.prompt)
  await panel.getByRole('textbox', { name: /^Working directory/ }).fill(settings.workingDir)
}

/** Clears the canvas selection (a click on empty canvas), so the panel shows the flow's settings. */
export async function deselectAll(page: Page): Promise<Locator> {
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } })
  const settings = page.getByTestId('flow-settings')
  await expect(settings).toBeVisible()
  return settings
}

/** Shows one of the bottom panel's tabs. */
export async function openTab(page: Page, tab: 'log' | 'history' | 'chat' | 'console'): Promise<void> {
  const button = page.getByTestId(`tab-${tab}`)
  await button.click()
  await expect(button).toHaveAttribute('aria-selected', 'true')
}

/** The open flow's id, as the sidebar knows it. */
export async function openFlowId(page: Page): Promise<string> {
  const id = await page.locator('[data-testid="flow-item"][aria-current="true"]').getAttribute('data-flow-id')
  expect(id).toBeTruthy()
  return id ?? ''
}

/** GET /api/flows/{id}/schedule */
export async function fetchSchedule(server: RunningServer, flowId: string): Promise<FlowSchedule> {
  const response = await fetch(new URL(`/api/flows/${encodeURIComponent(flowId)}/schedule`, server.baseUrl), {
    headers: { Authorization: `Bearer ${server.token}` },
  })
  if (!response.ok) throw new Error(`schedule answered ${response.status}`)
  return (await response.json()) as FlowSchedule
}

/** Collects what the page logs as errors (CSP violations, failed requests, exceptions). */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

/** The canvas toolbar's Auto-layout (nodes added by clicks land close together). */
export async function autoLayout(page: Page): Promise<void> {
  await page.getByTestId('canvas').getByRole('button', { name: 'Auto-layout' }).click()
  // Every node in view, so each handle can be reached with the mouse.
  await page.getByTestId('canvas').getByRole('button', { name: 'Fit View' }).click()
}

/** An element's box once it stays put from one drawn frame to the next. */
async function restingBox(page: Page, element: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await element.boundingBox()
  for (let tries = 0; tries < 50; tries++) {
    await framesDrawn(page)
    const now = await element.boundingBox()
    if (last && now && now.x === last.x && now.y === last.y) return now
    last = now
  }
  if (!last) throw new Error('a handle is not on screen')
  return last
}

/** Draws an edge with the mouse, from `source`'s output handle to `target`'s input handle. */
export async function connectNodes(page: Page, source: Locator, target: Locator): Promise<void> {
  const edges = page.locator('.react-flow__edge')
  const before = await edges.count()
  // The view may still be gliding after Fit View: aim at where the handles come to rest.
  const from = await restingBox(page, source.locator('.react-flow__handle.source'))
  const to = await restingBox(page, target.locator('.react-flow__handle.target'))
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(edges).toHaveCount(before + 1)
}

/** Selects a node by clicking its title (clear of the handles). */
export async function selectNode(page: Page, card: Locator): Promise<Locator> {
  await card.locator('.node-card__label').click()
  const panel = page.getByTestId('properties-pane').getByTestId('property-panel')
  await expect(panel).toBeVisible()
  return panel
}
