// The headline task, with the mouse and keyboard only: build a daily digest
// (cron → RSS → keyword filter → Claude Code → Slack) from the palette, wire
// and configure it, reload, run it and watch each node light up in turn, then
// read the executor's output on hover and in its panel, and filter the Run log.
import type { Page } from '@playwright/test'
import type { Flow } from '../src-main/contract/api'
import { addListEntry, addNode, autoLayout, canvasNode, connect, newFlow, saved, selectNode } from './studio'
import { expect, studioTest } from './studio-fixtures'
import { shot } from './screenshots'
import { recordRunStates, runStateChanges, statesOf } from './run-states'

// A whole session of building, running and inspecting: on a busy two-core machine it has taken over 90 s.
studioTest.describe.configure({ timeout: 150_000 })

studioTest('builds the digest flow from the palette, survives a reload, runs it live into Slack', async ({ page, server, api, claude, feeds, slack }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  await expect(page.getByTestId('no-flow')).toBeVisible()
  await newFlow(page, 'Daily digest')
  await expect(page.getByTestId('canvas-empty')).toBeVisible()

  const cron = await addNode(page, 'cron')
  const rss = await addNode(page, 'rss')
  const filter = await addNode(page, 'keyword')
  const executor = await addNode(page, 'claude-code')
  const sink = await addNode(page, 'slack')
  // Lay the stack out in a column so every handle can be reached.
  await autoLayout(page)

  await connect(page, cron, rss)
  await connect(page, rss, filter)
  await connect(page, filter, executor)
  await connect(page, executor, sink)
  await expect(page.locator('.react-flow__edge')).toHaveCount(4)
  await autoLayout(page)

  let panel = await selectNode(page, cron)
  await panel.getByLabel('Schedule (cron, UTC)').fill('0 7 * * *')
  await expect(panel.getByText('every day at 07:00 UTC')).toBeVisible()

  panel = await selectNode(page, rss)
  await panel.getByLabel('Feed URL').fill(feeds.rssUrl)
  panel = await selectNode(page, filter)
  await addListEntry(panel, 'New keyword', 'rust')

  panel = await selectNode(page, executor)
  await panel.getByLabel('Label', { exact: true }).fill('Summariser')
  await panel.getByRole('textbox', { name: /^Prompt/ }).fill('Write the digest. [[reply:Digest: Rust 2.0 is out.]]')
  await panel.getByLabel('Working directory').fill(claude.workDir)

  panel = await selectNode(page, sink)
  await panel.getByLabel('Environment variable holding the webhook URL').fill('DIGEST_SLACK_WEBHOOK')
  await saved(page)
  await expect(page.getByTestId('validate')).toHaveText(/Validate/, { timeout: 5_000 })

  // Reload: everything is as it was drawn.
  await page.reload()
  await expect(page.getByTestId('flow-name')).toHaveValue('Daily digest')
  await expect(page.getByTestId('canvas-node')).toHaveCount(5)
  await expect(page.locator('.react-flow__edge')).toHaveCount(4)
  await expect(canvasNode(page, executor)).toContainText('Summariser')
  await expect(canvasNode(page, cron)).toContainText('every day at 07:00 UTC')
  const flows = await api.listFlows()
  const stored = (await api.getFlow(flows[0]!.id)).body as Flow
  expect(stored.nodes.map((node) => node.kind).sort()).toEqual(['claude-code', 'cron', 'keyword', 'rss', 'slack'])
  expect(stored.edges).toHaveLength(4)
  expect(stored.nodes.find((node) => node.id === filter)!.config).toEqual({ keywords: ['rust'] })

  // Run: the nodes light up in turn, Slack gets the message, history shows trigger and cost.
  // Slack answers slowly, as over a real network, so its card is seen working.
  slack.webhookDelayMs = 1_000
  await recordRunStates(page)
  await page.getByTestId('run-flow').click()
  await expect(page.getByTestId('run-progress')).toBeVisible()
  await expect(canvasNode(page, sink)).toHaveAttribute('data-run-state', 'done', { timeout: 30_000 })
  await expect(page.getByTestId('run-flow')).toBeVisible()
  expect(slack.requests.filter((request) => request.path.startsWith('/services/'))).toHaveLength(1)
  expect(slack.requests[0]!.body).toContain('Rust 2.0 is out')
  await expectLitInTurn(page, { cron, rss, filter, executor, sink })

  await expectLastOutputShown(page, executor, 'Digest: Rust 2.0 is out.')
  await expectLogFilteredTo(page, 'RSS Feed')

  await page.getByTestId('tab-history').click()
  const run = page.getByTestId('run-item').first()
  await expect(run).toHaveAttribute('data-status', 'success')
  await expect(run.getByTestId('run-trigger')).toHaveText('by hand')
  await expect(run.getByTestId('run-cost')).toHaveText(/^\$\d+\.\d{4}$/)
  await shot(page, 'studio')
})

