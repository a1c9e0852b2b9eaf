import { expect, test } from './fixtures'

// Plain browser JavaScript (the test tsconfig has no DOM types): every CSP
// violation the page meets is kept, even those the console would not show.
const RECORD_VIOLATIONS = `
  window.__cspViolations = []
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI)
  })
`

/** An image from another site: the policy refuses it. */
const PROBE = 'https://probe.invalid/blocked.png'

test('the UI runs under its Content-Security-Policy without a single violation', async ({ page, server, api }) => {
  const consoleProblems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) consoleProblems.push(message.text())
  })
  page.on('pageerror', (error) => consoleProblems.push(error.message))
  await page.addInitScript({ content: RECORD_VIOLATIONS })

  // A flow with an executor, so the canvas, the node cards and the live run stream all render.
  await api.createFlowWith({
    name: 'Under CSP',
    nodes: [
      { id: 'trigger', node_type: 'trigger', kind: 'manual', config: {}, position: { x: 0, y: 0 }, label: 'Start' },
      { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p' }, position: { x: 250, y: 0 }, label: 'Writer' },
    ],
    edges: [{ id: 'e1', source: 'trigger', target: 'exec' }],
  })

  const response = await page.goto(server.appUrl)
  expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'")
  await expect(page.getByTestId('api-status')).toHaveText('API connected')
  await page.getByTestId('flow-item').filter({ hasText: 'Under CSP' }).first().click()
  // The canvas library (@xyflow/react) sets styles through the CSSOM, which the policy allows.
  await expect(page.locator('.react-flow').first()).toBeVisible()
  await expect(page.getByTestId('run-stream-status').first()).toHaveText('Live')
  // A violation on purpose: once it is reported, any the page met before it has been too.
  await page.evaluate(`document.body.append(Object.assign(document.createElement('img'), { src: '${PROBE}' }))`)
  await expect.poll(() => page.evaluate('window.__cspViolations')).toEqual([`img-src ${PROBE}`])
  expect(consoleProblems.filter((problem) => !problem.includes(PROBE))).toEqual([])
})
