// Every one of the 13 node kinds, through its generated form only: added from
// the palette, every required field and at least one optional field of each
// input type filled (number, boolean, list, select, secret env-var name, cron,
// repositories, directory, prompt), autosaved, and after a reload the same
// values are shown in the form — and the server holds exactly that config.
import type { Locator } from '@playwright/test'
import type { Flow, NodeKind, NodeType } from '../src-main/contract/api'
import { addListEntry, addNode, autoLayout, canvasNode, newFlow, saved, selectNode } from './studio'
import { runServer, test as base, expect } from './fixtures'

// The sinks' secrets are named, never given: the server only checks the names are set.
const ENV = { KINDS_SLACK_WEBHOOK: 'http://127.0.0.1:9/services/kinds', KINDS_SLACK_BOT: 'xoxb-not-used', KINDS_NOTION_TOKEN: 'not-used' }

const test = base.extend({
  server: async ({}, use, testInfo) => runServer({ env: ENV }, use, testInfo),
})

test.describe.configure({ timeout: 120_000 })

/** One thing typed, ticked, chosen or added in a node's form. */
type Step =
  | { field: string; label: string; type: 'text' | 'number' | 'secret' | 'cron' | 'directory' | 'prompt'; value: string }
  | { field: string; label: string; type: 'boolean'; value: boolean }
  | { field: string; label: string; type: 'select'; value: string }
  | { field: string; label: string; type: 'list'; item: string; values: string[] }
  | { field: string; label: string; type: 'chip'; item: string; value: string }
  | { field: string; label: string; type: 'repos'; rows: { slug: string; path: string }[] }

interface Plan {
  kind: string
  label: string
  steps: Step[]
  /** What the server must hold afterwards (a function of the test's directory for executors). */
  config: Record<string, unknown>
}

const HEX_ID = '0123456789abcdef0123456789abcdef'