/** Each node's card lit in pipeline order: the trigger at once, then every node working and done before the next starts. */
async function expectLitInTurn(page: Page, ids: { cron: string; rss: string; filter: string; executor: string; sink: string }): Promise<void> {
  const changes = await runStateChanges(page)
  const { cron, rss, filter, executor, sink } = ids
  // The trigger fired: lit done before anything else moved, and it stays so.
  expect(changes[0]).toEqual({ node: cron, state: 'done' })
  expect(statesOf(changes, cron)).toEqual(['done'])
  // The feed (one of its pages is slow), Claude Code and Slack (slowed above) are each seen working.
  for (const id of [rss, executor, sink]) expect(statesOf(changes, id), id).toEqual(['running', 'done'])
  // The keyword filter takes no time: its start and end reach the page in one
  // stream chunk and React draws only the last, so "running" may never show.
  expect([['running', 'done'], ['done']]).toContainEqual(statesOf(changes, filter))
  const at = (id: string, state: string) => changes.findIndex((change) => change.node === id && change.state === state)
  const pipeline = [cron, rss, filter, executor, sink]
  for (let index = 1; index < pipeline.length; index++) {
    const before = pipeline[index - 1]!
    const node = pipeline[index]!
    // Done in pipeline order, and nothing starts before the node feeding it is done.
    expect(at(node, 'done'), `${node} done after ${before}`).toBeGreaterThan(at(before, 'done'))
    if (at(node, 'running') !== -1) expect(at(node, 'running'), `${node} starts after ${before} is done`).toBeGreaterThan(at(before, 'done'))
  }
}

/** The node's output shows in its hover card (by mouse and by keyboard focus) and in its property panel. */
async function expectLastOutputShown(page: Page, id: string, output: string): Promise<void> {
  const hoverCard = page.getByRole('tooltip')
  await canvasNode(page, id).locator('.node-card__summary').hover()
  await expect(hoverCard).toContainText(output)
  await expect(hoverCard).toContainText(/^Done\s*\d+\.\d s/)
  await shot(page, 'studio-hover-card')
  await page.keyboard.press('Escape')
  await expect(hoverCard).toBeHidden()
  await page.mouse.move(0, 0)
  await page.locator(`.react-flow__node[data-id="${id}"]`).focus()
  await expect(hoverCard).toContainText(output)
  // The focused node is described by its hover card, for screen readers.
  await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toHaveAccessibleDescription(new RegExp(output.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))

  const panel = await selectNode(page, id)
  await expect(hoverCard).toBeHidden()
  await expect(panel.getByTestId('node-last-output')).toHaveText(output)
  await panel.getByTestId('node-last-output').scrollIntoViewIfNeeded()
  await shot(page, 'studio-last-output')
  // Back to the flow's own settings, for the overall picture.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } })
  await expect(page.getByTestId('property-panel')).toBeHidden()
}

/** The Run log's node filter keeps only that node's lines (and the run's own), then All nodes brings the rest back. */
async function expectLogFilteredTo(page: Page, label: string): Promise<void> {
  await page.getByTestId('tab-log').click()
  const lines = page.getByTestId('run-log-line')
  await expect(page.getByTestId('run-log-message').filter({ hasText: /5 → 2 items|→/ }).first()).toBeVisible()
  const all = await lines.count()
  const who = () => lines.locator('.run-line__node').allTextContents()
  expect(new Set(await who())).toEqual(new Set(['flow', 'RSS Feed', 'Keyword Filter', 'Summariser', 'Slack']))

  await page.getByTestId('run-log-filter').selectOption({ label })
  await expect.poll(async () => new Set(await who())).toEqual(new Set(['flow', label]))
  await shot(page, 'studio-run-log-filter')

  await page.getByTestId('run-log-filter').selectOption({ label: 'All nodes' })
  await expect(lines).toHaveCount(all)
}
