// Editing as people do it: undo and redo every kind of edit, copy nodes into
// another flow, type fast and reload, keep working while the server is away,
// and cancel a run that is taking too long.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppStatus, Flow } from '../src-main/contract/api'
import { isAlive } from '../test/support/processes'
import { testApi } from './api'
import { chatTest, expect, test } from './fixtures'
import { startServer } from './server'
import { addNode, autoLayout, canvasNode, connect, dragFromPalette, newFlow, saved, selectNode } from './studio'

// Each test drives a real server and Chromium through many steps.
test.describe.configure({ timeout: 60_000 })

const edges = (page: import('@playwright/test').Page) => page.locator('.react-flow__edge')
const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

async function storedFlow(api: ReturnType<typeof testApi>): Promise<Flow> {
  const [summary] = await api.listFlows()
  return (await api.getFlow(summary!.id)).body as Flow
}

test('undo and redo step through add, connect, move and delete, and the server follows', async ({ page, server, api }) => {
  await page.goto(server.appUrl)
  await newFlow(page, 'Undo me')
  const executor = await addNode(page, 'claude-code')
  const sink = await addNode(page, 'slack')
  await autoLayout(page)
  await connect(page, executor, sink)
  await expect(edges(page)).toHaveCount(1)
  // Now side by side, left to right: the executor can move down into free space.
  await autoLayout(page)

  const box = (await canvasNode(page, executor).boundingBox())!
  await page.mouse.move(box.x + 60, box.y + 12)
  await page.mouse.down()
  await page.mouse.move(box.x + 60, box.y + 132, { steps: 8 })
  await page.mouse.up()
  const moved = (await canvasNode(page, executor).boundingBox())!
  expect(moved.y).toBeGreaterThan(box.y + 60)

  await selectNode(page, sink)
  await page.keyboard.press('Delete')
  await expect(page.getByTestId('canvas-node')).toHaveCount(1)
  await expect(edges(page)).toHaveCount(0)

  // Undo, newest first: the delete, the move, the second layout, the edge, the first layout, the sink.
  await page.keyboard.press(`${mod}+z`)
  await expect(page.getByTestId('canvas-node')).toHaveCount(2)
  await expect(edges(page)).toHaveCount(1)
  await page.keyboard.press(`${mod}+z`)
  await expect.poll(async () => (await canvasNode(page, executor).boundingBox())!.y).toBeLessThan(moved.y - 60)
  await page.getByTestId('canvas').getByRole('button', { name: 'Undo', exact: true }).click()
  await page.keyboard.press(`${mod}+z`)
  await expect(edges(page)).toHaveCount(0)
  await page.getByTestId('canvas').getByRole('button', { name: 'Undo', exact: true }).click()
  await page.keyboard.press(`${mod}+z`)
  await expect(page.getByTestId('canvas-node')).toHaveCount(1)
  await expect(page.getByTestId('canvas').getByRole('button', { name: 'Undo', exact: true })).toBeEnabled()
  await saved(page)
  expect((await storedFlow(api)).nodes).toHaveLength(1)

  // Redo all of it: back to one node, no edge, as after the delete.
  for (let step = 0; step < 6; step++) await page.keyboard.press(`${mod}+Shift+z`)
  await expect(page.getByTestId('canvas-node')).toHaveCount(1)
  await expect(page.getByTestId('canvas').getByRole('button', { name: 'Redo', exact: true })).toBeDisabled()
  await saved(page)
  const flow = await storedFlow(api)
  expect(flow.nodes.map((node) => node.id)).toEqual([executor])
  expect(flow.edges).toHaveLength(0)
})

test('copies nodes with their edge from one flow and pastes them into another', async ({ page, server, api }) => {
  await page.goto(server.appUrl)
  await newFlow(page, 'Source flow')
  const rss = await addNode(page, 'rss')
  const executor = await addNode(page, 'claude-code')
  await autoLayout(page)
  await connect(page, rss, executor)
  await expect(edges(page)).toHaveCount(1)
  await page.keyboard.press(`${mod}+a`)
  await page.keyboard.press(`${mod}+c`)
  await saved(page)

  await newFlow(page, 'Target flow')
  await expect(page.getByTestId('canvas-empty')).toBeVisible()
  await page.keyboard.press(`${mod}+v`)
  await expect(page.getByTestId('canvas-node')).toHaveCount(2)
  await expect(edges(page)).toHaveCount(1)
  await saved(page)

  const flows = await api.listFlows()
  const target = (await api.getFlow(flows.find((flow) => flow.name === 'Target flow')!.id)).body as Flow
  expect(target.nodes.map((node) => node.kind).sort()).toEqual(['claude-code', 'rss'])
  expect(target.nodes.some((node) => node.id === rss || node.id === executor)).toBe(false)
  expect(target.edges[0]).toMatchObject({ source: target.nodes.find((n) => n.kind === 'rss')!.id, target: target.nodes.find((n) => n.kind === 'claude-code')!.id })
})

