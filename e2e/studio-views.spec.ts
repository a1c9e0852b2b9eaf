// The studio's screens beside the canvas: every template makes a working flow
// in one click; a flow exported to JSON and YAML imports back equal; the
// prompt library (create with tags, edit with the Markdown preview, search,
// delete) and inserting a saved prompt into an executor; the settings screen
// (claude, data directory, token, curl line, theme); Ctrl+K and `?`.
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Flow, FlowValidation, NewFlow, PromptListResponse } from '../src-main/contract/api'
import { FLOW_TEMPLATES } from '../src-renderer/src/templates/templates'
import { canvasNode, saved, selectNode } from './studio'
import { expect, test } from './fixtures'
import { shot } from './screenshots'

test.describe.configure({ timeout: 90_000 })

const authed = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })

async function validate(page: Page, baseUrl: string, token: string, flowId: string): Promise<FlowValidation> {
  const response = await page.request.post(`${baseUrl}/api/flows/${flowId}/validate`, authed(token))
  expect(response.ok()).toBe(true)
  return (await response.json()) as FlowValidation
}

/** Opens a flow by clicking it in the sidebar's list. */
async function openFlow(page: Page, flowId: string, name: string): Promise<void> {
  await page.locator(`[data-testid="flow-item"][data-flow-id="${flowId}"]`).click()
  await expect(page.getByTestId('flow-name')).toHaveValue(name)
}

test('every template creates, in one click, a flow that opens on the canvas and validates', async ({ page, server, api }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  const known = new Set<string>()
  const newFlowId = async (): Promise<string> => {
    const fresh = (await api.listFlows()).filter((flow) => !known.has(flow.id))
    expect(fresh).toHaveLength(1)
    known.add(fresh[0]!.id)
    return fresh[0]!.id
  }

  const check = async (template: (typeof FLOW_TEMPLATES)[number]): Promise<void> => {
    // It opens on the canvas, whole and wired.
    await expect(page.getByTestId('flow-name')).toHaveValue(template.name)
    await expect(page.getByTestId('canvas-node')).toHaveCount(template.chain.length)
    await expect(page.locator('.react-flow__edge')).toHaveCount(template.chain.length - 1)
    const flowId = await newFlowId()
    const flow = (await api.getFlow(flowId)).body as Flow
    expect(flow.nodes.map((node) => node.kind)).toEqual(template.chain.map((node) => node.kind))

    // Valid, except for the environment variables the template says to set (when they are not set here).
    const expected = flow.nodes.flatMap((node) =>
      Object.entries(node.config as Record<string, unknown>)
        .filter(([field, value]) => node.node_type === 'sink' && field.endsWith('_env') && typeof value === 'string' && !process.env[value])
        .map(([field, value]) => {
          expect(template.needs.join(' '), `${template.id} says to set ${String(value)}`).toContain(`Set ${String(value)}`)
          return { node_id: node.id, field, message: `sink requires env var ${String(value)} but it is not set` }
        }),
    )
    const result = await validate(page, server.baseUrl, server.token, flowId)
    expect(result, template.id).toEqual({ valid: expected.length === 0, problems: expected })
  }

  // From the gallery: each card, one click.
  for (const template of FLOW_TEMPLATES) {
    await page.getByTestId('open-templates').click()
    const card = page.getByTestId('template-gallery').getByTestId(`template-${template.id}`)
    await expect(card).toContainText(template.name)
    if (template === FLOW_TEMPLATES[0]) await shot(page, 'templates')
    await card.getByRole('button', { name: 'Use template' }).click()
    await check(template)
  }

  // From the sidebar's short list too.
  const template = FLOW_TEMPLATES[0]!
  await page.getByTestId('template-sidebar').locator('xpath=ancestor::details').locator('summary').click()
  await page.getByRole('button', { name: `Create a flow from the template ${template.name}` }).click()
  await check(template)
  expect(known.size).toBe(FLOW_TEMPLATES.length + 1)
})

const ROUND_TRIP: NewFlow = {
  name: 'Round trip',
  description: 'Exported, then imported: nothing lost.',
  nodes: [
    { id: 'tick', node_type: 'trigger', kind: 'cron', label: 'Weekdays', config: { schedule: '30 6 * * 1-5' }, position: { x: 40, y: 120 } },
    { id: 'feed', node_type: 'source', kind: 'rss', label: 'Feed', config: { url: 'https://example.com/feed.xml', limit: 7, keywords: ['a: b', 'ü'] }, position: { x: 300, y: 60 } },
    { id: 'keep', node_type: 'filter', kind: 'keyword', label: 'Keep', config: { keywords: ['rust'], require_all: true, field: 'title' }, position: { x: 560, y: 60.5 } },
    { id: 'write', node_type: 'executor', kind: 'claude-code', label: 'Write', config: { prompt: 'Line one\n"quoted" {{content}}\n- not a list', permissions: ['Read'] }, position: { x: 820, y: 120 } },
    { id: 'post', node_type: 'sink', kind: 'slack', label: 'Post', config: { webhook_url_env: 'SLACK_WEBHOOK_URL' }, position: { x: 1080, y: 120 } },
  ],
  edges: [
    { id: 'e1', source: 'tick', target: 'feed' },
    { id: 'e2', source: 'feed', target: 'keep' },
    { id: 'e3', source: 'keep', target: 'write' },
    { id: 'e4', source: 'write', target: 'post' },
  ],
}

