// Runs and schedules in the studio, against the real server: Run in the title
// bar, the Run log and History tabs of the bottom panel, the run state on the
// canvas, and a cron trigger's schedule field in the property panel. The
// executor runs are the REAL `claude` CLI talking to the local Messages API stand-in.
import { randomUUID } from 'node:crypto'
import type { Locator, Page, Request } from '@playwright/test'
import type { Flow, FlowNode, NewFlow } from '../src-main/contract/api'
import { chatTest, expect, test } from './fixtures'
import { readRunStream } from './run-stream'
import { shot } from './screenshots'
import {
  addNodeFromPalette,
  autoLayout,
  configureExecutor,
  connectNodes,
  createFlowInUi,
  deselectAll,
  expectSaved,
  fetchSchedule,
  flowItem,
  openFlowId,
  openTab,
  selectNode,
  watchProblems,
} from './ui-steps'

/** The typing pause after which the schedule field asks the server (useCronValidation's debounce). */
const CRON_PAUSE_MS = 400

// A run starts a real CLI process; leave room for a slow machine.
test.describe.configure({ timeout: 60_000 })

const RUN_TIMEOUT = { timeout: 20_000 }
const QUIET_PROMPT = 'Summarise. [[reply:All quiet today.]]'
// The light theme's --ok and --danger (Playwright's browser prefers the light colour scheme).
const GREEN = 'rgb(28, 124, 79)'
const RED = 'rgb(194, 49, 58)'

/** A manual trigger wired to one executor: a flow the Run button's check passes. */
function manualFlow(name: string, label: string, prompt: string, workingDir: string): NewFlow {
  const trigger: FlowNode = { id: randomUUID(), node_type: 'trigger', kind: 'manual', config: {}, position: { x: 0, y: 0 }, label: 'Start' }
  const executor: FlowNode = {
    id: randomUUID(),
    node_type: 'executor',
    kind: 'claude-code',
    config: { prompt, working_dir: workingDir },
    position: { x: 300, y: 0 },
    label,
  }
  return { name, nodes: [trigger, executor], edges: [{ id: randomUUID(), source: trigger.id, target: executor.id }] }
}

/**
 * Creates a flow in the UI: a manual trigger and a Claude Code executor from the
 * palette, wired on the canvas, the executor configured in the property panel.
 * Returns the flow's id and the executor's card.
 */
async function createFlowWithExecutor(page: Page, name: string, label: string, prompt: string, workDir: string): Promise<{ flowId: string; executor: Locator }> {
  await createFlowInUi(page, name)
  const trigger = await addNodeFromPalette(page, 'manual')
  const executor = await addNodeFromPalette(page, 'claude-code')
  await configureExecutor(page, { label, prompt, workingDir: workDir })
  await autoLayout(page)
  await connectNodes(page, trigger, executor)
  // Wired, they line up left to right.
  await autoLayout(page)
  await expect(executor).toContainText(label)
  await expectSaved(page)
  const settings = await deselectAll(page)
  await expect(settings.getByTestId('flow-node-count')).toHaveText('2')
  await expect(settings.getByTestId('flow-edge-count')).toHaveText('1')
  return { flowId: await openFlowId(page), executor }
}

/** The bottom panel's stream indicator says the live run stream is connected. */
async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId('run-stream-status')).toHaveText('Live')
}

