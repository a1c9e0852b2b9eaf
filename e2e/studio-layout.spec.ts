// The studio's layout in both themes at the smallest supported window
// (1024×640) and a large one (1920×1080), with a flow of eight nodes open and
// a node selected: screenshots for the docs, and checked here — nothing
// overflows its panel, no text is squeezed to a letter per line, the page
// itself never scrolls, and axe-core finds nothing critical.
import { shot } from './screenshots'
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import type { NewFlow } from '../src-main/contract/api'
import { canvasNode, selectNode } from './studio'
import { animationsDone } from './ui-steps'
import { expect, test } from './fixtures'

test.describe.configure({ timeout: 120_000 })

// Long words and long values on purpose: they are what squeezes a layout.
const EIGHT_NODES: NewFlow = {
  name: 'Weekly engineering newsletter with release notes and incident summaries',
  description: 'Eight nodes with long names, for the layout checks.',
  nodes: [
    { id: 'cron', node_type: 'trigger', kind: 'cron', label: 'Every Monday morning', config: { schedule: '0 7 * * 1' }, position: { x: 0, y: 120 } },
    { id: 'rss', node_type: 'source', kind: 'rss', label: 'Engineering blog', config: { url: 'https://engineering.example.com/feeds/all-posts-including-drafts.xml', limit: 20 }, position: { x: 280, y: 0 } },
    { id: 'prs', node_type: 'source', kind: 'github-merged-prs', label: 'Merged pull requests', config: { repos: ['example-organisation/extraordinarily-long-repository-name'], since_days: 7 }, position: { x: 280, y: 240 } },
    { id: 'keep', node_type: 'filter', kind: 'keyword', label: 'Internationalisation', config: { keywords: ['internationalisation', 'observability'] }, position: { x: 560, y: 0 } },
    { id: 'write', node_type: 'executor', kind: 'claude-code', label: 'Newsletter writer', config: { prompt: 'Write the newsletter from {{content}}. Mention every incident postmortem and antidisestablishmentarianism.', working_dir: '/tmp', permissions: ['Read', 'Bash(git log:*)'] }, position: { x: 840, y: 120 } },
    { id: 'review', node_type: 'executor', kind: 'claude-code', label: 'Copy editor', config: { prompt: 'Tighten {{previous_output}}' }, position: { x: 1120, y: 120 } },
    { id: 'slack', node_type: 'sink', kind: 'slack', label: 'Engineering channel', config: { webhook_url_env: 'SLACK_WEBHOOK_URL_FOR_THE_ENGINEERING_CHANNEL' }, position: { x: 1400, y: 0 } },
    { id: 'notion', node_type: 'sink', kind: 'notion', label: 'Newsletter archive', config: { token_env: 'NOTION_TOKEN', database_id: '0123456789abcdef0123456789abcdef' }, position: { x: 1400, y: 240 } },
  ],
  edges: [
    { id: 'e1', source: 'cron', target: 'rss' },
    { id: 'e2', source: 'cron', target: 'prs' },
    { id: 'e3', source: 'rss', target: 'keep' },
    { id: 'e4', source: 'keep', target: 'write' },
    { id: 'e5', source: 'prs', target: 'write' },
    { id: 'e6', source: 'write', target: 'review' },
    { id: 'e7', source: 'review', target: 'slack' },
    { id: 'e8', source: 'review', target: 'notion' },
  ],
}

interface LayoutReport {
  /** The page scrolls (it never should). */
  pageScroll: { scrollHeight: number; clientHeight: number; scrollWidth: number; clientWidth: number }
  /** Panels missing from the page. */
  missing: string[]
  /** "panel: what" for anything wider than its panel or sticking out of it. */
  overflows: string[]
  /** Text squeezed to a few letters per line. */
  squeezed: string[]
}

