// Flows in the studio: the sidebar's flow browser, the title bar (name,
// enabled, save state), the flow's settings in the property panel, the auth
// notices and the connection indicator in the status bar.
import type { FlowNode } from '../src-main/contract/api'
import { expect, test } from './fixtures'
import { createFlowInUi, deselectAll, expectSaved, flowItem, watchProblems } from './ui-steps'
import { shot } from './screenshots'

test('creates a flow in the UI and still lists it after a reload', async ({ page, server, api }) => {
  // A CSP violation or a failed request shows up here even when the page looks fine.
  const problems = watchProblems(page)

  await page.goto(server.appUrl)
  await expect(page.getByTestId('status-bar').getByTestId('api-status')).toHaveText('API connected')
  // The token is taken out of the address bar as soon as the app has read it.
  await expect(page).toHaveURL(`${server.baseUrl}/app/`)
  await expect(page.getByTestId('flow-list-empty')).toBeVisible()
  await expect(page.getByTestId('no-flow')).toBeVisible()

  await createFlowInUi(page, 'Morning digest', 'Summarise overnight mail and news')
  const item = flowItem(page, 'Morning digest')
  await expect(item).toContainText('Summarise overnight mail and news')
  await expect(item).toContainText('0 nodes · 0 edges')
  await expect(item.getByTestId('enabled-badge')).toHaveText('Enabled')
  await expect(item).toHaveAttribute('aria-current', 'true')
  // The new flow is open: its name in the title bar, an empty canvas, its settings in the panel.
  await expect(page.getByTestId('flow-enabled')).toBeChecked()
  await expect(page.getByTestId('canvas-empty')).toBeVisible()
  const settings = page.getByTestId('flow-settings')
  await expect(settings.getByTestId('flow-description')).toHaveValue('Summarise overnight mail and news')
  await expect(settings.getByTestId('flow-node-count')).toHaveText('0')
  await expect(settings.getByTestId('flow-edge-count')).toHaveText('0')

  const stored = await api.listFlows()
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject({ name: 'Morning digest', description: 'Summarise overnight mail and news' })
  await expect(settings.getByTestId('flow-id')).toHaveText(stored[0]?.id ?? 'missing')
  await expect(item).toHaveAttribute('data-flow-id', stored[0]?.id ?? 'missing')

  // The dialog is ready for the next flow (Ctrl+N opens it too); Escape leaves it without creating one.
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } })
  await page.keyboard.press('Control+n')
  const form = page.getByTestId('new-flow-dialog').getByTestId('new-flow-form')
  await expect(form.locator('input[name="name"]')).toHaveValue('')
  await expect(form.locator('input[name="description"]')).toHaveValue('')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('new-flow-dialog')).not.toBeVisible()
  expect(await api.listFlows()).toHaveLength(1)

  await page.reload()
  await expect(flowItem(page, 'Morning digest')).toBeVisible()
  await expect(page.getByTestId('flow-item')).toHaveCount(1)
  // The flow open before the reload is opened again.
  await expect(page.getByTestId('flow-name')).toHaveValue('Morning digest')
  expect(page.url()).toBe(`${server.baseUrl}/app/`)
  expect(problems).toEqual([])
})