chatTest('Run: live lines, the run on the canvas, a successful run in the history, and its output (docs screenshot)', async ({ page, server, api, claude }) => {
  const problems = watchProblems(page)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  const { flowId, executor } = await createFlowWithExecutor(page, 'Morning digest', 'Summariser', QUIET_PROMPT, claude.workDir)
  await expectLive(page)
  await openTab(page, 'history')
  await expect(page.getByTestId('run-history-empty')).toBeVisible()
  await openTab(page, 'log')

  await page.getByTestId('run-flow').click()
  // The check passes, so the run starts at once; while it goes the title bar shows its progress.
  await expect(page.getByTestId('run-progress')).toBeVisible()
  await expect(page.getByTestId('run-progress')).toContainText(/Running · [01] of 1 nodes/)
  await expect(page.getByTestId('cancel-run')).toBeVisible()
  await expect(page.getByTestId('run-gate')).toHaveCount(0)
  const lines = page.getByTestId('run-log-line')
  await expect(lines.last()).toHaveAttribute('data-event-type', 'run_completed', RUN_TIMEOUT)
  // run_completed refreshes the history at once (the 5 s poll would usually be too late for this).
  await openTab(page, 'history')
  await expect(page.getByTestId('run-item')).toHaveAttribute('data-status', 'success', { timeout: 1_500 })
  await expect(page.getByTestId('run-flow')).toBeVisible()
  await expect(page.getByTestId('run-progress')).toHaveCount(0)
  await expect(executor).toHaveAttribute('data-run-state', 'done')

  await openTab(page, 'log')
  await expect(page.getByTestId('run-log-group')).toHaveCount(1)
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

  await openTab(page, 'history')
  const item = page.getByTestId('run-item')
  await expect(item).toHaveCount(1)
  await expect(item.getByTestId('run-status').first()).toHaveText('Success')
  await expect(item.getByTestId('run-duration')).toHaveText(/^\d+\.\d s$/)
  await expect(item.getByTestId('run-trigger')).toHaveText('by hand')
  await expect(item.getByTestId('run-error')).toHaveCount(0)
  await expect(item.getByTestId('node-runs')).toHaveCount(0)

  await item.getByRole('button', { expanded: false }).click()
  const nodeRun = item.getByTestId('node-run')
  await expect(nodeRun).toHaveCount(1)
  await expect(nodeRun).toContainText('Summariser')
  await expect(nodeRun.getByTestId('run-status')).toHaveText('Success')
  await expect(nodeRun.getByTestId('node-run-output')).toHaveText('All quiet today.')

  // What the UI shows is what the server recorded.
  const [stored] = await api.listRuns(flowId)
  expect(stored).toMatchObject({ status: 'success', error: null, node_runs: [{ status: 'success', output_preview: 'All quiet today.' }] })
  await expect(item).toHaveAttribute('data-run-id', stored?.id ?? 'missing')
  if (stored?.cost_usd !== undefined) await expect(item.getByTestId('run-cost')).toHaveText(`$${stored.cost_usd.toFixed(4)}`)

  // The picture: the run log beside the finished run on the canvas.
  await openTab(page, 'log')
  await page.mouse.move(0, 0)
  await shot(page, 'runs')
  expect(problems).toEqual([])
})

