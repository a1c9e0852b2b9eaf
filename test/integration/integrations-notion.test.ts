import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { notionSink } from '../../src-main/integrations/notion'
import { fakeContext } from '../fixtures/fake-context'
import { jsonBody, type FakeServer } from '../fixtures/fake-http'
import { NOTION_TOKEN, startFakeNotion } from '../fixtures/fake-notion'

let notion: FakeServer
beforeAll(async () => {
  notion = await startFakeNotion()
})
afterAll(() => notion.close())
beforeEach(() => {
  notion.requests.length = 0
})

const env = { NOTION_TOKEN }
const config = { token_env: 'NOTION_TOKEN', database_id: 'db-123' }
const deliver = (text: string, environment: NodeJS.ProcessEnv = env) => notionSink.deliver(notionSink.resolve(config, environment), text, fakeContext({ urls: { notion: `${notion.url}/v1` } }))
const paragraph = (content: string) => ({ object: 'block', type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content } }] } })

describe('notion sink over HTTP', () => {
  it('creates a page with the first 100 blocks and appends the rest 100 at a time', async () => {
    const body = Array.from({ length: 249 }, (_, i) => `Paragraph ${i + 1}`).join('\n\n')
    await deliver(`# Weekly *report*\n\n${body}`)

    expect(notion.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1/pages', 'PATCH /v1/blocks/page-1/children', 'PATCH /v1/blocks/page-1/children'])
    for (const request of notion.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${NOTION_TOKEN}`)
      expect(request.headers['notion-version']).toBe('2022-06-28')
      expect(request.headers['content-type']).toBe('application/json; charset=utf-8')
    }

    const create = jsonBody(notion.requests[0]!) as { parent: unknown; properties: unknown; children: unknown[] }
    expect(create.parent).toEqual({ database_id: 'db-123' })
    expect(create.properties).toEqual({ Name: { title: [{ text: { content: 'Weekly report' } }] } })
    expect(create.children).toHaveLength(100)
    expect(create.children.slice(0, 2)).toEqual([
      { object: 'block', type: 'heading_1', heading_1: { rich_text: [{ type: 'text', text: { content: 'Weekly ' } }, { type: 'text', text: { content: 'report' }, annotations: { italic: true } }] } },
      paragraph('Paragraph 1'),
    ])

    const appends = notion.requests.slice(1).map((request) => (jsonBody(request) as { children: unknown[] }).children)
    expect(appends.map((children) => children.length)).toEqual([100, 50])
    expect(appends[0]?.[0]).toEqual(paragraph('Paragraph 100'))
    expect(appends[1]?.at(-1)).toEqual(paragraph('Paragraph 249'))
  })

  it('creates a single request for a short text, titled by its first line', async () => {
    await deliver('Plain first line\n\nsecond')
    expect(notion.requests).toHaveLength(1)
    const create = jsonBody(notion.requests[0]!) as { properties: unknown; children: unknown[] }
    expect(create.properties).toEqual({ Name: { title: [{ text: { content: 'Plain first line' } }] } })
    expect(create.children).toEqual([paragraph('Plain first line'), paragraph('second')])
  })

  it("fails with Notion's explanation when a request is refused", async () => {
    const failure = deliver('# Hi', { NOTION_TOKEN: 'secret_wrong' })
    await expect(failure).rejects.toThrow(`POST ${notion.url}/v1/pages failed: HTTP 401: {"object":"error","status":401,"code":"unauthorized","message":"API token is invalid."}`)
    await failure.catch((error: Error) => expect(error.message).not.toContain('secret_wrong'))
  })
})
