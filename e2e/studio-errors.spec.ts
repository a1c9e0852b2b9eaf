// Failed requests in the studio: each one is a red banner that says what could
// not be done to what, with the server's reason, and a Retry that makes that same
// request again. The server is real; page.route makes chosen requests fail.
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import type { Locator, Page } from '@playwright/test'
import type { FlowNode, NewFlow, PromptListResponse } from '../src-main/contract/api'
import { FLOW_TEMPLATES } from '../src-renderer/src/templates/templates'
import { chatTest, expect, test } from './fixtures'
import { openNewChat } from './chat-steps'
import { shot } from './screenshots'
import { flowItem, openTab } from './ui-steps'

/** Requests to one endpoint: how many were made, and how many of the next ones fail. */
interface Outage {
  seen: number
  /** The next this-many requests get a 500 "disk full"; Infinity until set back. */
  failing: number
}

/** Makes `method path` requests fail as `outage.failing` says (once by default); the rest reach the server. */
async function outage(page: Page, method: string, path: string | RegExp, failing = 1): Promise<Outage> {
  const state: Outage = { seen: 0, failing }
  const matches = (pathname: string) => (typeof path === 'string' ? pathname === path : path.test(pathname))
  await page.route(
    (url) => matches(url.pathname),
    async (route) => {
      if (route.request().method() !== method) return route.fallback()
      state.seen++
      if (state.failing <= 0) return route.continue()
      state.failing--
      return route.fulfill({ status: 500, json: { error: 'disk full' } })
    },
  )
  return state
}

/** A banner's Retry button. */
const retry = (banner: Locator): Locator => banner.getByRole('button', { name: 'Retry' })

async function openFlow(page: Page, name: string): Promise<void> {
  await flowItem(page, name).click()
  await expect(page.getByTestId('flow-name')).toHaveValue(name)
}

test('the node kinds failing to load: a banner says so, Retry fills the palette', async ({ page, server, api }) => {
  await api.createFlow('Daily digest')
  const kinds = await outage(page, 'GET', '/api/node-types')
  await page.goto(server.appUrl)
  await openFlow(page, 'Daily digest')

  const banner = page.getByTestId('node-kinds-error')
  await expect(banner).toHaveText(/^Could not load the node kinds: disk full/)
  await expect(page.getByTestId('palette')).toContainText('The node kinds could not be loaded.')
  await expect(page.getByTestId('palette-manual')).toHaveCount(0)
  await shot(page, 'error-node-kinds')

  await retry(banner).click()
  await expect(page.getByTestId('palette-manual')).toBeVisible()
  await expect(banner).toHaveCount(0)
  expect(kinds.seen).toBe(2)
})

test('deleting a flow fails: the banner names the flow, Retry deletes it', async ({ page, server, api }) => {
  const id = await api.createFlow('Daily digest')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  await openFlow(page, 'Daily digest')
  const deletes = await outage(page, 'DELETE', `/api/flows/${id}`)

  const settings = page.getByTestId('flow-settings')
  await settings.getByRole('button', { name: 'Delete flow', exact: true }).click()
  await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Yes, delete' }).click()
  const banner = page.getByTestId('error-banner')
  await expect(banner).toHaveText(/^Could not delete flow “Daily digest”: disk full/)
  // Nothing was deleted, and the banner says so until the user acts on it.
  await expect(flowItem(page, 'Daily digest')).toBeVisible()
  expect((await api.listFlows()).map((flow) => flow.id)).toEqual([id])
  await page.mouse.move(0, 0)
  await shot(page, 'error-banner')

  await retry(banner).click()
  await expect(page.getByTestId('flow-item')).toHaveCount(0)
  await expect(banner).toHaveCount(0)
  expect(await api.listFlows()).toEqual([])
  expect(deletes.seen).toBe(2)
})

