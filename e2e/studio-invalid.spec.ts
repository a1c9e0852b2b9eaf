// Invalid input in the flow studio is refused or flagged with a message, and
// nothing the server would reject reaches it: edges that make no sense are
// refused as they are drawn (with the reason), a bad cron expression is
// flagged at its field, a missing required field is flagged at the field, on
// the node and by Validate, a working directory that does not exist is
// reported by the server's validation next to its field, and Run on an invalid
// flow stops at a gate that lists why and offers "Run anyway".
import type { Locator, Page } from '@playwright/test'
import type { Flow, FlowValidation } from '../src-main/contract/api'
import { addNode, autoLayout, canvasNode, connect, newFlow, saved, selectNode } from './studio'
import { expect, test } from './fixtures'

test.describe.configure({ timeout: 90_000 })

const centre = async (locator: Locator): Promise<{ x: number; y: number }> => {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Presses on one handle and moves to another as a hand does; `whileOver` runs before the release. */
async function drawEdge(page: Page, from: Locator, to: Locator, whileOver?: () => Promise<void>): Promise<void> {
  const start = await centre(from)
  const end = await centre(to)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2 + 30, { steps: 6 })
  await page.mouse.move(end.x, end.y, { steps: 6 })
  if (whileOver) await whileOver()
  await page.mouse.up()
}

const output = (page: Page, id: string): Locator => canvasNode(page, id).locator('.react-flow__handle.source')
const input = (page: Page, id: string): Locator => canvasNode(page, id).locator('.react-flow__handle.target')

async function validateOnServer(page: Page, baseUrl: string, token: string, flowId: string): Promise<FlowValidation> {
  const response = await page.request.post(`${baseUrl}/api/flows/${flowId}/validate`, { headers: { Authorization: `Bearer ${token}` } })
  expect(response.ok()).toBe(true)
  return (await response.json()) as FlowValidation
}

test('a cycle, an edge into a trigger and an edge out of a sink are refused as they are drawn, with the reason', async ({ page, server, api }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const exec = (id: string, x: number, y: number) => ({ id, node_type: 'executor' as const, kind: 'claude-code', label: `Step ${id}`, config: { prompt: `step ${id}` }, position: { x, y } })
  const flowId = await api.createFlowWith({
    name: 'Wiring rules',
    nodes: [
      { id: 'start', node_type: 'trigger', kind: 'manual', label: 'Start', config: {}, position: { x: 0, y: 0 } },
      exec('a', 320, 0),
      exec('b', 640, 0),
      exec('c', 640, 220),
      { id: 'post', node_type: 'sink', kind: 'slack', label: 'Post', config: { webhook_url_env: 'SLACK_WEBHOOK_URL' }, position: { x: 960, y: 0 } },
    ],
    edges: [],
  })
  await page.goto(server.appUrl)
  await page.getByTestId('flow-item').first().click()
  await expect(page.getByTestId('canvas-node')).toHaveCount(5)
  const edges = page.locator('.react-flow__edge')
  const refusal = page.getByTestId('edge-refusal')

  // a → b → c is fine.
  await connect(page, 'a', 'b')
  await expect(edges).toHaveCount(1)
  await connect(page, 'b', 'c')
  await expect(edges).toHaveCount(2)
  await expect(refusal).toHaveCount(0)

  // c → a would close a loop: said while hovering the handle, and after letting go.
  await drawEdge(page, output(page, 'c'), input(page, 'a'), async () => {
    await expect(refusal).toContainText('would close a loop')
  })
  await expect(refusal).toContainText('Can’t connect: This edge would close a loop')
  await expect(edges).toHaveCount(2)
  await refusal.getByRole('button', { name: 'Dismiss' }).click()
  await expect(refusal).toHaveCount(0)

  // An executor's output dropped on the trigger: nothing leads into a trigger.
  await drawEdge(page, output(page, 'a'), output(page, 'start'))
  await expect(refusal).toContainText('Nothing can lead into a trigger')
  await expect(edges).toHaveCount(2)
  await refusal.getByRole('button', { name: 'Dismiss' }).click()

  // Drawn backwards from an executor's input to the sink: that edge would leave the sink.
  await drawEdge(page, input(page, 'b'), input(page, 'post'))
  await expect(refusal).toContainText('A sink is the end of the flow')
  await expect(edges).toHaveCount(2)

  // The server holds the two good edges and none of the refused ones.
  await saved(page)
  const stored = (await api.getFlow(flowId)).body as Flow
  expect(stored.edges.map((edge) => `${edge.source}→${edge.target}`).sort()).toEqual(['a→b', 'b→c'])
  const result = await validateOnServer(page, server.baseUrl, server.token, flowId)
  expect(result.problems.filter((problem) => /cycle/.test(problem.message))).toEqual([])
})