/** Nodes without ids, and edges as label → label: what must survive a round trip. */
function shape(flow: Flow) {
  const labelOf = new Map(flow.nodes.map((node) => [node.id, node.label]))
  return {
    name: flow.name,
    description: flow.description,
    nodes: flow.nodes.map(({ node_type, kind, label, config, position }) => ({ node_type, kind, label, config, position })),
    edges: flow.edges.map((edge) => `${labelOf.get(edge.source)} → ${labelOf.get(edge.target)}`).sort(),
  }
}

test('a flow exported to JSON and to YAML imports back as an equal new flow', async ({ page, server, api }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const originalId = await api.createFlowWith(ROUND_TRIP)
  const original = (await api.getFlow(originalId)).body as Flow
  await page.goto(server.appUrl)

  for (const format of ['json', 'yaml'] as const) {
    await openFlow(page, originalId, ROUND_TRIP.name)
    // Nothing selected: the panel shows the flow's own settings, with the file buttons.
    const settings = page.getByTestId('flow-settings')
    await expect(settings).toBeVisible()
    const before = new Set((await api.listFlows()).map((flow) => flow.id))

    const [download] = await Promise.all([page.waitForEvent('download'), settings.getByTestId(`export-${format}`).click()])
    expect(download.suggestedFilename()).toBe(`round-trip.${format}`)
    const file = testInfo.outputPath(download.suggestedFilename())
    await download.saveAs(file)
    const text = await readFile(file, 'utf8')
    expect(text).toContain(format === 'json' ? '"shoggoth_flow": 1' : 'shoggoth_flow: 1')
    expect(text).not.toContain(originalId)

    await settings.getByTestId('import-file').setInputFiles(file)
    // The imported flow opens at once.
    await expect.poll(async () => (await api.listFlows()).filter((flow) => !before.has(flow.id)).length).toBe(1)
    const importedId = (await api.listFlows()).find((flow) => !before.has(flow.id))!.id
    await expect(page.locator(`[data-testid="flow-item"][data-flow-id="${importedId}"]`)).toHaveAttribute('aria-current', 'true')
    await expect(page.getByTestId('canvas-node')).toHaveCount(ROUND_TRIP.nodes!.length)
    await expect(page.locator('.react-flow__edge')).toHaveCount(ROUND_TRIP.edges!.length)

    const imported = (await api.getFlow(importedId)).body as Flow
    expect(shape(imported), format).toEqual(shape(original))
    // New ids, so the file can be imported again next to the original.
    expect(imported.nodes.map((node) => node.id).filter((id) => original.nodes.some((node) => node.id === id))).toEqual([])
  }
})