test('creating a flow fails: Retry creates exactly one flow and opens it', async ({ page, server, api }) => {
  await page.goto(server.appUrl)
  const creates = await outage(page, 'POST', '/api/flows')
  await page.getByTestId('flow-browser').getByTestId('new-flow').click()
  const form = page.getByTestId('new-flow-dialog').getByTestId('new-flow-form')
  await form.locator('input[name="name"]').fill('Weekly report')
  await form.getByRole('button', { name: 'Create flow' }).click()

  const banner = page.getByTestId('error-banner')
  await expect(banner).toHaveText(/^Could not create flow “Weekly report”: disk full/)
  await expect(page.getByTestId('new-flow-dialog')).not.toBeVisible()
  expect(await api.listFlows()).toEqual([])

  await retry(banner).click()
  await expect(page.getByTestId('flow-name')).toHaveValue('Weekly report')
  await expect(banner).toHaveCount(0)
  await expect(page.getByTestId('flow-item')).toHaveCount(1)
  expect((await api.listFlows()).map((flow) => flow.name)).toEqual(['Weekly report'])
  expect(creates.seen).toBe(2)
})

test('a template fails to make its flow: the banner names it, Retry makes and opens it', async ({ page, server, api }) => {
  const template = FLOW_TEMPLATES[0]!
  await page.goto(server.appUrl)
  await page.getByTestId('open-templates').click()
  const creates = await outage(page, 'POST', '/api/flows')
  await page.getByTestId(`template-${template.id}`).getByRole('button', { name: 'Use template' }).click()

  const banner = page.getByTestId('template-gallery').getByTestId('template-error')
  await expect(banner).toHaveText(new RegExp(`^Could not create flow “${template.name}” from its template: disk full`))
  await retry(banner).click()
  await expect(page.getByTestId('flow-name')).toHaveValue(template.name)
  expect((await api.listFlows()).map((flow) => flow.name)).toEqual([template.name])
  expect(creates.seen).toBe(2)
})

test('the check before a run cannot be made: Validate and Run say so, and Retry checks again', async ({ page, server, api }) => {
  await api.createFlow('Daily digest')
  // Every check fails until the server is "back".
  const checks = await outage(page, 'POST', /\/validate$/, Infinity)
  await page.goto(server.appUrl)
  await openFlow(page, 'Daily digest')

  // The check made on opening failed: the button no longer claims anything.
  const validateButton = page.getByTestId('validate')
  await expect(validateButton).toHaveText('Not checked')
  await validateButton.click()
  const popover = page.getByTestId('validation')
  await expect(popover).toContainText('The flow could not be checked')
  const banner = popover.getByTestId('validation-failed')
  await expect(banner).toHaveText(/^Could not check the flow: disk full/)
  await shot(page, 'error-validate')

  checks.failing = 0
  const before = checks.seen
  await retry(banner).click()
  // The flow has no executor: now that the check answers, it says so.
  await expect(popover).toContainText('This flow would not run as it is')
  await expect(popover.getByTestId('problem-list')).toContainText('flow has no executor node')
  await expect(validateButton).toHaveText('1 problem')
  expect(checks.seen).toBe(before + 1)
  await page.keyboard.press('Escape')

  // Run checks first; when the check cannot be made it asks, with Retry and Run anyway.
  checks.failing = Infinity
  await page.getByTestId('run-flow').click()
  const gate = page.getByTestId('run-gate')
  await expect(gate).toContainText('The flow could not be checked before running')
  await expect(gate.getByTestId('run-gate-failed')).toHaveText(/^Could not check the flow: disk full/)
  await expect(gate.getByTestId('run-anyway')).toBeVisible()
  await shot(page, 'error-run-gate')
  checks.failing = 0
  await retry(gate.getByTestId('run-gate-failed')).click()
  await expect(gate).toContainText('This run would fail')
  await expect(gate.getByTestId('problem-list')).toContainText('flow has no executor node')
})

/** A manual trigger wired to one executor: a flow whose check passes. */
function manualFlow(name: string, workDir: string): NewFlow {
  const trigger: FlowNode = { id: randomUUID(), node_type: 'trigger', kind: 'manual', config: {}, position: { x: 0, y: 0 }, label: 'Start' }
  const executor: FlowNode = { id: randomUUID(), node_type: 'executor', kind: 'claude-code', config: { prompt: 'Summarise. [[reply:All quiet today.]]', working_dir: workDir }, position: { x: 300, y: 0 }, label: 'Summariser' }
  return { name, nodes: [trigger, executor], edges: [{ id: randomUUID(), source: trigger.id, target: executor.id }] }
}