test('renames, disables and deletes a flow, and the server agrees', async ({ page, server, api }) => {
  const id = await api.createFlow('Morning digest', 'Summarise overnight mail')
  // Record what the UI sends, to prove that opening a flow and a cancelled delete send nothing,
  // and that each save names the version it was based on.
  const mutations: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'PUT') {
      const body = JSON.parse(request.postData() ?? '{}') as { name?: string; enabled?: boolean }
      const ifMatch = request.headers()['if-match'] ? 'If-Match' : 'no If-Match'
      mutations.push(`PUT ${body.name ?? '?'} enabled=${String(body.enabled)} (${ifMatch})`)
    }
    if (request.method() === 'DELETE') mutations.push('DELETE')
  })

  await page.goto(server.appUrl)
  await flowItem(page, 'Morning digest').click()
  const settings = page.getByTestId('flow-settings')
  await expect(settings.getByTestId('flow-id')).toHaveText(id)
  const nameField = page.getByTestId('flow-name')
  await expect(nameField).toHaveValue('Morning digest')
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')

  // Enter ends the edit; the name is autosaved.
  await nameField.fill('Evening digest')
  await nameField.press('Enter')
  await expect(nameField).not.toBeFocused()
  await expectSaved(page)
  await expect(flowItem(page, 'Evening digest')).toBeVisible()
  expect((await api.getFlow(id)).body).toMatchObject({ name: 'Evening digest' })

  // Leaving the field is not needed: the edit is saved within a second anyway.
  await nameField.fill('Weekly digest')
  await expectSaved(page)
  await expect(flowItem(page, 'Weekly digest')).toBeVisible()
  expect((await api.getFlow(id)).body).toMatchObject({ name: 'Weekly digest' })

  await expect(page.getByRole('switch', { name: 'Enabled' })).toBeChecked()
  await page.getByRole('switch', { name: 'Enabled' }).click()
  await expect(page.getByRole('switch', { name: 'Disabled' })).not.toBeChecked()
  await expect(page.getByTestId('flow-enabled')).not.toBeChecked()
  await expectSaved(page)
  await expect(flowItem(page, 'Weekly digest').getByTestId('enabled-badge')).toHaveText('Disabled')
  expect((await api.getFlow(id)).body).toMatchObject({ name: 'Weekly digest', enabled: false })

  // Cancelling the confirmation keeps the flow.
  await settings.getByRole('button', { name: 'Delete flow', exact: true }).click()
  await settings.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Cancel' }).click()
  await expect(settings.getByRole('button', { name: 'Delete flow', exact: true })).toBeFocused()
  await expect(flowItem(page, 'Weekly digest')).toBeVisible()

  await settings.getByRole('button', { name: 'Delete flow', exact: true }).click()
  await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Yes, delete' }).click()
  await expect(page.getByTestId('flow-item')).toHaveCount(0)
  await expect(page.getByTestId('flow-list-empty')).toBeVisible()
  // Nothing is open any more: no canvas, no flow in the title bar.
  await expect(page.getByTestId('no-flow')).toBeVisible()
  await expect(page.getByTestId('flow-name')).toHaveCount(0)
  await expect(page.getByTestId('flow-settings')).toHaveCount(0)

  expect(await api.listFlows()).toEqual([])
  expect((await api.getFlow(id)).status).toBe(404)
  expect(mutations).toEqual([
    'PUT Evening digest enabled=true (If-Match)',
    'PUT Weekly digest enabled=true (If-Match)',
    'PUT Weekly digest enabled=false (If-Match)',
    'DELETE',
  ])
})

test('without a token the page says to open the printed URL', async ({ browser, server }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const pageErrors: Error[] = []
  page.on('pageerror', (error) => pageErrors.push(error))

  await page.goto(`${server.baseUrl}/app/`)
  const notice = page.getByTestId('auth-notice')
  await expect(notice.getByRole('heading', { name: 'API token needed' })).toBeVisible()
  await expect(notice).toContainText('Open the URL printed by npm run serve')
  // The rest of the page still works: header up, no half-rendered studio.
  await expect(page.getByTestId('api-status')).toHaveText('API connected')
  await expect(page.getByTestId('flow-browser')).toHaveCount(0)
  await expect(page.getByTestId('new-flow')).toHaveCount(0)
  await expect(page.getByTestId('status-bar')).toHaveCount(0)
  expect(pageErrors).toEqual([])
  await context.close()
})

test('a wrong token is refused the same way and not kept for the next load', async ({ page, server }) => {
  await page.goto(`${server.baseUrl}/app/#token=not-the-real-token`)
  await expect(page.getByTestId('auth-notice').getByRole('heading', { name: 'API token rejected' })).toBeVisible()
  await expect(page).toHaveURL(`${server.baseUrl}/app/`)
  await expect(page.getByTestId('flow-browser')).toHaveCount(0)

  await page.reload()
  await expect(page.getByTestId('auth-notice').getByRole('heading', { name: 'API token needed' })).toBeVisible()
})