test('prompt library: create with tags, edit with the Markdown preview, search, delete', async ({ page, server }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  await page.getByTestId('open-prompts').click()
  const library = page.getByTestId('prompt-library')
  await expect(library.getByTestId('prompt-empty')).toContainText('Your prompt library is empty.')
  const list = library.getByTestId('prompt-list')
  const editor = library.getByTestId('prompt-editor')

  const createPrompt = async (title: string, tags: string[], body: string): Promise<void> => {
    await library.getByTestId('prompt-new').click()
    await editor.getByTestId('prompt-title').fill(title)
    for (const tag of tags) {
      await editor.getByTestId('prompt-tag-input').fill(tag)
      await editor.getByTestId('prompt-tag-input').press('Enter')
    }
    await editor.getByTestId('prompt-body').fill(body)
    await editor.getByTestId('prompt-save').click()
    await expect(list.getByRole('button', { name: new RegExp(title) })).toBeVisible()
  }
  await createPrompt('Weekly digest', ['digest', 'weekly'], 'Summarise the week.')
  await createPrompt('PR review', ['github'], 'Review this pull request.')
  await expect(list.locator('.prompt-item')).toHaveCount(2)
  await expect(list.getByRole('button', { name: /Weekly digest/ })).toContainText('digest')

  // Edit: Markdown, seen in the preview, then saved.
  await list.getByRole('button', { name: /Weekly digest/ }).click()
  await expect(editor.getByTestId('prompt-title')).toHaveValue('Weekly digest')
  await expect(editor.getByRole('listitem').filter({ hasText: 'weekly' })).toBeVisible()
  await editor.getByTestId('prompt-body').fill('# Weekly digest\n\nSummarise **the week**:\n\n- releases\n- incidents\n')
  await editor.getByRole('button', { name: 'Preview', exact: true }).click()
  const preview = editor.getByTestId('prompt-preview')
  await expect(preview.getByRole('heading', { level: 1, name: 'Weekly digest' })).toBeVisible()
  await expect(preview.locator('strong')).toHaveText('the week')
  await expect(preview.getByRole('listitem')).toHaveText(['releases', 'incidents'])
  await expect(editor.getByTestId('prompt-body')).toHaveCount(0)
  await editor.getByRole('button', { name: 'Split', exact: true }).click()
  await expect(editor.getByTestId('prompt-body')).toBeVisible()
  await expect(preview).toBeVisible()
  await shot(page, 'prompts')
  await editor.getByTestId('prompt-save').click()
  await expect(editor).toContainText('Saved')
  let stored = ((await (await page.request.get(`${server.baseUrl}/api/prompts`, authed(server.token))).json()) as PromptListResponse).prompts
  expect(stored.find((prompt) => prompt.title === 'Weekly digest')).toMatchObject({ tags: ['digest', 'weekly'], summary: '# Weekly digest\n\nSummarise **the week**:\n\n- releases\n- incidents\n' })

  // Search: by tag, by text, and nothing.
  const search = list.getByRole('searchbox', { name: 'Search prompts' })
  await search.fill('github')
  await expect(list.locator('.prompt-item')).toHaveText([/PR review/])
  await search.fill('incidents')
  await expect(list.locator('.prompt-item')).toHaveText([/Weekly digest/])
  await search.fill('no such words')
  await expect(list.locator('.prompt-item')).toHaveCount(0)
  await expect(list).toContainText('No prompt matches')
  await search.fill('')
  await expect(list.locator('.prompt-item')).toHaveCount(2)

  // Delete, after confirming.
  await list.getByRole('button', { name: /PR review/ }).click()
  await editor.getByRole('button', { name: 'Delete', exact: true }).click()
  await editor.getByRole('button', { name: 'Yes, delete' }).click()
  await expect(list.locator('.prompt-item')).toHaveText([/Weekly digest/])
  stored = ((await (await page.request.get(`${server.baseUrl}/api/prompts`, authed(server.token))).json()) as PromptListResponse).prompts
  expect(stored.map((prompt) => prompt.title)).toEqual(['Weekly digest'])
})

test('a saved prompt is inserted into an executor’s prompt from its property panel', async ({ page, server, api }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const body = 'Summarise {{content}} in three bullet points.'
  const created = await page.request.post(`${server.baseUrl}/api/prompts`, { ...authed(server.token), data: { title: 'Three bullets', summary: body, tags: ['digest'] } })
  expect(created.ok()).toBe(true)
  const flowId = await api.createFlowWith({
    name: 'With a library prompt',
    nodes: [{ id: 'writer', node_type: 'executor', kind: 'claude-code', label: 'Writer', config: { prompt: 'Context: news. ' }, position: { x: 0, y: 0 } }],
    edges: [],
  })
  await page.goto(server.appUrl)
  await openFlow(page, flowId, 'With a library prompt')
  const panel = await selectNode(page, 'writer')
  const prompt = panel.getByRole('textbox', { name: /^Prompt/ })
  await prompt.click()
  await prompt.press('Control+End')

  await panel.getByRole('button', { name: 'Insert from library' }).click()
  const library = panel.getByRole('region', { name: 'Prompt library' })
  await expect(library).toContainText('Three bullets')
  await library.getByRole('searchbox', { name: 'Search saved prompts' }).fill('bullet')
  await library.getByRole('button', { name: 'Insert "Three bullets" at the cursor' }).click()
  await expect(library).toHaveCount(0)
  await expect(prompt).toHaveValue(`Context: news. ${body}`)
  await saved(page)
  const stored = (await api.getFlow(flowId)).body as Flow
  expect(stored.nodes[0]!.config).toEqual({ prompt: `Context: news. ${body}` })
  await expect(canvasNode(page, 'writer')).toContainText('Context: news.')
})

const COLOURS = `(() => {
  const root = getComputedStyle(document.documentElement)
  return { theme: document.documentElement.dataset.theme ?? null, bg: root.backgroundColor, text: root.color }
})()`

/** Perceived lightness (0–255) of an rgb() colour. */
const lightness = (colour: string): number => {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number)
  return 0.299 * r! + 0.587 * g! + 0.114 * b!
}

