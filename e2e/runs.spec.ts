// Runs and schedules through the UI, against the real server; the executor
// runs are the REAL `claude` CLI talking to the local Messages API stand-in.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Locator, Page, Request } from '@playwright/test'
import type { Flow, FlowNode } from '../src-main/contract/api'
import { chatTest, expect, test } from './fixtures'
import { repoRoot } from './paths'
import { readRunStream } from './run-stream'

// A run starts a real CLI process; leave room for a slow machine.
test.describe.configure({ timeout: 60_000 })

const RUN_TIMEOUT = { timeout: 20_000 }
const QUIET_PROMPT = 'Summarise. [[reply:All quiet today.]]'
const GREEN = 'rgb(76, 195, 138)'
const RED = 'rgb(240, 113, 120)'

function executorNode(label: string, prompt: string, workingDir: string): FlowNode {
  return {
    id: randomUUID(),
    node_type: 'executor',
    kind: 'claude-code',
    config: { prompt, working_dir: workingDir },
    position: { x: 0, y: 0 },
    label,
  }
}

/** Creates a flow and one executor node through the UI; returns the flow's details pane. */
async function createFlowWithExecutor(page: Page, name: string, label: string, prompt: string, workDir: string): Promise<Locator> {
  const newFlow = page.getByTestId('new-flow-form')
  await newFlow.getByLabel('Name').fill(name)
  await newFlow.getByRole('button', { name: 'Create flow' }).click()
  const details = page.getByTestId('flow-details')
  await expect(details.getByTestId('flow-title')).toHaveText(name)

  await details.getByRole('button', { name: 'Add executor' }).click()
  const form = details.getByTestId('add-executor-form')
  await form.getByLabel('Label').fill(label)
  await form.getByLabel('Prompt').fill(prompt)
  await form.getByLabel('Working directory').fill(workDir)
  await form.getByRole('button', { name: 'Add executor' }).click()
  await expect(form).toHaveCount(0)
  await expect(details.getByTestId('flow-node-count')).toHaveText('1')
  // Adding an executor opens its chat; this test is about runs.
  await page.getByRole('button', { name: 'Close chat' }).click()
  return details
}

/** The Runs section, once its live stream is connected. */
async function liveRuns(page: Page): Promise<Locator> {
  const runs = page.getByTestId('runs-section')
  await expect(runs.getByTestId('run-stream-status')).toHaveText('Live')
  return runs
}

/** Collects what the page logs as errors (CSP violations, failed requests, exceptions). */
function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

chatTest('Run now: live lines, a successful run in the history, and its output (docs screenshot)', async ({ page, server, api, claude }) => {
  const problems = watchProblems(page)
  await page.goto(server.appUrl)
  const details = await createFlowWithExecutor(page, 'Morning digest', 'Summariser', QUIET_PROMPT, claude.workDir)
  const runs = await liveRuns(page)
  await expect(runs.getByTestId('run-history-empty')).toBeVisible()

  await runs.getByRole('button', { name: 'Run now' }).click()
  const lines = runs.getByTestId('run-log-line')
  await expect(lines.last()).toHaveAttribute('data-event-type', 'run_completed', RUN_TIMEOUT)
  // run_completed refreshes the history at once (the 5 s poll would usually be too late for this).
  await expect(runs.getByTestId('run-item')).toHaveAttribute('data-status', 'success', { timeout: 1_500 })
  await expect(runs.getByTestId('run-log-group')).toHaveCount(1)
  await expect(lines.getByTestId('run-log-message')).toHaveText([
    'Flow execution started',
    /^Prompt rendered \(\d+ chars\)$/,
    'Executing claude-code...',
    /^\d+ turns, \$\d+\.\d{4}, 16 chars output$/,
    /^Completed in \d+\.\ds$/,
  ])
  // Each line names its node: the run itself is "flow", the executor goes by its label.
  await expect(lines.locator('.run-line__node')).toHaveText(['flow', 'flow', 'Summariser', 'Summariser', 'flow'])
  await expect(lines.first().locator('time')).toHaveText(/^\d{2}:\d{2}:\d{2}/)
  await expect(lines.last().getByTestId('run-log-message')).toHaveCSS('color', GREEN)

  const item = runs.getByTestId('run-item')
  await expect(item).toHaveCount(1)
  await expect(item.getByTestId('run-status').first()).toHaveText('Success')
  await expect(item.getByTestId('run-duration')).toHaveText(/^\d+\.\d s$/)
  await expect(item.getByTestId('run-error')).toHaveCount(0)
  await expect(item.getByTestId('node-runs')).toHaveCount(0)

  await item.getByRole('button', { expanded: false }).click()
  const nodeRun = item.getByTestId('node-run')
  await expect(nodeRun).toHaveCount(1)
  await expect(nodeRun).toContainText('Summariser')
  await expect(nodeRun.getByTestId('run-status')).toHaveText('Success')
  await expect(nodeRun.getByTestId('node-run-output')).toHaveText('All quiet today.')

  // What the UI shows is what the server recorded.
  const flowId = (await details.getByTestId('flow-id').textContent()) ?? ''
  const [stored] = await api.listRuns(flowId)
  expect(stored).toMatchObject({ status: 'success', error: null, node_runs: [{ status: 'success', output_preview: 'All quiet today.' }] })
  await expect(item).toHaveAttribute('data-run-id', stored?.id ?? 'missing')

  await runs.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/runs.png'), animations: 'disabled' })
  expect(problems).toEqual([])
})