chatTest('a run that cannot start: the banner names starting the run, Retry starts it', async ({ page, server, api, claude }) => {
  test.setTimeout(60_000)
  const flowId = await api.createFlowWith(manualFlow('Daily digest', claude.workDir))
  await page.goto(server.appUrl)
  await openFlow(page, 'Daily digest')
  await expect(page.getByTestId('validate')).toHaveText('Validate')
  const triggers = await outage(page, 'POST', `/api/flows/${flowId}/trigger`)

  await page.getByTestId('run-flow').click()
  const banner = page.getByTestId('runs-error')
  await expect(banner).toHaveText(/^Could not start the run: disk full/)
  await openTab(page, 'history')
  await expect(page.getByTestId('run-history-empty')).toBeVisible()
  expect(await api.listRuns(flowId)).toEqual([])

  await retry(banner).click()
  await expect(page.getByTestId('run-item')).toHaveCount(1)
  await expect(banner).toHaveCount(0)
  expect(await api.listRuns(flowId)).toHaveLength(1)
  expect(triggers.seen).toBe(2)
  await expect(page.getByTestId('run-item')).toHaveAttribute('data-status', 'success', { timeout: 20_000 })
})

test('saving and deleting a prompt fail: each banner names the prompt, Retry does it', async ({ page, server }) => {
  const storedTitles = async (): Promise<string[]> => {
    const response = await page.request.get(`${server.baseUrl}/api/prompts`, { headers: { Authorization: `Bearer ${server.token}` } })
    return ((await response.json()) as PromptListResponse).prompts.map((prompt) => prompt.title)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  await page.getByTestId('open-prompts').click()
  const library = page.getByTestId('prompt-library')
  const editor = library.getByTestId('prompt-editor')
  const list = library.getByTestId('prompt-list')
  const banner = library.getByTestId('prompt-error')

  const saves = await outage(page, 'POST', '/api/prompts')
  await library.getByTestId('prompt-new').click()
  await editor.getByTestId('prompt-title').fill('Weekly digest')
  await editor.getByTestId('prompt-body').fill('Summarise the week.')
  await editor.getByTestId('prompt-save').click()
  await expect(banner).toHaveText(/^Could not save the prompt “Weekly digest”: disk full/)
  await shot(page, 'error-prompt')
  expect(await storedTitles()).toEqual([])

  await retry(banner).click()
  await expect(list.locator('.prompt-item')).toHaveText([/Weekly digest/])
  // The prompt made by Retry is the one open in the editor, saved.
  await expect(editor).toHaveAttribute('aria-label', 'Edit prompt Weekly digest')
  await expect(editor).toContainText('Saved')
  await expect(banner).toHaveCount(0)
  expect(await storedTitles()).toEqual(['Weekly digest'])
  expect(saves.seen).toBe(2)

  const deletes = await outage(page, 'DELETE', /^\/api\/prompts\/[^/]+$/)
  await editor.getByRole('button', { name: 'Delete', exact: true }).click()
  await editor.getByRole('button', { name: 'Yes, delete' }).click()
  await expect(banner).toHaveText(/^Could not delete the prompt “Weekly digest”: disk full/)
  await expect(list.locator('.prompt-item')).toHaveCount(1)

  await retry(banner).click()
  await expect(list.locator('.prompt-item')).toHaveCount(0)
  await expect(banner).toHaveCount(0)
  expect(await storedTitles()).toEqual([])
  expect(deletes.seen).toBe(2)
})

test('a chat session cannot be started: the chat says so, Retry starts it', async ({ page, server }) => {
  const { chat } = await openNewChat(page, server, tmpdir())
  const sessions = chat.getByTestId('session-select')
  await expect(sessions).toBeDisabled()
  const creates = await outage(page, 'POST', /\/interact\/new$/)

  await chat.getByRole('button', { name: 'New session' }).click()
  const banner = chat.getByTestId('chat-error')
  await expect(banner).toHaveText(/^Could not start a new chat session: disk full/)
  await expect(sessions).toBeDisabled()

  await retry(banner).click()
  await expect(sessions).toBeEnabled()
  await expect(sessions.locator('option')).toHaveCount(1)
  await expect(banner).toHaveCount(0)
  expect(creates.seen).toBe(2)
})