test('a node dragged from the palette lands where it is dropped and is saved there', async ({ page, server, api }) => {
  await page.goto(server.appUrl)
  await newFlow(page, 'Dragged in')
  const pane = (await page.getByTestId('canvas').boundingBox())!
  // Well off the middle, where a click on the entry would put the node instead.
  const drop = { x: pane.x + pane.width * 0.25, y: pane.y + pane.height * 0.7 }
  await dragFromPalette(page, 'rss', drop)

  const card = page.locator('[data-testid="canvas-node"][data-kind="rss"]')
  await expect(card).toHaveCount(1)
  // The card is centred under the pointer, its head where it was dropped, at any zoom.
  const box = (await card.boundingBox())!
  expect(Math.abs(box.x + box.width / 2 - drop.x)).toBeLessThan(4)
  expect(drop.y).toBeGreaterThan(box.y)
  expect(drop.y).toBeLessThan(box.y + box.height / 2)

  await saved(page)
  const [stored] = (await storedFlow(api)).nodes
  expect(stored).toMatchObject({ kind: 'rss', node_type: 'source' })
  // React Flow places each node with a translate in flow units: the stored position, once reloaded.
  const placed = page.locator(`.react-flow__node[data-id="${stored!.id}"]`)
  await page.reload()
  await expect(placed).toHaveCount(1)
  await expect(placed).toHaveCSS('transform', `matrix(1, 0, 0, 1, ${stored!.position.x}, ${stored!.position.y})`)
})

test('fifty quick edits and an immediate reload lose nothing', async ({ page, server, api }) => {
  await page.goto(server.appUrl)
  await newFlow(page, 'Fast typist')
  const executor = await addNode(page, 'claude-code')
  await saved(page)
  const prompt = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX'
  const panel = await selectNode(page, executor)
  await panel.getByRole('textbox', { name: /^Prompt/ }).pressSequentially(prompt)
  // No waiting for the save: the page flushes what is pending as it unloads.
  await page.reload()
  await expect(page.getByTestId('canvas-node')).toHaveCount(1)
  const flow = await storedFlow(api)
  expect(flow.nodes[0]!.config).toMatchObject({ prompt })
  await selectNode(page, executor)
  await expect(page.getByRole('textbox', { name: /^Prompt/ })).toHaveValue(prompt)
})

test('a save that fails while the server is away is shown, then retried when it is back', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'shoggoth-e2e-restart-'))
  let server = await startServer({ dataDir })
  try {
    await page.goto(server.appUrl)
    await newFlow(page, 'Offline')
    await saved(page)
    const port = Number(new URL(server.baseUrl).port)
    await server.stop()

    await page.getByTestId('flow-name').fill('Edited while offline')
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'failed', { timeout: 5_000 })
    await expect(page.getByTestId('save-failed')).toContainText('not saved yet')

    server = await startServer({ dataDir, port })
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
    const api = testApi(server.baseUrl, server.token)
    expect((await storedFlow(api)).name).toBe('Edited while offline')
  } finally {
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
})

chatTest('a running run is cancelled from the title bar: its claude is gone and the run says cancelled', async ({ page, server, api, claude }) => {
  chatTest.setTimeout(60_000)
  await page.goto(server.appUrl)
  await newFlow(page, 'Slow one')
  const executor = await addNode(page, 'claude-code')
  const panel = await selectNode(page, executor)
  await panel.getByRole('textbox', { name: /^Prompt/ }).fill('Take your time. [[slow:1000]]')
  await panel.getByLabel('Working directory').fill(claude.workDir)
  await saved(page)

  // No trigger is only a note: a run by hand starts without asking.
  await page.getByTestId('run-flow').click()
  await expect(canvasNode(page, executor)).toHaveAttribute('data-run-state', 'running', { timeout: 15_000 })
  const status = async () => (await (await fetch(`${server.baseUrl}/api/status`, { headers: { Authorization: `Bearer ${server.token}` } })).json()) as AppStatus
  await expect.poll(async () => (await status()).processes.filter((p) => p.role === 'run').length, { timeout: 10_000 }).toBe(1)
  const pids = (await status()).processes.map((p) => p.pid)

  await page.getByTestId('cancel-run').click()
  await expect(page.getByTestId('run-flow')).toBeVisible({ timeout: 10_000 })
  await page.getByTestId('tab-history').click()
  await expect(page.getByTestId('run-item').first()).toHaveAttribute('data-status', 'cancelled')
  await expect.poll(() => pids.filter(isAlive).length, { timeout: 8_000 }).toBe(0)
  const [run] = await api.listRuns((await api.listFlows())[0]!.id)
  expect(run).toMatchObject({ status: 'cancelled' })
  expect(run!.finished_at).not.toBeNull()
})

test('two windows on one flow: the second writer is told and can take the newer version', async ({ page, context, server, api }) => {
  await api.createFlow('Shared', 'open twice')
  const other = await context.newPage()
  await page.goto(server.appUrl)
  await other.goto(server.appUrl)
  await expect(page.getByTestId('flow-name')).toHaveValue('Shared')
  await expect(other.getByTestId('flow-name')).toHaveValue('Shared')

  await page.getByTestId('flow-name').fill('Renamed in the first window')
  await saved(page)

  await other.getByTestId('flow-description').fill('Edited in the second window')
  await expect(other.getByTestId('save-conflict')).toBeVisible({ timeout: 5_000 })
  await expect(other.getByTestId('save-state')).toHaveAttribute('data-state', 'conflict')
  // Nothing was overwritten.
  expect((await storedFlow(api)).name).toBe('Renamed in the first window')

  await other.getByRole('button', { name: 'Show the newer version' }).click()
  await expect(other.getByTestId('flow-name')).toHaveValue('Renamed in the first window')
  await expect(other.getByTestId('flow-description')).toHaveValue('open twice')
  await expect(other.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
})