chatTest('a run whose executor cannot start fails in red with the executor error', async ({ page, server, claude }) => {
  await page.goto(server.appUrl)
  await createFlowWithExecutor(page, 'Broken flow', 'Lost writer', QUIET_PROMPT, '/nonexistent/dir')
  const runs = await liveRuns(page)

  await runs.getByRole('button', { name: 'Run now' }).click()
  const lines = runs.getByTestId('run-log-line')
  await expect(lines.last()).toHaveAttribute('data-event-type', 'run_failed', RUN_TIMEOUT)
  const failedNode = runs.locator('[data-testid="run-log-line"][data-event-type="node_failed"]')
  await expect(failedNode).toHaveCount(1)
  await expect(failedNode.getByTestId('run-log-message')).toHaveText(/^Failed: /)
  await expect(failedNode.getByTestId('run-log-message')).toHaveCSS('color', RED)
  await expect(lines.last().getByTestId('run-log-message')).toHaveText(/^executor failed: /)
  await expect(lines.last().getByTestId('run-log-message')).toHaveCSS('color', RED)

  const item = runs.getByTestId('run-item')
  await expect(item).toHaveCount(1, { timeout: 3_000 })
  await expect(item).toHaveAttribute('data-status', 'failed')
  await expect(item.getByTestId('run-status').first()).toHaveText('Failed')
  const error = item.getByTestId('run-error')
  await expect(error).toHaveText(/^executor failed: /)
  await expect(error).toHaveCSS('color', RED)

  await item.getByRole('button', { expanded: false }).click()
  await expect(item.getByTestId('node-run').getByTestId('run-status')).toHaveText('Failed')
  await expect(item.getByTestId('node-run-output')).toHaveText(/^Failed: /)
  // Nothing reached the model: the CLI never started.
  expect(claude.messages.requests).toHaveLength(0)
})