/** A daily digest, drawn left to right: cron → RSS → keyword filter → Claude Code → Slack. */
function digestNodes(): { nodes: FlowNode[]; edges: { id: string; source: string; target: string }[] } {
  const node = (id: string, node_type: FlowNode['node_type'], kind: string, label: string, config: Record<string, unknown>, x: number, y: number): FlowNode => ({
    id,
    node_type,
    kind,
    label,
    config,
    position: { x, y },
  })
  const nodes = [
    node('cron', 'trigger', 'cron', 'Every morning', { schedule: '0 7 * * 1-5' }, 0, 70),
    node('rss', 'source', 'rss', 'Hacker News', { url: 'https://news.ycombinator.com/rss', limit: 30 }, 250, 0),
    node('keyword', 'filter', 'keyword', 'Only Rust and AI', { keywords: ['rust', 'ai'] }, 500, 70),
    node('writer', 'executor', 'claude-code', 'Digest writer', { prompt: 'Summarise these items for the team: {{content}}' }, 750, 0),
    node('slack', 'sink', 'slack', 'Post to #news', { webhook_url_env: 'SLACK_WEBHOOK_URL' }, 1000, 70),
  ]
  const edges = [
    { id: 'e1', source: 'cron', target: 'rss' },
    { id: 'e2', source: 'rss', target: 'keyword' },
    { id: 'e3', source: 'keyword', target: 'writer' },
    { id: 'e4', source: 'writer', target: 'slack' },
  ]
  return { nodes, edges }
}

test('lists several flows oldest first, filters and searches them (README screenshot)', async ({ page, server, api }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await api.createFlowWith({ name: 'Morning digest', description: 'Summarise overnight mail, calendar and news into one note.', ...digestNodes() })
  await api.createFlow('PR triage', 'Label new pull requests and draft a first review comment.')
  await page.goto(server.appUrl)
  await createFlowInUi(page, 'Release notes', 'Collect merged changes since the last tag.')
  await expect(page.getByTestId('flow-item-name')).toHaveText(['Morning digest', 'PR triage', 'Release notes'])

  await flowItem(page, 'PR triage').click()
  await expect(page.getByTestId('flow-name')).toHaveValue('PR triage')
  await page.getByRole('switch', { name: 'Enabled' }).click()
  await expectSaved(page)
  await expect(flowItem(page, 'PR triage').getByTestId('enabled-badge')).toHaveText('Disabled')

  // The filter buttons and the search narrow the list.
  const browser = page.getByTestId('flow-browser')
  const filter = (name: string) => browser.getByRole('group', { name: 'Show' }).getByRole('button', { name, exact: true })
  await filter('Disabled').click()
  await expect(filter('Disabled')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('flow-item-name')).toHaveText(['PR triage'])
  await filter('Enabled').click()
  await expect(page.getByTestId('flow-item-name')).toHaveText(['Morning digest', 'Release notes'])
  await filter('All').click()
  await expect(filter('All')).toHaveAttribute('aria-pressed', 'true')
  await browser.getByTestId('flow-search').fill('notes')
  await expect(page.getByTestId('flow-item-name')).toHaveText(['Release notes'])
  await browser.getByTestId('flow-search').fill('')
  await expect(page.getByTestId('flow-item-name')).toHaveText(['Morning digest', 'PR triage', 'Release notes'])

  await flowItem(page, 'Morning digest').click()
  await expect(page.getByTestId('flow-name')).toHaveValue('Morning digest')
  await expect(page.getByTestId('canvas-node')).toHaveCount(5)
  await expect(page.locator('.react-flow__edge')).toHaveCount(4)
  const settings = await deselectAll(page)
  await expect(settings.getByTestId('flow-node-count')).toHaveText('5')
  await expect(settings.getByTestId('flow-edge-count')).toHaveText('4')
  await expect(page.getByTestId('api-status')).toHaveText('API connected')
  await expect(page.getByTestId('status-scheduler')).toContainText('1 scheduled')
  // More room for the graph in the picture: fold the palette away and fit the view again.
  await page.getByTestId('palette').getByTitle('Hide the node palette').click()
  await page.getByTestId('canvas').getByRole('button', { name: 'Fit View' }).click()
  await page.mouse.move(0, 0)
  await shot(page, 'flows')
})

test('the status bar notices when the API goes away', async ({ page, server }) => {
  await page.goto(server.appUrl)
  const status = page.getByTestId('status-bar').getByTestId('api-status')
  await expect(status).toHaveText('API connected')
  await server.stop()
  // Health is polled every 5 s, so allow one full interval plus the check itself.
  await expect(status).toHaveText('API unreachable', { timeout: 12_000 })
})
