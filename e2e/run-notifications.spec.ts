// Desktop notifications for runs of ANY flow, not only the open one: a run of
// another flow, started through the API (as cron or a webhook would), ends while
// the window is in the background → one notification naming that flow; a click
// on it opens the flow. None while the window has the focus, none with
// notifications off in Settings. The page's Notification API is a recorder and
// its focus is set by the test (headless Chromium has no real window focus).
import type { Page } from '@playwright/test'
import type { NewFlow } from '../src-main/contract/api'
import { expect, test } from './fixtures'
import { flowItem, openTab } from './ui-steps'

// Plain browser JavaScript (the e2e tsconfig has no DOM types), run before the app's own.
const RECORD_NOTIFICATIONS = `
  window.__notifications = []
  window.__focused = false
  window.Notification = class {
    static permission = 'granted'
    static requestPermission() { return Promise.resolve('granted') }
    constructor(title, options) {
      this.title = title
      this.body = options && options.body
      this.onclick = null
      window.__notifications.push(this)
    }
    close() {}
  }
  Document.prototype.hasFocus = function () { return window.__focused }
`

/** A flow whose run fails at once, with no claude needed: its executor's folder does not exist. */
const failingFlow = (name: string): NewFlow => ({
  name,
  nodes: [{ id: 'x', node_type: 'executor', kind: 'claude-code', label: 'Writer', config: { prompt: 'Go', working_dir: '/nonexistent/shoggoth-e2e' }, position: { x: 0, y: 0 } }],
})

const shown = (page: Page) => page.evaluate('window.__notifications.map((n) => ({ title: n.title, body: n.body }))') as Promise<{ title: string; body: string }[]>

/** Opens the app with `open` on the canvas and the app-wide stream connected; returns the other flow's id. */
async function openAppBesideDigest(page: Page, appUrl: string, api: { createFlowWith(input: NewFlow): Promise<string> }): Promise<string> {
  await page.addInitScript(RECORD_NOTIFICATIONS)
  const digest = await api.createFlowWith(failingFlow('Daily digest'))
  await api.createFlowWith(failingFlow('Inbox'))
  // Run ends are not replayed: the stream must be open before the run ends.
  const streamOpen = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/events' && response.status() === 200)
  await page.goto(appUrl)
  await streamOpen
  await flowItem(page, 'Inbox').click()
  await expect(page.getByTestId('flow-name')).toHaveValue('Inbox')
  await openTab(page, 'console')
  return digest
}

/** The console notes every run's end, notification or not: the page has heard of it. */
async function consoleTells(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId('console-line').filter({ hasText: text })).toHaveCount(1, { timeout: 15_000 })
}

test('a run of a flow that is not open, ending while the window is in the background, raises one notification naming it; a click opens it', async ({ page, server, api }) => {
  const digest = await openAppBesideDigest(page, server.appUrl, api)
  await api.triggerRun(digest)
  await expect.poll(() => shown(page), { timeout: 15_000 }).toHaveLength(1)
  const [notification] = await shown(page)
  expect(notification!.title).toBe('Daily digest — run failed')
  expect(notification!.body).toMatch(/working directory .*nonexistent.* does not exist/)
  await consoleTells(page, 'Daily digest — run failed')
  expect(await shown(page)).toHaveLength(1)

  await page.evaluate('window.__notifications[0].onclick()')
  await expect(page.getByTestId('flow-name')).toHaveValue('Daily digest')
  await expect(flowItem(page, 'Daily digest')).toHaveAttribute('aria-current', 'true')
})

test('no notification while the window has the focus', async ({ page, server, api }) => {
  const digest = await openAppBesideDigest(page, server.appUrl, api)
  await page.evaluate('window.__focused = true')
  await api.triggerRun(digest)
  await consoleTells(page, 'Daily digest — run failed')
  expect(await shown(page)).toEqual([])
})

test('no notification with notifications turned off in Settings', async ({ page, server, api }) => {
  const digest = await openAppBesideDigest(page, server.appUrl, api)
  await page.getByTestId('open-settings').click()
  const toggle = page.getByTestId('settings-notifications')
  await toggle.uncheck()
  await expect(toggle).not.toBeChecked()
  await api.triggerRun(digest)
  await consoleTells(page, 'Daily digest — run failed')
  expect(await shown(page)).toEqual([])
})
