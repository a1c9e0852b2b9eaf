// The `keyword` filter node, and the keyword match that sources with a
// `keywords` field share. Matching is a case-insensitive substring test.
import { bool, configRecord, stringArray } from './config-fields'
import type { FilterKind, Item } from './types'

export type KeywordField = 'title' | 'summary' | 'title_or_summary'

export interface KeywordFilterConfig {
  keywords: string[]
  requireAll: boolean
  field: KeywordField
}

function haystack(item: Item, field: KeywordField): string {
  if (field === 'title') return item.title.toLowerCase()
  if (field === 'summary') return item.summary.toLowerCase()
  return `${item.title} ${item.summary}`.toLowerCase()
}

export function matchesKeywords(item: Item, config: KeywordFilterConfig): boolean {
  const text = haystack(item, config.field)
  const hit = (keyword: string) => text.includes(keyword.toLowerCase())
  // An empty list: `some` keeps nothing and `every` keeps everything, as the contract says.
  return config.requireAll ? config.keywords.every(hit) : config.keywords.some(hit)
}

/** Sources' `keywords`: no keywords keeps every item, otherwise any keyword in "title summary". */
export function keepMatchingAny(items: Item[], keywords: string[]): Item[] {
  if (keywords.length === 0) return items
  const config: KeywordFilterConfig = { keywords, requireAll: false, field: 'title_or_summary' }
  return items.filter((item) => matchesKeywords(item, config))
}

function keywordField(value: unknown): KeywordField {
  return value === 'title' || value === 'summary' ? value : 'title_or_summary'
}

export const keywordFilter: FilterKind<KeywordFilterConfig> = {
  kind: 'keyword',
  parse(config) {
    const fields = configRecord(config)
    const keywords = stringArray(fields.keywords)
    if (keywords === null) throw new Error(`keyword filter missing 'keywords'`)
    return { keywords, requireAll: bool(fields.require_all, false), field: keywordField(fields.field) }
  },
  apply(config, items) {
    return items.filter((item) => matchesKeywords(item, config))
  },
}
