// The studio's panels collapse and come back — by the title bar's layout
// buttons and by Ctrl+B (sidebar), Ctrl+J (bottom panel) and Ctrl+Alt+B
// (properties) — and keep their sizes and collapsed state across a reload.
// Below 1100 px the properties float over the canvas; their toggle opens the
// flow's details there and closes what floats.
import type { Locator, Page } from '@playwright/test'
import type { NewFlow } from '../src-main/contract/api'
import { expect, test } from './fixtures'
import { shot } from './screenshots'
import { selectNode } from './studio'
import { animationsDone, flowItem } from './ui-steps'

const FLOW: NewFlow = {
  name: 'Daily digest',
  nodes: [
    { id: 'cron', node_type: 'trigger', kind: 'cron', label: 'Every morning', config: { schedule: '0 7 * * *' }, position: { x: 0, y: 0 } },
    { id: 'write', node_type: 'executor', kind: 'claude-code', label: 'Writer', config: { prompt: 'Summarise', working_dir: '/tmp' }, position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'cron', target: 'write' }],
}

// A few pixels either way: sizes are stored as percentages of the window.
const NEAR = 3

const panel = (page: Page, id: 'sidebar' | 'properties' | 'bottom'): Locator => page.locator(`#${id}[data-panel]`)
const toggle = (page: Page, name: 'sidebar' | 'properties' | 'bottom'): Locator => page.getByTestId(`toggle-${name}`)
const width = async (locator: Locator): Promise<number> => (await locator.boundingBox())?.width ?? 0
const height = async (locator: Locator): Promise<number> => (await locator.boundingBox())?.height ?? 0

async function openFlow(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl)
  await flowItem(page, FLOW.name).click()
  await expect(page.getByTestId('flow-name')).toHaveValue(FLOW.name)
}

/** Drags the separator named `label` by `dx` pixels, as a mouse does. */
async function dragSeparator(page: Page, label: string, dx: number): Promise<void> {
  const box = (await page.getByRole('separator', { name: label }).boundingBox())!
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + dx / 2, y, { steps: 4 })
  await page.mouse.move(x + dx, y, { steps: 4 })
  await page.mouse.up()
}

test('panels collapse by button and shortcut, come back at their size, and stay so across a reload', async ({ page, server, api }) => {
  await api.createFlowWith(FLOW)
  await openFlow(page, server.appUrl)
  for (const name of ['sidebar', 'bottom', 'properties'] as const) await expect(toggle(page, name)).toHaveAttribute('aria-pressed', 'true')

  // Resize the sidebar by its separator, and collapse the bottom panel with its button.
  const sidebarBefore = await width(panel(page, 'sidebar'))
  await dragSeparator(page, 'Resize the sidebar', 90)
  await expect.poll(() => width(panel(page, 'sidebar'))).toBeGreaterThan(sidebarBefore + 60)
  const sidebarWide = await width(panel(page, 'sidebar'))
  const bottomOpen = await height(panel(page, 'bottom'))
  expect(bottomOpen).toBeGreaterThan(80)
  await toggle(page, 'bottom').click()
  await expect(toggle(page, 'bottom')).toHaveAttribute('aria-pressed', 'false')
  await expect(toggle(page, 'bottom')).toHaveAttribute('title', 'Show the bottom panel (Ctrl+J)')
  await expect.poll(() => height(panel(page, 'bottom'))).toBe(0)

  // A reload keeps the sidebar's width and the bottom panel collapsed.
  await page.reload()
  await expect(page.getByTestId('flow-name')).toHaveValue(FLOW.name)
  await expect(toggle(page, 'bottom')).toHaveAttribute('aria-pressed', 'false')
  expect(await height(panel(page, 'bottom'))).toBe(0)
  expect(Math.abs((await width(panel(page, 'sidebar'))) - sidebarWide)).toBeLessThanOrEqual(NEAR)

  // Ctrl+J brings the bottom panel back at the height it had before the reload.
  await page.keyboard.press('Control+j')
  await expect(toggle(page, 'bottom')).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(async () => Math.abs((await height(panel(page, 'bottom'))) - bottomOpen)).toBeLessThanOrEqual(NEAR)

  // Ctrl+B collapses the sidebar; its button brings it back as wide as it was.
  await page.keyboard.press('Control+b')
  await expect(toggle(page, 'sidebar')).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(() => width(panel(page, 'sidebar'))).toBe(0)
  await toggle(page, 'sidebar').click()
  await expect(toggle(page, 'sidebar')).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(async () => Math.abs((await width(panel(page, 'sidebar'))) - sidebarWide)).toBeLessThanOrEqual(NEAR)

  // Ctrl+Alt+B does the same for the properties.
  const propertiesOpen = await width(panel(page, 'properties'))
  await page.keyboard.press('Control+Alt+b')
  await expect(toggle(page, 'properties')).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(() => width(panel(page, 'properties'))).toBe(0)
  await page.keyboard.press('Control+Alt+b')
  await expect.poll(async () => Math.abs((await width(panel(page, 'properties'))) - propertiesOpen)).toBeLessThanOrEqual(NEAR)

  // The command palette has them too.
  await page.keyboard.press('Control+k')
  await page.getByTestId('command-palette').getByRole('combobox').fill('bottom panel')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('command-palette')).toHaveCount(0)
  await expect(toggle(page, 'bottom')).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(() => height(panel(page, 'bottom'))).toBe(0)

  // The shortcut list names them.
  await page.keyboard.press('?')
  const help = page.getByTestId('shortcut-help')
  for (const keys of ['Ctrl+B', 'Ctrl+J', 'Ctrl+Alt+B']) await expect(help.getByText(keys, { exact: true })).toBeVisible()
})

test('at 1024×640 the properties toggle opens and closes the floating properties; collapsed panels leave the canvas the room', async ({ page, server, api }) => {
  await page.setViewportSize({ width: 1024, height: 640 })
  await api.createFlowWith(FLOW)
  await openFlow(page, server.appUrl)
  const properties = toggle(page, 'properties')
  await expect(properties).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('properties-overlay')).toHaveCount(0)

  // The toggle opens the flow's details over the canvas, and closes them.
  await page.keyboard.press('Control+Alt+b')
  await expect(page.getByTestId('properties-overlay').getByTestId('flow-settings')).toBeVisible()
  await expect(properties).toHaveAttribute('aria-pressed', 'true')
  await properties.click()
  await expect(page.getByTestId('properties-overlay')).toHaveCount(0)
  await expect(properties).toHaveAttribute('aria-pressed', 'false')

  // A selected node floats its properties; the toggle closes them as the ✕ does (deselecting).
  await selectNode(page, 'write')
  await expect(properties).toHaveAttribute('aria-pressed', 'true')
  await properties.click()
  await expect(page.getByTestId('properties-overlay')).toHaveCount(0)
  await expect(page.locator('.node-card--selected')).toHaveCount(0)

  // Sidebar and bottom panel collapsed: the canvas has the window.
  await toggle(page, 'sidebar').click()
  await toggle(page, 'bottom').click()
  await expect.poll(() => width(panel(page, 'sidebar'))).toBe(0)
  await expect.poll(() => height(panel(page, 'bottom'))).toBe(0)
  await animationsDone(page)
  await shot(page, 'panels-collapsed-1024')
  await selectNode(page, 'write')
  await animationsDone(page)
  await shot(page, 'panels-collapsed-properties-1024')
})