function plans(workDir: string): Record<NodeType, Plan[]> {
  return {
    trigger: [
      {
        kind: 'cron',
        label: 'Office hours',
        steps: [
          { field: 'schedule', label: 'Schedule (cron, UTC)', type: 'cron', value: '*/15 9-17 * * 1-5' },
          { field: 'working_dir', label: 'Working directory', type: 'directory', value: workDir },
        ],
        config: { schedule: '*/15 9-17 * * 1-5', working_dir: workDir },
      },
      {
        kind: 'github-pr',
        label: 'Widget PRs',
        steps: [
          { field: 'repos', label: 'Repositories', type: 'repos', rows: [{ slug: 'acme/widgets', path: workDir }, { slug: 'acme/gadgets', path: '' }] },
          { field: 'poll_interval', label: 'Poll interval (seconds)', type: 'number', value: '120' },
          { field: 'skip_drafts', label: 'Skip draft pull requests', type: 'boolean', value: false },
          { field: 'review_on_push', label: 'Review again on every push', type: 'boolean', value: true },
          { field: 'max_diff_size', label: 'Max inline diff size (bytes)', type: 'number', value: '20000' },
        ],
        config: {
          repos: [{ slug: 'acme/widgets', path: workDir }, { slug: 'acme/gadgets' }],
          poll_interval: 120,
          skip_drafts: false,
          review_on_push: true,
          max_diff_size: 20000,
        },
      },
      {
        kind: 'webhook',
        label: 'Deploy hook',
        steps: [{ field: 'path', label: 'Path', type: 'text', value: 'deploys/prod' }],
        config: { path: 'deploys/prod' },
      },
      { kind: 'manual', label: 'By hand', steps: [], config: {} },
    ],
    source: [
      {
        kind: 'rss',
        label: 'Rust blog',
        steps: [
          { field: 'url', label: 'Feed URL', type: 'text', value: 'https://blog.rust-lang.org/feed.xml' },
          { field: 'limit', label: 'Max items', type: 'number', value: '5' },
          { field: 'keywords', label: 'Keywords', type: 'list', item: 'keyword', values: ['release', 'async'] },
        ],
        config: { url: 'https://blog.rust-lang.org/feed.xml', limit: 5, keywords: ['release', 'async'] },
      },
      {
        kind: 'web-scrape',
        label: 'Node blog',
        steps: [
          { field: 'url', label: 'Page URL', type: 'text', value: 'https://nodejs.org/en/blog' },
          { field: 'keywords', label: 'Keywords', type: 'list', item: 'keyword', values: ['security'] },
        ],
        config: { url: 'https://nodejs.org/en/blog', keywords: ['security'] },
      },
      {
        kind: 'github-merged-prs',
        label: 'Merged this week',
        steps: [
          { field: 'repos', label: 'Repositories', type: 'list', item: 'repository', values: ['acme/widgets', 'acme/gadgets'] },
          { field: 'since_days', label: 'Days to look back', type: 'number', value: '14' },
        ],
        config: { repos: ['acme/widgets', 'acme/gadgets'], since_days: 14 },
      },
      {
        kind: 'web-scraper',
        label: 'News page',
        steps: [
          { field: 'url', label: 'Page URL', type: 'text', value: 'https://example.com/news' },
          { field: 'base_url', label: 'Base URL', type: 'text', value: 'https://example.com' },
          { field: 'items_selector', label: 'Item selector', type: 'text', value: 'article.post' },
          { field: 'title_selector', label: 'Title selector', type: 'text', value: 'h2' },
          { field: 'url_selector', label: 'Link selector', type: 'text', value: 'a.more' },
          { field: 'summary_selector', label: 'Summary selector', type: 'text', value: 'p.lead' },
          { field: 'date_selector', label: 'Date selector', type: 'text', value: 'time' },
          { field: 'date_format', label: 'Date format', type: 'text', value: '%Y-%m-%d' },
          { field: 'limit', label: 'Max items', type: 'number', value: '20' },
        ],
        config: {
          url: 'https://example.com/news',
          base_url: 'https://example.com',
          items_selector: 'article.post',
          title_selector: 'h2',
          url_selector: 'a.more',
          summary_selector: 'p.lead',
          date_selector: 'time',
          date_format: '%Y-%m-%d',
          limit: 20,
        },
      },
      { kind: 'market-data', label: 'Markets', steps: [], config: {} },
    ],
    filter: [
      {
        kind: 'keyword',
        label: 'Rust only',
        steps: [
          { field: 'keywords', label: 'Keywords', type: 'list', item: 'keyword', values: ['rust', 'cargo'] },
          { field: 'require_all', label: 'Require all keywords', type: 'boolean', value: true },
          { field: 'field', label: 'Match in', type: 'select', value: 'summary' },
        ],
        config: { keywords: ['rust', 'cargo'], require_all: true, field: 'summary' },
      },
    ],
    executor: [
      {
        kind: 'claude-code',
        label: 'Summariser',
        steps: [
          { field: 'prompt', label: 'Prompt', type: 'prompt', value: 'Summarise these items:\n{{content}}' },
          { field: 'working_dir', label: 'Working directory', type: 'directory', value: workDir },
          { field: 'permissions', label: 'Allowed tools', type: 'chip', item: 'tool', value: 'Read' },
          { field: 'permissions', label: 'Allowed tools', type: 'list', item: 'tool', values: ['Bash(git log:*)'] },
          { field: 'permission_mode', label: 'Tool permissions', type: 'select', value: 'allowed_tools' },
          { field: 'append_system_prompt', label: 'System prompt (appended)', type: 'prompt', value: 'Answer in English.' },
        ],
        config: {
          prompt: 'Summarise these items:\n{{content}}',
          working_dir: workDir,
          permissions: ['Read', 'Bash(git log:*)'],
          permission_mode: 'allowed_tools',
          append_system_prompt: 'Answer in English.',
        },
      },
    ],
    sink: [
      {
        kind: 'slack',
        label: 'Team channel',
        steps: [
          { field: 'webhook_url_env', label: 'Environment variable holding the webhook URL', type: 'secret', value: 'KINDS_SLACK_WEBHOOK' },
          { field: 'bot_token_env', label: 'Environment variable holding the bot token', type: 'secret', value: 'KINDS_SLACK_BOT' },
          { field: 'channel', label: 'Channel', type: 'text', value: '#news' },
        ],
        config: { webhook_url_env: 'KINDS_SLACK_WEBHOOK', bot_token_env: 'KINDS_SLACK_BOT', channel: '#news' },
      },
      {
        kind: 'notion',
        label: 'Release notes DB',
        steps: [
          { field: 'token_env', label: 'Environment variable holding the Notion token', type: 'secret', value: 'KINDS_NOTION_TOKEN' },
          { field: 'database_id', label: 'Database ID', type: 'text', value: HEX_ID },
        ],
        config: { token_env: 'KINDS_NOTION_TOKEN', database_id: HEX_ID },
      },
    ],
  }
}