chatTest('a run whose executor cannot start is gated, then fails in red with the executor error', async ({ page, server, claude }) => {
  await page.goto(server.appUrl)
  const { executor } = await createFlowWithExecutor(page, 'Broken flow', 'Lost writer', QUIET_PROMPT, '/nonexistent/dir')
  await expectLive(page)

  // The check sees the missing directory first and asks before running.
  await page.getByTestId('run-flow').click()
  const gate = page.getByTestId('run-gate')
  await expect(gate).toBeVisible()
  await expect(gate.getByTestId('problem-list')).toContainText('Lost writer')
  await expect(gate.getByTestId('problem-list')).toContainText('/nonexistent/dir')
  await gate.getByTestId('run-anyway').click()
  await expect(gate).toHaveCount(0)

  const lines = page.getByTestId('run-log-line')
  await expect(lines.last()).toHaveAttribute('data-event-type', 'run_failed', RUN_TIMEOUT)
  const failedNode = page.locator('[data-testid="run-log-line"][data-event-type="node_failed"]')
  await expect(failedNode).toHaveCount(1)
  await expect(failedNode.getByTestId('run-log-message')).toHaveText(/^Failed: /)
  await expect(failedNode.getByTestId('run-log-message')).toHaveCSS('color', RED)
  await expect(lines.last().getByTestId('run-log-message')).toHaveText(/^executor failed: /)
  await expect(lines.last().getByTestId('run-log-message')).toHaveCSS('color', RED)
  await expect(executor).toHaveAttribute('data-run-state', 'failed')

  await openTab(page, 'history')
  const item = page.getByTestId('run-item')
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

  test('schedule: a cron trigger checks its expression as it is typed, autosaves it, and shows the next runs', async ({ page, server, api }) => {
    const flowId = await api.createFlow('Weekday report')
    expect(await fetchSchedule(server, flowId)).toMatchObject({ trigger_kind: null, next_run: null })
    const checks: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/validate/cron')) checks.push(request.postData() ?? '')
    })
    // The page's timers on a clock the test can stop: typing then never outlasts the pause.
    await page.clock.install()
    /** Types `text` with the page's clock stopped, then lets the typing pause pass: one check, however slow the keys. */
    const typeThenPause = async (text: string) => {
      // A second ahead: pausing must not land in the past while the clock still runs.
      await page.clock.pauseAt((await page.evaluate<number>('Date.now()')) + 1_000)
      await field.pressSequentially(text, { delay: 40 })
      await page.clock.runFor(CRON_PAUSE_MS)
      await page.clock.resume()
    }
    await page.goto(server.appUrl)
    await expect(page.getByTestId('flow-name')).toHaveValue('Weekday report')
    await expect(page.getByTestId('canvas-empty')).toBeVisible()

    const trigger = await addNodeFromPalette(page, 'cron')
    const panel = page.getByTestId('property-panel')
    await expect(panel).toBeVisible()
    const field = panel.getByRole('textbox', { name: /^Schedule \(cron, UTC\)/ })
    const schedule = panel.locator('[data-field="schedule"]')
    await expect(field).toHaveValue('')
    // Nothing typed yet: the field says what it needs.
    await expect(panel.getByTestId('problem-schedule')).toContainText('Enter a cron expression')

    // Six fields: the shape is refused at once, in the field.
    await typeThenPause('* * * * * *')
    await expect(panel.getByTestId('problem-schedule')).toContainText('Use five fields (minute hour day month weekday); seconds are not supported.')
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(schedule.getByTestId('cron-next-runs')).toHaveCount(0)
    // Typing eleven characters asked the server once, after the pause, not at every key.
    await expect.poll(() => checks).toEqual(['{"expression":"* * * * * *"}'])

    // Five fields the server cannot parse: its own error is shown.
    await field.fill('')
    await typeThenPause('0 25 * * *')
    const { error } = await api.validateCron('0 25 * * *')
    expect(error).toBeTruthy()
    await expect(schedule).toContainText(error ?? 'missing')
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(schedule.getByTestId('cron-next-runs')).toHaveCount(0)
    expect(checks.slice(1)).toEqual(['{"expression":"0 25 * * *"}'])

    await field.fill('')
    await typeThenPause('0 9 * * 1-5')
    const nextRuns = schedule.getByTestId('cron-next-run')
    await expect(nextRuns).toHaveCount(3)
    for (const run of await nextRuns.all()) {
      await expect(run).toHaveText(/^(Mon|Tue|Wed|Thu|Fri), \w+ \d+, 02:30 PM · (Mon|Tue|Wed|Thu|Fri), \w+ \d+, 09:00 UTC$/)
    }
    // ICU may still call it by its old name.
    await expect(schedule.getByTestId('cron-next-runs')).toContainText(/Next runs \(Asia\/(Kolkata|Calcutta)\):/)
    await expect(schedule).toContainText('weekdays at 09:00 UTC')
    await expect(schedule.getByTestId('cron-error')).toHaveCount(0)
    await expect(panel.getByTestId('problem-schedule')).toHaveCount(0)
    await expect(field).toHaveAttribute('aria-invalid', 'false')
    expect(checks.slice(2)).toEqual(['{"expression":"0 9 * * 1-5"}'])
    await expect(trigger).toContainText('weekdays at 09:00 UTC')

    // Autosaved: the server has the trigger, and its schedule agrees with what the panel showed.
    await expectSaved(page)
    const stored = (await api.getFlow(flowId)).body as Flow
    expect(stored.nodes).toEqual([
      {
        id: await trigger.getAttribute('data-node-id'),
        node_type: 'trigger',
        kind: 'cron',
        config: { schedule: '0 9 * * 1-5' },
        position: { x: expect.any(Number) as unknown, y: expect.any(Number) as unknown },
        label: 'Cron Schedule',
      },
    ])
    const saved = await fetchSchedule(server, flowId)
    expect(saved).toMatchObject({ trigger_kind: 'cron', enabled: true, schedule: '0 9 * * 1-5' })
    expect(saved.next_runs?.slice(0, 3)).toEqual(await nextRuns.locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))))
    await expect(page.getByTestId('status-scheduler')).toContainText('1 scheduled', { timeout: 8_000 })

    await page.reload()
    await expect(page.getByTestId('flow-name')).toHaveValue('Weekday report')
    const reloaded = await selectNode(page, page.getByTestId('canvas-node'))
    const reloadedField = reloaded.getByRole('textbox', { name: /^Schedule \(cron, UTC\)/ })
    await expect(reloadedField).toHaveValue('0 9 * * 1-5')
    await expect(reloaded.getByTestId('cron-next-run')).toHaveCount(3)

    // A date that never comes: the panel says so, and so does the server once it is saved.
    await reloadedField.fill('0 0 31 2 *')
    await expect(reloaded.getByTestId('cron-error')).toHaveText('Valid, but it never runs: no date matches.')
    await expectSaved(page)
    await expect.poll(async () => (await fetchSchedule(server, flowId)).next_run).toBeNull()

    // Editing keeps the same trigger node and only changes its schedule.
    await reloadedField.fill('30 7 * * *')
    await expect(reloaded.getByTestId('cron-next-run')).toHaveCount(3)
    await expect(reloaded.getByTestId('cron-next-run').first()).toContainText('07:30 UTC')
    await expectSaved(page)
    const edited = (await api.getFlow(flowId)).body as Flow
    expect(edited.nodes).toEqual([{ ...stored.nodes[0], config: { schedule: '30 7 * * *' } }])
    expect((await fetchSchedule(server, flowId)).next_run).toMatch(/T07:30:00/)

    // Disabling the flow pauses the schedule: the server says so and the scheduler counts it out.
    await page.getByTestId('flow-enabled').click()
    await expect(page.getByTestId('flow-enabled')).not.toBeChecked()
    await expectSaved(page)
    expect(await fetchSchedule(server, flowId)).toMatchObject({ enabled: false, schedule: '30 7 * * *' })
    await expect(flowItem(page, 'Weekday report').getByTestId('enabled-badge')).toHaveText('Disabled')
    await expect(page.getByTestId('status-scheduler')).toContainText('0 scheduled', { timeout: 8_000 })
  })
})

