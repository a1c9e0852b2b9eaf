// The headline task, with the mouse and keyboard only: build a daily digest
// (cron → RSS → keyword filter → Claude Code → Slack) from the palette, wire
// and configure it, reload, run it, and watch it.
import type { Flow } from '../src-main/contract/api'
import { addListEntry, addNode, autoLayout, canvasNode, connect, newFlow, saved, selectNode } from './studio'
import { expect, studioTest } from './studio-fixtures'
import { shot } from './screenshots'

studioTest.describe.configure({ timeout: 90_000 })

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
  await page.getByTestId('run-flow').click()
  await expect(page.getByTestId('run-progress')).toBeVisible()
  await expect(canvasNode(page, sink)).toHaveAttribute('data-run-state', 'done', { timeout: 30_000 })
  for (const id of [rss, filter, executor]) await expect(canvasNode(page, id)).toHaveAttribute('data-run-state', 'done')
  await expect(page.getByTestId('run-flow')).toBeVisible()
  expect(slack.requests.filter((request) => request.path.startsWith('/services/'))).toHaveLength(1)
  expect(slack.requests[0]!.body).toContain('Rust 2.0 is out')

  await page.getByTestId('tab-log').click()
  const messages = page.getByTestId('run-log-message')
  await expect(messages.filter({ hasText: /5 → 2 items|→/ }).first()).toBeVisible()
  await page.getByTestId('tab-history').click()
  const run = page.getByTestId('run-item').first()
  await expect(run).toHaveAttribute('data-status', 'success')
  await expect(run.getByTestId('run-trigger')).toHaveText('by hand')
  await expect(run.getByTestId('run-cost')).toHaveText(/^\$\d+\.\d{4}$/)
  await shot(page, 'studio')
})