test.describe('in a time zone other than UTC', () => {
  // India has no daylight saving: 09:00 UTC is always 2:30 PM there.
  test.use({ timezoneId: 'Asia/Kolkata', locale: 'en-US' })

  test('schedule: checks the cron expression as it is typed, saves it, and shows the next run', async ({ page, server, api }) => {
    const flowId = await api.createFlow('Weekday report')
    const checks: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/validate/cron')) checks.push(request.postData() ?? '')
    })
    await page.goto(server.appUrl)
    const schedule = page.getByTestId('schedule-section')
    await expect(schedule.getByTestId('schedule-trigger')).toHaveText('None (manual runs only)')
    await expect(schedule.getByTestId('schedule-next-run')).toHaveText('—')
    await expect(schedule.getByTestId('enabled-badge')).toHaveText('Enabled')
    const field = schedule.getByLabel('Cron schedule')
    const save = schedule.getByRole('button', { name: 'Add schedule' })
    await expect(save).toBeDisabled()

    await field.pressSequentially('* * * * * *', { delay: 40 })
    const { error } = await api.validateCron('* * * * * *')
    expect(error).toBeTruthy()
    await expect(schedule.getByTestId('cron-error')).toHaveText(error ?? 'missing')
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(save).toBeDisabled()
    // Typing eleven characters asked the server once, after the pause.
    expect(checks).toEqual(['{"expression":"* * * * * *"}'])

    await field.fill('')
    await field.pressSequentially('0 9 * * 1-5', { delay: 40 })
    const nextRuns = schedule.getByTestId('cron-next-run')
    await expect(nextRuns).toHaveCount(3)
    for (const run of await nextRuns.all()) {
      await expect(run).toHaveText(/^(Mon|Tue|Wed|Thu|Fri), \w+ \d+, 02:30 PM · (Mon|Tue|Wed|Thu|Fri), \w+ \d+, 09:00 UTC$/)
    }
    // ICU may still call it by its old name.
    await expect(schedule.getByTestId('cron-next-runs')).toContainText(/Next runs \(Asia\/(Kolkata|Calcutta)\):/)
    await expect(schedule.getByTestId('cron-error')).toHaveCount(0)
    expect(checks).toHaveLength(2)

    await save.click()
    await expect(schedule.getByTestId('schedule-trigger')).toHaveText('Schedule · cron')
    const stored = (await api.getFlow(flowId)).body as Flow
    expect(stored.nodes).toEqual([
      { id: expect.any(String) as unknown, node_type: 'trigger', kind: 'cron', config: { schedule: '0 9 * * 1-5' }, position: { x: 0, y: 0 }, label: 'Schedule' },
    ])

    await page.reload()
    const reloaded = page.getByTestId('schedule-section')
    await expect(reloaded.getByLabel('Cron schedule')).toHaveValue('0 9 * * 1-5')
    await expect(reloaded.getByTestId('schedule-trigger')).toHaveText('Schedule · cron')
    await expect(reloaded.getByTestId('schedule-next-run')).toHaveText(/^(Mon|Tue|Wed|Thu|Fri), \w+ \d+, 02:30 PM \((Mon|Tue|Wed|Thu|Fri), \w+ \d+, 09:00 UTC\)$/)
    // Unchanged: nothing to save.
    await expect(reloaded.getByRole('button', { name: 'Save schedule' })).toBeDisabled()

    // A date that never comes is not worth saving.
    await reloaded.getByLabel('Cron schedule').fill('0 0 31 2 *')
    await expect(reloaded.getByTestId('cron-error')).toHaveText('Valid, but it never runs: no date matches.')
    await expect(reloaded.getByRole('button', { name: 'Save schedule' })).toBeDisabled()

    // Editing keeps the same trigger node and only changes its schedule.
    await reloaded.getByLabel('Cron schedule').fill('30 7 * * *')
    await expect(reloaded.getByTestId('cron-next-run')).toHaveCount(3)
    await reloaded.getByRole('button', { name: 'Save schedule' }).click()
    await expect(reloaded.getByTestId('schedule-next-run')).toContainText('07:30 UTC')
    const edited = (await api.getFlow(flowId)).body as Flow
    expect(edited.nodes).toEqual([{ ...stored.nodes[0], config: { schedule: '30 7 * * *' } }])

    // Disabling the flow says the schedule is paused.
    await page.getByRole('switch', { name: 'Enabled' }).click()
    await expect(reloaded.getByTestId('enabled-badge')).toHaveText('Disabled')
    await expect(reloaded.getByTestId('schedule-next-run')).toContainText('paused while the flow is disabled')
  })
})

chatTest('after a reload the history has both runs and the live log follows the new one', async ({ page, server, api, claude }) => {
  const flowId = await api.createFlowWith({ name: 'Twice daily', nodes: [executorNode('Summariser', QUIET_PROMPT, claude.workDir)] })
  await page.goto(server.appUrl)
  let runs = await liveRuns(page)
  await runs.getByRole('button', { name: 'Run now' }).click()
  await expect(runs.getByTestId('run-log-line').last()).toHaveAttribute('data-event-type', 'run_completed', RUN_TIMEOUT)
  await expect(runs.getByTestId('run-item')).toHaveCount(1)

  await page.reload()
  runs = await liveRuns(page)
  // A fresh page starts an empty live log; the history comes from the server.
  await expect(runs.getByTestId('run-log-line')).toHaveCount(0)
  await expect(runs.getByTestId('run-item')).toHaveCount(1)
  await runs.getByRole('button', { name: 'Run now' }).click()
  await expect(runs.getByTestId('run-log-line').last()).toHaveAttribute('data-event-type', 'run_completed', RUN_TIMEOUT)

  const items = runs.getByTestId('run-item')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toHaveAttribute('data-status', 'success')
  await expect(items.nth(1)).toHaveAttribute('data-status', 'success')
  const stored = await api.listRuns(flowId)
  expect(stored).toHaveLength(2)
  // The log holds exactly the second (newest) run.
  const group = runs.getByTestId('run-log-group')
  await expect(group).toHaveCount(1)
  await expect(group).toHaveAttribute('data-run-id', stored[0]?.id ?? 'missing')
  await expect(items.nth(0)).toHaveAttribute('data-run-id', stored[0]?.id ?? 'missing')
  await expect(group.getByTestId('run-log-message').first()).toHaveText('Flow execution started')
})

