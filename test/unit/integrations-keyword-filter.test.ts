import { describe, expect, it } from 'vitest'
import { keepMatchingAny, keywordFilter } from '../../src-main/integrations/keyword-filter'
import type { Item } from '../../src-main/integrations/types'

const item = (title: string, summary = ''): Item => ({ title, url: `https://x/${title}`, summary, published: null, imageUrl: null })
const items = [item('Rust 2.0 released', 'The compiler got faster'), item('Gardening', 'Tomatoes and RUST on tools'), item('Python news', 'Nothing else')]
const titles = (list: Item[]) => list.map((entry) => entry.title)

describe('keyword filter parsing', () => {
  it('requires keywords as an array', () => {
    for (const config of [{}, { keywords: 'rust' }, { keywords: null }, null]) expect(() => keywordFilter.parse(config)).toThrow(new Error(`keyword filter missing 'keywords'`))
  })

  it('reads defaults; an unknown field means title_or_summary', () => {
    expect(keywordFilter.parse({ keywords: ['a'] })).toEqual({ keywords: ['a'], requireAll: false, field: 'title_or_summary' })
    expect(keywordFilter.parse({ keywords: [], require_all: true, field: 'summary' })).toEqual({ keywords: [], requireAll: true, field: 'summary' })
    expect(keywordFilter.parse({ keywords: [], require_all: 'yes', field: 'body' })).toEqual({ keywords: [], requireAll: false, field: 'title_or_summary' })
  })
})

describe('keyword filter semantics', () => {
  const run = (config: unknown) => titles(keywordFilter.apply(keywordFilter.parse(config), items))

  it('matches any keyword, case-insensitively, in title or summary', () => {
    expect(run({ keywords: ['rust'] })).toEqual(['Rust 2.0 released', 'Gardening'])
    expect(run({ keywords: ['PYTHON', 'tomatoes'] })).toEqual(['Gardening', 'Python news'])
  })

  it('require_all needs every keyword', () => {
    expect(run({ keywords: ['rust', 'tomatoes'], require_all: true })).toEqual(['Gardening'])
    expect(run({ keywords: ['rust', 'compiler'], require_all: true })).toEqual(['Rust 2.0 released'])
  })

  it('limits the match to one field when asked', () => {
    expect(run({ keywords: ['rust'], field: 'title' })).toEqual(['Rust 2.0 released'])
    expect(run({ keywords: ['rust'], field: 'summary' })).toEqual(['Gardening'])
  })

  it('an empty keyword list drops everything, or keeps everything with require_all', () => {
    expect(run({ keywords: [] })).toEqual([])
    expect(run({ keywords: [], require_all: true })).toEqual(titles(items))
  })
})

describe('source keywords', () => {
  it('keeps all items without keywords and any-matches otherwise', () => {
    expect(keepMatchingAny(items, [])).toBe(items)
    expect(titles(keepMatchingAny(items, ['NEWS', 'faster']))).toEqual(['Rust 2.0 released', 'Python news'])
  })
})
