// The `notion` sink: one new page in a database per delivery, titled from the
// text, with the markdown as blocks (100 per request, the API's limit).
import { z } from 'zod'
import { configRecord, requiredString } from './config-fields'
import { requiredEnv } from './env-lookup'
import { requestJson } from './http'
import { CHILDREN_MAX, markdownToNotionBlocks } from './notion-blocks'
import { notionTitle } from './notion-title'
import type { SinkKind } from './types'

export const NOTION_VERSION = '2022-06-28'

export interface NotionTarget {
  token: string
  databaseId: string
}

const createdPage = z.object({ id: z.string() })

export const notionSink: SinkKind<NotionTarget> = {
  kind: 'notion',
  resolve(config, env) {
    const fields = configRecord(config)
    const tokenEnv = requiredString(fields, 'token_env', 'notion node')
    const databaseId = requiredString(fields, 'database_id', 'notion node')
    return { token: requiredEnv(env, tokenEnv), databaseId }
  },
  async deliver(target, text, context) {
    const headers = { authorization: `Bearer ${target.token}`, 'notion-version': NOTION_VERSION }
    const blocks = markdownToNotionBlocks(text)
    const page = await requestJson(`${context.urls.notion}/pages`, {
      method: 'POST',
      headers,
      json: {
        parent: { database_id: target.databaseId },
        properties: { Name: { title: [{ text: { content: notionTitle(text) } }] } },
        children: blocks.slice(0, CHILDREN_MAX),
      },
    })
    const parsed = createdPage.safeParse(page)
    if (!parsed.success) throw new Error('Notion page creation gave an unexpected answer')
    // The rest goes on in order, 100 blocks per append.
    for (let start = CHILDREN_MAX; start < blocks.length; start += CHILDREN_MAX) {
      await requestJson(`${context.urls.notion}/blocks/${encodeURIComponent(parsed.data.id)}/children`, { method: 'PATCH', headers, json: { children: blocks.slice(start, start + CHILDREN_MAX) } })
    }
  },
}