/** A field of the form by its config name: the labelled block holding its control(s). */
const fieldOf = (panel: Locator, name: string): Locator => panel.locator(`[data-field="${name}"]`)
/** The one control of a single-input field. */
const controlOf = (panel: Locator, name: string): Locator => fieldOf(panel, name).locator('input, textarea, select').first()

async function fill(panel: Locator, step: Step): Promise<void> {
  const field = fieldOf(panel, step.field)
  await expect(field).toContainText(step.label)
  switch (step.type) {
    case 'boolean': {
      const box = field.getByRole('checkbox', { name: step.label })
      await box.setChecked(step.value)
      return
    }
    case 'select':
      await field.getByRole('combobox', { name: step.label }).selectOption(step.value)
      return
    case 'list':
      for (const value of step.values) await addListEntry(field, `New ${step.item}`, value)
      return
    case 'chip':
      await field.getByRole('group', { name: `Quick add ${step.item}` }).getByRole('button', { name: step.value, exact: true }).click()
      return
    case 'repos':
      for (const row of step.rows) {
        await field.getByLabel('New repository (owner/repo)').fill(row.slug)
        await field.getByLabel('New repository local path').fill(row.path)
        await field.getByLabel('New repository (owner/repo)').press('Enter')
      }
      return
    case 'cron':
      await controlOf(panel, step.field).fill(step.value)
      // The schedule's next runs are shown as the schedule editor shows them.
      await expect(field.getByTestId('cron-next-run')).toHaveCount(3)
      return
    default: {
      const control = controlOf(panel, step.field)
      await control.fill(step.value)
      // Blur the number inputs so their draft text settles into the stored value.
      if (step.type === 'number') await control.blur()
      await expect(control).toHaveValue(step.value)
    }
  }
}

async function check(panel: Locator, step: Step): Promise<void> {
  const field = fieldOf(panel, step.field)
  switch (step.type) {
    case 'boolean':
      await expect(field.getByRole('checkbox', { name: step.label })).toBeChecked({ checked: step.value })
      return
    case 'select':
      await expect(field.getByRole('combobox', { name: step.label })).toHaveValue(step.value)
      return
    case 'list':
    case 'chip': {
      const values = step.type === 'list' ? step.values : [step.value]
      const rows = field.locator('.pp-list__row-wrap input')
      const shown = await rows.evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value))
      for (const value of values) expect(shown).toContain(value)
      return
    }
    case 'repos':
      for (const [index, row] of step.rows.entries()) {
        await expect(field.getByLabel(`Repository ${index + 1} (owner/repo)`)).toHaveValue(row.slug)
        await expect(field.getByLabel(`Repository ${index + 1} local path`)).toHaveValue(row.path)
      }
      return
    default:
      await expect(controlOf(panel, step.field)).toHaveValue(step.value)
  }
}

