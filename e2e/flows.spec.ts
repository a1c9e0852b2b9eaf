import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { repoRoot } from './paths'

/** The sidebar entry whose name is exactly `name`. */
function flowItem(page: Page, name: string): Locator {
  return page
    .getByTestId('flow-item')
    .filter({ has: page.getByTestId('flow-item-name').getByText(name, { exact: true }) })
}

async function createFlowInUi(page: Page, name: string, description: string): Promise<void> {
  const form = page.getByTestId('new-flow-form')
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Description').fill(description)
  await form.getByRole('button', { name: 'Create flow' }).click()
  await expect(flowItem(page, name)).toBeVisible()
}

test('creates a flow in the UI and still lists it after a reload', async ({ page, server, api }) => {
  // A CSP violation or a failed request shows up here even when the page looks fine.
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))

  await page.goto(server.appUrl)
  await expect(page.getByTestId('api-status')).toHaveText('API connected')
  // The token is taken out of the address bar as soon as the app has read it.
  await expect(page).toHaveURL(`${server.baseUrl}/app/`)
  await expect(page.getByTestId('flow-list-empty')).toBeVisible()

  await createFlowInUi(page, 'Morning digest', 'Summarise overnight mail and news')
  const item = flowItem(page, 'Morning digest')
  await expect(item).toContainText('Summarise overnight mail and news')
  await expect(item).toContainText('0 nodes · 0 edges')
  await expect(item.getByTestId('enabled-badge')).toHaveText('Enabled')
  // The form is ready for the next flow, and the new one is open in the main pane.
  await expect(page.getByTestId('new-flow-form').getByLabel('Name')).toHaveValue('')
  await expect(page.getByTestId('flow-title')).toHaveText('Morning digest')

  const stored = await api.listFlows()
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject({ name: 'Morning digest', description: 'Summarise overnight mail and news' })
  await expect(page.getByTestId('flow-id')).toHaveText(stored[0]?.id ?? 'missing')

  await page.reload()
  await expect(flowItem(page, 'Morning digest')).toBeVisible()
  await expect(page.getByTestId('flow-item')).toHaveCount(1)
  expect(page.url()).toBe(`${server.baseUrl}/app/`)
  expect(problems).toEqual([])
})

test('renames, disables and deletes a flow, and the server agrees', async ({ page, server, api }) => {
  const id = await api.createFlow('Morning digest', 'Summarise overnight mail')
  // Record what the UI sends, to prove that cancelled edits send nothing.
  const mutations: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'PUT' || request.method() === 'DELETE') {
      mutations.push(`${request.method()} ${request.postData() ?? ''}`.trim())
    }
  })

  await page.goto(server.appUrl)
  await flowItem(page, 'Morning digest').click()
  const details = page.getByTestId('flow-details')
  await expect(details.getByTestId('flow-id')).toHaveText(id)
  const title = details.getByTestId('flow-title')
  const nameField = details.getByLabel('Flow name')

  // Escape abandons the edit.
  await details.getByRole('button', { name: 'Rename' }).click()
  await nameField.fill('Never saved')
  await nameField.press('Escape')
  await expect(title).toHaveText('Morning digest')
  await expect(details.getByRole('button', { name: 'Rename' })).toBeFocused()

  // Enter saves.
  await details.getByRole('button', { name: 'Rename' }).click()
  await nameField.fill('Evening digest')
  await nameField.press('Enter')
  await expect(title).toHaveText('Evening digest')
  await expect(flowItem(page, 'Evening digest')).toBeVisible()
  expect((await api.getFlow(id)).body).toMatchObject({ name: 'Evening digest' })

  // Leaving the field saves as well.
  await details.getByRole('button', { name: 'Rename' }).click()
  await nameField.fill('Weekly digest')
  await details.getByTestId('flow-id').click()
  await expect(title).toHaveText('Weekly digest')
  expect((await api.getFlow(id)).body).toMatchObject({ name: 'Weekly digest' })

  const toggle = details.getByRole('switch', { name: 'Enabled' })
  await expect(toggle).toBeChecked()
  await toggle.click()
  await expect(toggle).not.toBeChecked()
  await expect(flowItem(page, 'Weekly digest').getByTestId('enabled-badge')).toHaveText('Disabled')
  expect((await api.getFlow(id)).body).toMatchObject({ name: 'Weekly digest', enabled: false })

  // Cancelling the confirmation keeps the flow.
  await details.getByRole('button', { name: 'Delete', exact: true }).click()
  await details.getByRole('button', { name: 'Cancel' }).click()
  await expect(flowItem(page, 'Weekly digest')).toBeVisible()

  await details.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Yes, delete' }).click()
  await expect(page.getByTestId('flow-item')).toHaveCount(0)
  await expect(page.getByTestId('flow-list-empty')).toBeVisible()
  await expect(page.getByTestId('flow-details')).toHaveCount(0)

  expect(await api.listFlows()).toEqual([])
  expect((await api.getFlow(id)).status).toBe(404)
  expect(mutations).toEqual([
    'PUT {"name":"Evening digest"}',
    'PUT {"name":"Weekly digest"}',
    'PUT {"enabled":false}',
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
  // The rest of the page still works: header up, no half-rendered workspace.
  await expect(page.getByTestId('api-status')).toHaveText('API connected')
  await expect(page.getByTestId('new-flow-form')).toHaveCount(0)
  expect(pageErrors).toEqual([])
  await context.close()
})

test('a wrong token is refused the same way and not kept for the next load', async ({ page, server }) => {
  await page.goto(`${server.baseUrl}/app/#token=not-the-real-token`)
  await expect(page.getByTestId('auth-notice').getByRole('heading', { name: 'API token rejected' })).toBeVisible()
  await expect(page).toHaveURL(`${server.baseUrl}/app/`)

  await page.reload()
  await expect(page.getByTestId('auth-notice').getByRole('heading', { name: 'API token needed' })).toBeVisible()
})

test('lists several flows oldest first (README screenshot)', async ({ page, server, api }) => {
  await api.createFlow('Morning digest', 'Summarise overnight mail, calendar and news into one note.')
  await api.createFlow('PR triage', 'Label new pull requests and draft a first review comment.')
  await page.goto(server.appUrl)
  await createFlowInUi(page, 'Release notes', 'Collect merged changes since the last tag.')
  await expect(page.getByTestId('flow-item-name')).toHaveText(['Morning digest', 'PR triage', 'Release notes'])

  await flowItem(page, 'PR triage').click()
  await page.getByRole('switch', { name: 'Enabled' }).click()
  await expect(flowItem(page, 'PR triage').getByTestId('enabled-badge')).toHaveText('Disabled')

  await flowItem(page, 'Morning digest').click()
  await expect(page.getByTestId('flow-title')).toHaveText('Morning digest')
  await expect(page.getByTestId('api-status')).toHaveText('API connected')
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/flows.png') })
})

test('the header notices when the API goes away', async ({ page, server }) => {
  await page.goto(server.appUrl)
  const status = page.getByTestId('api-status')
  await expect(status).toHaveText('API connected')
  await server.stop()
  // Health is polled every 5 s, so allow one full interval plus the check itself.
  await expect(status).toHaveText('API unreachable', { timeout: 12_000 })
})