// Plain browser JavaScript (the e2e tsconfig has no DOM types).
const MEASURE = `(() => {
  const panels = {
    'title bar': document.querySelector('.title-bar'),
    sidebar: document.querySelector('.sidebar'),
    properties: document.querySelector('[data-testid="properties-pane"]'),
    'bottom panel': document.querySelector('.bottom-panel'),
    'status bar': document.querySelector('[data-testid="status-bar"]'),
  }
  const describe = (el) => {
    const id = el.getAttribute('data-testid') || el.getAttribute('aria-label') || ''
    const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : ''
    const text = (el.textContent || '').trim().slice(0, 40)
    return el.tagName.toLowerCase() + (cls ? '.' + cls : '') + (id ? '[' + id + ']' : '') + (text ? ' "' + text + '"' : '')
  }
  const shown = (el) => {
    const style = getComputedStyle(el)
    if (style.display === 'none' || style.visibility === 'hidden') return false
    const rect = el.getBoundingClientRect()
    // Visually hidden text for screen readers is 1px and clipped.
    return rect.width > 1 && rect.height > 1 && style.clip !== 'rect(0px, 0px, 0px, 0px)' && !(style.position === 'absolute' && style.clipPath === 'inset(50%)')
  }
  const missing = []
  const overflows = []
  for (const [name, panel] of Object.entries(panels)) {
    if (!panel) { missing.push(name); continue }
    if (panel.scrollWidth > panel.clientWidth + 1) overflows.push(name + ': the panel scrolls sideways (' + panel.scrollWidth + ' > ' + panel.clientWidth + ')')
    const box = panel.getBoundingClientRect()
    for (const el of panel.querySelectorAll('*')) {
      if (!shown(el)) continue
      const style = getComputedStyle(el)
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        overflows.push(name + ': ' + describe(el) + ' scrolls sideways (' + el.scrollWidth + ' > ' + el.clientWidth + ')')
      }
      const rect = el.getBoundingClientRect()
      if (rect.left < box.left - 1 || rect.right > box.right + 1) {
        overflows.push(name + ': ' + describe(el) + ' sticks out (' + Math.round(rect.left) + '..' + Math.round(rect.right) + ' outside ' + Math.round(box.left) + '..' + Math.round(box.right) + ')')
      }
    }
  }
  // Any element that holds text directly: narrower than ~3 characters while holding a long word.
  const squeezed = []
  for (const el of document.body.querySelectorAll('*')) {
    const own = Array.from(el.childNodes).filter((node) => node.nodeType === 3).map((node) => node.textContent).join(' ').trim()
    if (own === '' || !shown(el)) continue
    const longest = own.split(/\\s+/).reduce((a, b) => (b.length > a.length ? b : a), '')
    if (longest.length < 5) continue
    const style = getComputedStyle(el)
    const charWidth = parseFloat(style.fontSize) * 0.55
    const rect = el.getBoundingClientRect()
    const lines = rect.height / (parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4)
    if (rect.width < charWidth * 3 || (lines > 3 && rect.width < charWidth * 6)) {
      squeezed.push(describe(el) + ' is ' + Math.round(rect.width) + 'px wide, ' + Math.round(lines) + ' lines, holding "' + longest.slice(0, 30) + '"')
    }
  }
  const page = document.scrollingElement
  return {
    pageScroll: { scrollHeight: page.scrollHeight, clientHeight: page.clientHeight, scrollWidth: page.scrollWidth, clientWidth: page.clientWidth },
    missing,
    overflows: overflows.slice(0, 20),
    squeezed: squeezed.slice(0, 20),
  }
})()`

async function checkLayout(page: Page, what: string, panels: 'studio' | 'screen' = 'studio'): Promise<void> {
  const report = (await page.evaluate(MEASURE)) as LayoutReport
  // The page itself never scrolls: every panel scrolls on its own.
  expect(report.pageScroll.scrollHeight, `${what}: page height`).toBe(report.pageScroll.clientHeight)
  expect(report.pageScroll.scrollWidth, `${what}: page width`).toBe(report.pageScroll.clientWidth)
  expect(report.missing, `${what}: panels on screen`).toEqual(panels === 'studio' ? [] : ['properties'])
  expect(report.overflows, `${what}: nothing overflows its panel`).toEqual([])
  expect(report.squeezed, `${what}: no text squeezed to a letter per line`).toEqual([])
}