test('the catalogue has 13 kinds and every one of them is covered here', async ({ server }) => {
  const response = await fetch(`${server.baseUrl}/api/node-types`, { headers: { Authorization: `Bearer ${server.token}` } })
  expect(response.ok).toBe(true)
  const kinds = ((await response.json()) as { node_types: NodeKind[] }).node_types
  expect(kinds).toHaveLength(13)
  const covered = Object.entries(plans('/')).flatMap(([nodeType, group]) => group.map((plan) => `${nodeType}/${plan.kind}`)).sort()
  expect(covered).toEqual(kinds.map((kind) => `${kind.node_type}/${kind.kind}`).sort())
})

for (const nodeType of ['trigger', 'source', 'filter', 'executor', 'sink'] as const) {
  test(`${nodeType} kinds: added from the palette, configured through the form, saved, shown again after a reload`, async ({ page, server, api }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const group = plans(server.dataDir)[nodeType]
    await page.goto(server.appUrl)
    await newFlow(page, `Every ${nodeType}`)

    const ids: string[] = []
    for (const plan of group) {
      // Each kind sits in its node type's group of the palette.
      await expect(page.getByTestId('palette').getByRole('region', { name: new RegExp(nodeType, 'i') }).getByTestId(`palette-${plan.kind}`)).toBeVisible()
      const id = await addNode(page, plan.kind)
      ids.push(id)
      // The new node lands selected, its form open.
      const panel = page.getByTestId('property-panel')
      await expect(panel.locator('.pp-header')).toContainText(plan.kind)
      await panel.getByLabel('Label', { exact: true }).fill(plan.label)
      if (plan.steps.length === 0) await expect(panel.getByText('This kind has nothing to configure.')).toBeVisible()
      for (const step of plan.steps) await fill(panel, step)
      await expect(canvasNode(page, id)).toContainText(plan.label)
    }
    await autoLayout(page)
    await saved(page)

    // Everything filled in is valid: no problem at any field, no badge on any node
    // (the server's validation included: Validate saves, asks the server and then shows its answer).
    await page.getByTestId('validate').click()
    await expect(page.getByTestId('validation')).toBeVisible()
    await page.getByTestId('validate').click()
    await expect(page.getByTestId('validation')).toHaveCount(0)
    for (const [index, plan] of group.entries()) {
      const panel = await selectNode(page, ids[index]!)
      await expect(panel.locator('.pp-problems'), `${plan.kind} shows no problem`).toHaveCount(0)
      await expect(panel.getByTestId('node-problems')).toHaveCount(0)
      await expect(canvasNode(page, ids[index]!).getByTestId('node-problems')).toHaveCount(0)
    }

    // The server holds exactly what was entered.
    const [summary] = await api.listFlows()
    const stored = (await api.getFlow(summary!.id)).body as Flow
    expect(stored.nodes).toHaveLength(group.length)
    for (const [index, plan] of group.entries()) {
      const node = stored.nodes.find((candidate) => candidate.id === ids[index])
      expect(node, plan.kind).toBeDefined()
      expect(node!.kind).toBe(plan.kind)
      expect(node!.node_type).toBe(nodeType)
      expect(node!.label).toBe(plan.label)
      expect(node!.config, `${plan.kind} config`).toEqual(plan.config)
    }

    // Re-opened after a reload: the same values in the form.
    await page.reload()
    await expect(page.getByTestId('flow-name')).toHaveValue(`Every ${nodeType}`)
    await expect(page.getByTestId('canvas-node')).toHaveCount(group.length)
    for (const [index, plan] of group.entries()) {
      const panel = await selectNode(page, ids[index]!)
      await expect(panel.locator('.pp-header')).toContainText(plan.kind)
      await expect(panel.getByLabel('Label', { exact: true })).toHaveValue(plan.label)
      for (const step of plan.steps) await check(panel, step)
      if (plan.kind === 'cron') await expect(panel.getByTestId('cron-next-run')).toHaveCount(3)
    }
  })
}