test('a bad cron expression is flagged at the field, with no next runs', async ({ page, server, api }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  await newFlow(page, 'Bad schedule')
  await addNode(page, 'cron')
  const panel = page.getByTestId('property-panel')
  const field = panel.locator('[data-field="schedule"]')
  const schedule = panel.getByLabel(/^Schedule \(cron, UTC\)/)

  // A good one first: its next runs are listed.
  await schedule.fill('0 7 * * *')
  await expect(field.getByTestId('cron-next-run')).toHaveCount(3)

  // Three fields: refused at once by the shape check.
  await schedule.fill('0 7 *')
  await expect(field.getByTestId('problem-schedule')).toContainText('Needs five fields (minute hour day month weekday), found 3.')
  await expect(schedule).toHaveAttribute('aria-invalid', 'true')
  await expect(field.getByTestId('cron-next-run')).toHaveCount(0)

  // Five fields but minute 61: the server's check says why, and nothing is scheduled.
  await schedule.fill('61 7 * * *')
  await expect(field).toContainText(/invalid cron|Component error|61/i)
  await expect(schedule).toHaveAttribute('aria-invalid', 'true')
  await expect(field.getByTestId('cron-next-run')).toHaveCount(0)
  await expect(field.getByTestId('cron-next-runs')).toHaveCount(0)
  await expect(canvasNode(page, (await page.getByTestId('canvas-node').first().getAttribute('data-node-id'))!).getByTestId('node-problems')).toBeVisible()

  // The save went through (the server stores a flow as it is) and the server agrees it is invalid.
  await saved(page)
  await expect(page.getByTestId('save-failed')).toHaveCount(0)
  const [flow] = await api.listFlows()
  const result = await validateOnServer(page, server.baseUrl, server.token, flow!.id)
  expect(result.problems.some((problem) => problem.field === 'schedule' && /invalid cron/.test(problem.message))).toBe(true)
  expect(await api.validateCron('61 7 * * *')).toMatchObject({ valid: false, next_runs: [] })
})

test('a missing required field, a working directory that does not exist, and Run on the invalid flow', async ({ page, server, api }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  await newFlow(page, 'Half done')
  const trigger = await addNode(page, 'manual')
  const feed = await addNode(page, 'rss')
  const writer = await addNode(page, 'claude-code')
  // Nodes added by click land close together; lay them out so each can be clicked.
  await autoLayout(page)

  // The executor: a prompt, and a working directory that is not there.
  let panel = await selectNode(page, writer)
  await panel.getByRole('textbox', { name: /^Prompt/ }).fill('Summarise {{content}}')
  const missingDir = `${server.dataDir}/no-such-directory`
  await panel.getByLabel('Working directory').fill(missingDir)

  // The feed's URL is required and left empty: flagged at the field and on the node.
  panel = await selectNode(page, feed)
  await expect(panel.getByTestId('problem-url')).toContainText('Enter the feed URL.')
  await expect(panel.getByLabel(/^Feed URL/)).toHaveAttribute('aria-invalid', 'true')
  const badge = canvasNode(page, feed).getByTestId('node-problems')
  await expect(badge).toBeVisible()
  await expect(badge).toHaveAttribute('aria-label', /Enter the feed URL/)
  await expect(canvasNode(page, trigger).getByTestId('node-problems')).toHaveCount(0)

  // After the autosave, the server's validation reaches the panel: the directory is flagged at its field.
  await saved(page)
  panel = await selectNode(page, writer)
  await expect(panel.getByTestId('problem-working_dir')).toContainText(`working directory ${missingDir} does not exist`)
  await expect(panel.getByLabel('Working directory')).toHaveAttribute('aria-invalid', 'true')
  await expect(canvasNode(page, writer).getByTestId('node-problems')).toBeVisible()

  // Validate lists both, and a click on one selects its node.
  await page.getByTestId('validate').click()
  const popover = page.getByTestId('validation')
  const list = popover.getByTestId('problem-list')
  await expect(list).toBeVisible()
  await expect(list.getByRole('button').filter({ hasText: 'RSS Feed' })).toContainText('url')
  await expect(list.getByRole('button').filter({ hasText: 'working_dir' })).toContainText('does not exist')
  await list.getByRole('button').filter({ hasText: 'RSS Feed' }).click()
  await expect(page.getByTestId('property-panel').locator('.pp-header')).toContainText('rss')

  // Run stops at the gate with the reasons and offers to run anyway.
  const [flow] = await api.listFlows()
  const result = await validateOnServer(page, server.baseUrl, server.token, flow!.id)
  expect(result.valid).toBe(false)
  expect(result.problems.some((problem) => problem.node_id === writer && problem.field === 'working_dir')).toBe(true)
  expect(result.problems.some((problem) => problem.node_id === feed)).toBe(true)
  await page.getByTestId('run-flow').click()
  const gate = page.getByTestId('run-gate')
  await expect(gate).toBeVisible()
  await expect(gate).toContainText('This run would fail')
  await expect(gate.getByTestId('problem-list').getByRole('listitem')).toHaveCount(result.problems.filter((problem) => problem.severity !== 'warning').length)
  await expect(gate.getByTestId('problem-list')).toContainText('does not exist')
  await expect(gate.getByTestId('run-anyway')).toBeVisible()
  // "Fix first" closes the gate without starting anything.
  await gate.getByRole('button', { name: 'Fix first' }).click()
  await expect(gate).toHaveCount(0)
  expect(await api.listRuns(flow!.id)).toEqual([])

  // "Run anyway" does start the run, which then fails on the first of those problems.
  await page.getByTestId('run-flow').click()
  await page.getByTestId('run-gate').getByTestId('run-anyway').click()
  await expect.poll(async () => (await api.listRuns(flow!.id)).map((run) => run.status), { timeout: 20_000 }).toEqual(['failed'])
})