chatTest('after a reload the history has both runs and the live log follows the new one', async ({ page, server, api, claude }) => {
  const flowId = await api.createFlowWith(manualFlow('Twice daily', 'Summariser', QUIET_PROMPT, claude.workDir))
  await page.goto(server.appUrl)
  await expect(page.getByTestId('flow-name')).toHaveValue('Twice daily')
  await expectLive(page)
  await page.getByTestId('run-flow').click()
  await expect(page.getByTestId('run-log-line').last()).toHaveAttribute('data-event-type', 'run_completed', RUN_TIMEOUT)
  await openTab(page, 'history')
  await expect(page.getByTestId('run-item')).toHaveCount(1)

  await page.reload()
  await expectLive(page)
  // A fresh page starts an empty live log; the history comes from the server.
  await expect(page.getByTestId('run-item')).toHaveCount(1)
  await openTab(page, 'log')
  await expect(page.getByTestId('run-log-line')).toHaveCount(0)
  await page.getByTestId('run-flow').click()
  await expect(page.getByTestId('run-log-line').last()).toHaveAttribute('data-event-type', 'run_completed', RUN_TIMEOUT)

  const stored = await api.listRuns(flowId)
  expect(stored).toHaveLength(2)
  // The log holds exactly the second (newest) run.
  const group = page.getByTestId('run-log-group')
  await expect(group).toHaveCount(1)
  await expect(group).toHaveAttribute('data-run-id', stored[0]?.id ?? 'missing')
  await expect(group.getByTestId('run-log-message').first()).toHaveText('Flow execution started')

  await openTab(page, 'history')
  const items = page.getByTestId('run-item')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toHaveAttribute('data-status', 'success')
  await expect(items.nth(1)).toHaveAttribute('data-status', 'success')
  await expect(items.nth(0)).toHaveAttribute('data-run-id', stored[0]?.id ?? 'missing')
})