chatTest('a dropped live stream reconnects with Last-Event-ID and the server replays what was missed', async ({ page, server, api, claude }) => {
  const flowId = await api.createFlowWith({ name: 'Replay', nodes: [executorNode('Summariser', QUIET_PROMPT, claude.workDir)] })
  // A run the page has not seen, with the server's real event ids.
  const reader = await readRunStream(server.baseUrl, server.token, flowId)
  await api.triggerRun(flowId)
  const seen = await reader.until((event) => event.event_type === 'run_completed')
  reader.close()
  const [first, ...missed] = seen
  expect(first?.event.event_type).toBe('run_started')

  // The page's first connection "drops" right after the run's first event; the browser reconnects by itself.
  const lastEventIds: (string | null)[] = []
  page.on('request', (request) => {
    // allHeaders: the browser adds Last-Event-ID below the provisional headers.
    if (request.url().includes('/runs/live')) void request.allHeaders().then((headers) => lastEventIds.push(headers['last-event-id'] ?? null))
  })
  await page.route(
    '**/runs/live**',
    (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
        body: `retry: 200\nevent: ping\nid: ${first?.id ?? ''}\ndata: {}\n\n`,
      }),
    { times: 1 },
  )

  await page.goto(server.appUrl)
  const runs = page.getByTestId('runs-section')
  const messages = runs.getByTestId('run-log-message')
  await expect(messages).toHaveText(missed.map(({ event }) => event.message))
  await expect(runs.getByTestId('run-log-line').last()).toHaveAttribute('data-event-type', 'run_completed')
  await expect(runs.getByTestId('run-stream-status')).toHaveText('Live')
  await expect.poll(() => lastEventIds).toEqual([null, first?.id])
  await expect(runs.getByTestId('run-log-notice')).toHaveCount(0)
})

test('an id the server cannot replay from gets a reset: the history re-syncs and live lines keep coming', async ({ page, server, api }) => {
  // No executor: the run fails at once, no CLI needed.
  const flowId = await api.createFlow('Reset me')
  await api.triggerRun(flowId)
  await expect.poll(async () => (await api.listRuns(flowId))[0]?.status).toBe('failed')
  const lastEventIds: (string | null)[] = []
  page.on('request', (request) => {
    // allHeaders: the browser adds Last-Event-ID below the provisional headers.
    if (request.url().includes('/runs/live')) void request.allHeaders().then((headers) => lastEventIds.push(headers['last-event-id'] ?? null))
  })
  await page.route(
    '**/runs/live**',
    (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: 'retry: 200\nevent: ping\nid: from-another-boot-7\ndata: {}\n\n',
      }),
    { times: 1 },
  )

  await page.goto(server.appUrl)
  const runs = page.getByTestId('runs-section')
  await expect(runs.getByTestId('run-log-notice')).toContainText('could not catch up')
  await expect(runs.getByTestId('run-stream-status')).toHaveText('Live')
  await expect.poll(() => lastEventIds).toEqual([null, 'from-another-boot-7'])
  await expect(runs.getByTestId('run-item')).toHaveCount(1)
  await expect(runs.getByTestId('run-error')).toHaveText('flow has no executor node')

  // The stream still works after the reset.
  await runs.getByRole('button', { name: 'Run now' }).click()
  await expect(runs.getByTestId('run-log-message')).toHaveText(['Flow execution started', 'flow has no executor node'])
  await expect(runs.getByTestId('run-item')).toHaveCount(2)
  await runs.getByTestId('run-log-notice').getByRole('button', { name: 'Dismiss' }).click()
  await expect(runs.getByTestId('run-log-notice')).toHaveCount(0)
})

/** Live run streams the page has open: a streaming request neither finished nor failed (an abort fails it). */
function countLiveStreams(page: Page): () => number {
  let open = 0
  const isLive = (request: Request): boolean => request.url().includes('/runs/live')
  page.on('request', (request) => void (isLive(request) && open++))
  page.on('requestfinished', (request) => void (isLive(request) && open--))
  page.on('requestfailed', (request) => void (isLive(request) && open--))
  return () => open
}

test('the live stream closes when its flow is no longer shown', async ({ page, server, api }) => {
  const openStreams = countLiveStreams(page)
  await api.createFlow('First')
  await api.createFlow('Second')
  await page.goto(server.appUrl)
  await liveRuns(page)
  await expect.poll(openStreams).toBe(1)

  const item = (name: string): Locator => page.getByTestId('flow-item').filter({ hasText: name })
  for (const name of ['Second', 'First', 'Second']) {
    await item(name).click()
    await expect(page.getByTestId('flow-title')).toHaveText(name)
    await liveRuns(page)
    await expect.poll(openStreams).toBe(1)
  }
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Yes, delete' }).click()
  // Nothing is shown now, so nothing is followed.
  await expect(page.getByTestId('flow-details')).toHaveCount(0)
  await expect.poll(openStreams).toBe(0)
})