test('settings: claude version, data directory, token and a working curl line, theme light/dark/system', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.appUrl)
  await page.getByTestId('open-settings').click()
  const settings = page.getByTestId('settings-view')

  await expect(settings.getByTestId('claude-version')).toContainText(/\d+\.\d+\.\d+/)
  await expect(settings.getByTestId('settings-data-dir')).toHaveValue(server.dataDir)
  await expect(settings.getByTestId('settings-api-base')).toHaveValue(server.baseUrl)

  // The token is masked until shown; Copy copies the real one.
  const token = settings.getByTestId('settings-token')
  await expect(token).not.toHaveValue(server.token)
  await expect(token).toHaveValue(/^•+$/)
  await settings.getByTestId('settings-token-copy').click()
  await expect(settings.getByText('Copied')).toBeVisible()
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(server.token)
  await settings.getByRole('button', { name: 'Show api token' }).click()
  await expect(token).toHaveValue(server.token)

  // The curl line, copied and run as it is, lists the flows.
  const curl = settings.getByTestId('settings-curl')
  await expect(curl).toHaveValue(/^curl -H "Authorization: Bearer •+" /)
  await expect(curl).not.toHaveValue(new RegExp(server.token))
  await settings.getByTestId('settings-curl-copy').click()
  const line = (await page.evaluate('navigator.clipboard.readText()')) as string
  expect(line).toBe(`curl -H "Authorization: Bearer ${server.token}" ${server.baseUrl}/api/flows`)
  const answer = JSON.parse(execFileSync('sh', ['-c', `${line} --silent --fail`], { encoding: 'utf8' })) as { flows: unknown[] }
  expect(answer.flows).toEqual([])

  // Theme: light and dark set data-theme and the colours; system follows the OS.
  await settings.getByTestId('theme-light').check()
  const light = (await page.evaluate(COLOURS)) as { theme: string | null; bg: string; text: string }
  expect(light.theme).toBe('light')
  expect(lightness(light.bg)).toBeGreaterThan(200)
  expect(lightness(light.text)).toBeLessThan(80)

  await settings.getByTestId('theme-dark').check()
  const dark = (await page.evaluate(COLOURS)) as { theme: string | null; bg: string; text: string }
  expect(dark.theme).toBe('dark')
  expect(lightness(dark.bg)).toBeLessThan(50)
  expect(lightness(dark.text)).toBeGreaterThan(200)
  // For the picture: the token hidden again, the screen from its top.
  await settings.getByRole('button', { name: 'Hide api token' }).click()
  await settings.getByRole('heading', { level: 1, name: 'Settings' }).scrollIntoViewIfNeeded()
  await shot(page, 'settings')

  await settings.getByTestId('theme-system').check()
  await page.emulateMedia({ colorScheme: 'light' })
  const systemLight = (await page.evaluate(COLOURS)) as { theme: string | null; bg: string; text: string }
  expect(systemLight).toEqual({ theme: null, bg: light.bg, text: light.text })
  await page.emulateMedia({ colorScheme: 'dark' })
  const systemDark = (await page.evaluate(COLOURS)) as { theme: string | null; bg: string; text: string }
  expect(systemDark).toEqual({ theme: null, bg: dark.bg, text: dark.text })

  // The choice is kept across a reload.
  await settings.getByTestId('theme-light').check()
  await page.reload()
  expect(((await page.evaluate(COLOURS)) as { theme: string | null }).theme).toBe('light')
})

test('Ctrl+K finds a flow by name and opens it; ? lists the shortcuts', async ({ page, server, api }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await api.createFlow('Morning news')
  const wanted = await api.createFlow('Release train', 'Weekly release notes')
  await api.createFlow('Incident watch')
  await page.goto(server.appUrl)
  await expect(page.getByTestId('flow-item')).toHaveCount(3)

  await page.keyboard.press('Control+k')
  const palette = page.getByTestId('command-palette')
  await expect(palette).toBeVisible()
  await palette.getByRole('combobox').fill('release tr')
  const options = palette.getByRole('option')
  await expect(options.first()).toContainText('Release train')
  await expect(options.filter({ hasText: 'Morning news' })).toHaveCount(0)
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(page.getByTestId('flow-name')).toHaveValue('Release train')
  await expect(page.locator(`[data-testid="flow-item"][data-flow-id="${wanted}"]`)).toHaveAttribute('aria-current', 'true')

  // `?` outside a text box: the shortcut list.
  await page.getByTestId('canvas').locator('.react-flow__pane').click()
  await page.keyboard.press('?')
  const help = page.getByTestId('shortcut-help')
  await expect(help).toBeVisible()
  for (const keys of ['Ctrl+K', 'Ctrl+N', 'Ctrl+Enter', 'Ctrl+Z', '?']) await expect(help.getByRole('cell', { name: keys, exact: true })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()

  // Typed into a text box, `?` is just a character.
  await page.getByTestId('flow-name').fill('Release train?')
  await expect(help).toBeHidden()
})