chatTest('a dropped live stream reconnects with Last-Event-ID and the server replays what was missed', async ({ page, server, api, claude }) => {
  const flowId = await api.createFlowWith(manualFlow('Replay', 'Summariser', QUIET_PROMPT, claude.workDir))
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
  await expect(page.getByTestId('flow-name')).toHaveValue('Replay')
  // The log shows every replayed run event; the executor's own output goes to its node instead.
  const executorOutput = new Set(['executor_text', 'executor_tool_use', 'executor_tool_result'])
  const logged = missed.filter(({ event }) => !executorOutput.has(event.event_type))
  expect(logged.length).toBeLessThan(missed.length)
  const messages = page.getByTestId('run-log').getByTestId('run-log-message')
  await expect(messages).toHaveText(logged.map(({ event }) => event.message))
  await expect(page.locator('[data-testid="canvas-node"][data-kind="claude-code"]')).toHaveAttribute('data-run-state', 'done')
  await expect(page.getByTestId('run-log-line').last()).toHaveAttribute('data-event-type', 'run_completed')
  await expectLive(page)
  await expect.poll(() => lastEventIds).toEqual([null, first?.id])
  await expect(page.getByTestId('run-log-notice')).toHaveCount(0)
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
  await expect(page.getByTestId('run-log-notice')).toContainText('could not catch up')
  await expectLive(page)
  await expect.poll(() => lastEventIds).toEqual([null, 'from-another-boot-7'])
  await openTab(page, 'history')
  await expect(page.getByTestId('run-item')).toHaveCount(1)
  await expect(page.getByTestId('run-error')).toHaveText('flow has no executor node')

  // The stream still works after the reset. The check knows this run fails; run it anyway.
  await page.getByTestId('run-flow').click()
  await expect(page.getByTestId('run-gate').getByTestId('problem-list')).toContainText('flow has no executor node')
  await page.getByTestId('run-anyway').click()
  await expect(page.getByTestId('run-item')).toHaveCount(2)
  await openTab(page, 'log')
  await expect(page.getByTestId('run-log-message')).toHaveText(['Flow execution started', 'flow has no executor node'])
  await page.getByTestId('run-log-notice').getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByTestId('run-log-notice')).toHaveCount(0)
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
  await expect(page.getByTestId('flow-name')).toHaveValue('First')
  await expectLive(page)
  await expect.poll(openStreams).toBe(1)

  for (const name of ['Second', 'First', 'Second']) {
    await flowItem(page, name).click()
    await expect(page.getByTestId('flow-name')).toHaveValue(name)
    await expectLive(page)
    await expect.poll(openStreams).toBe(1)
  }
  const settings = page.getByTestId('flow-settings')
  await settings.getByRole('button', { name: 'Delete flow', exact: true }).click()
  await settings.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Yes, delete' }).click()
  // Nothing is shown now, so nothing is followed.
  await expect(page.getByTestId('no-flow')).toBeVisible()
  await expect(page.getByTestId('run-stream-status')).toHaveCount(0)
  await expect.poll(openStreams).toBe(0)
})