async function checkAxe(page: Page, what: string, testInfo: TestInfo): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  if (serious.length > 0) {
    await testInfo.attach(`axe ${what}`, {
      body: JSON.stringify(serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })), null, 2),
      contentType: 'application/json',
    })
  }
  const critical = results.violations.filter((violation) => violation.impact === 'critical')
  // Soft: the layout checks of the other themes and sizes still run and report.
  expect.soft(critical.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), `${what}: axe critical`).toEqual([])
}

async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  // Stored the way the settings screen stores it, then read back on load.
  await page.evaluate(`localStorage.setItem('shoggoth.settings', JSON.stringify({ state: { theme: '${theme}', notifications: true }, version: 1 }))`)
  await page.reload()
  expect(await page.evaluate('document.documentElement.dataset.theme')).toBe(theme)
}

for (const [width, height] of [
  [1920, 1080],
  [1024, 640],
] as const) {
  test(`layout at ${width}×${height}, light and dark: nothing overflows, nothing squeezed, no page scroll`, async ({ page, server, api }, testInfo) => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(`${error.message}\n${error.stack ?? ''}`))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`)
    })
    await page.setViewportSize({ width, height })
    const flowId = await api.createFlowWith(EIGHT_NODES)
    await page.goto(server.appUrl)
    await page.locator(`[data-testid="flow-item"][data-flow-id="${flowId}"]`).click()
    await expect(page.getByTestId('canvas-node')).toHaveCount(8)

    for (const theme of ['dark', 'light'] as const) {
      await useTheme(page, theme)
      // The last open flow is opened again; select the busiest node.
      await expect(page.getByTestId('canvas-node')).toHaveCount(8)
      await expect(page.getByTestId('flow-name')).toHaveValue(EIGHT_NODES.name)
      const panel = await selectNode(page, 'write')
      await expect(panel.getByLabel('Working directory')).toHaveValue('/tmp')
      await expect(canvasNode(page, 'write')).toHaveClass(/node-card--selected/)
      await animationsDone(page)
      await shot(page, `studio-${theme}-${width}`)
      await checkLayout(page, `${theme} ${width}×${height}, a node selected`)
      await checkAxe(page, `${theme} ${width}`, testInfo)
    }

    // Nothing selected: the flow's own settings in the panel, with the server's problems.
    await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    // Below 1100 px the properties float over the canvas and are opened with "Flow details".
    if (width < 1100) await page.getByTestId('open-flow-details').click()
    const settings = page.getByTestId('flow-settings')
    await expect(settings).toBeVisible()
    const unset = settings.getByTestId('problem-list').getByRole('button').filter({ hasText: 'SLACK_WEBHOOK_URL_FOR_THE_ENGINEERING_CHANNEL' })
    await expect(unset).toBeVisible()
    await checkLayout(page, `${width}×${height}, flow settings`)

    // A click on that problem selects the sink; its panel says the same at the field, wrapped.
    await unset.click()
    const sink = page.getByTestId('property-panel')
    await expect(sink.getByLabel('Label', { exact: true })).toHaveValue('Engineering channel')
    await expect(sink.getByTestId('problem-webhook_url_env')).toContainText('SLACK_WEBHOOK_URL_FOR_THE_ENGINEERING_CHANNEL')
    await checkLayout(page, `${width}×${height}, the sink selected`)

    // The other screens at this size.
    const SCREENS = { templates: 'template-gallery', prompts: 'prompt-library', settings: 'settings-view' } as const
    for (const screen of ['templates', 'prompts', 'settings'] as const) {
      await page.getByTestId(`open-${screen}`).click()
      await expect(page.getByTestId(`open-${screen}`)).toHaveAttribute('aria-current', 'page')
      // The screens are loaded on demand: measure once they are there.
      await expect(page.getByTestId(SCREENS[screen]).or(page.locator('#root:empty'))).toBeVisible()
      expect(pageErrors, `no error in the page on ${screen}`).toEqual([])
      await expect(page.getByTestId(SCREENS[screen])).toBeVisible()
      await checkLayout(page, `${width}×${height}, ${screen}`, 'screen')
      if (width === 1024) await shot(page, `${screen}-1024`)
    }
  })
}
