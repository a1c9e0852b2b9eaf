import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { githubMergedPrsSource } from '../../src-main/integrations/github-merged-prs'
import { fakeContext } from '../fixtures/fake-context'
import { GITHUB_TOKEN, startFakeGithub, type FakeGithub } from '../fixtures/fake-github'

let github: FakeGithub
beforeAll(async () => {
  github = await startFakeGithub({ 'octo/big': 730, 'octo/small': 3, 'octo/even': 200 })
})
afterAll(() => github.close())

function run(config: unknown, env: NodeJS.ProcessEnv = { GITHUB_TOKEN }) {
  const context = fakeContext({ env, urls: { github: github.url } })
  return { context, items: githubMergedPrsSource.fetch(githubMergedPrsSource.parse(config), context) }
}

const searches = (from: number) => github.requests.slice(from).map((request) => request.url.searchParams)

describe('github-merged-prs source over HTTP', () => {
  it('searches each repo for PRs merged since now − since_days, with the bearer token', async () => {
    const from = github.requests.length
    const items = await run({ repos: ['octo/small'], since_days: 3 }).items
    expect(items).toEqual([
      { title: 'octo/small PR 1', url: 'https://github.com/octo/small/pull/1', summary: '', published: new Date('2026-06-01T00:01:00Z'), imageUrl: null },
      { title: 'octo/small PR 2', url: 'https://github.com/octo/small/pull/2', summary: 'Body of 2', published: new Date('2026-06-01T00:02:00Z'), imageUrl: null },
      { title: 'octo/small PR 3', url: 'https://github.com/octo/small/pull/3', summary: '', published: new Date('2026-06-01T00:03:00Z'), imageUrl: null },
    ])
    const [request] = github.requests.slice(from)
    // The fake clock says 2026-06-10, so three days back is 2026-06-07.
    expect(request?.url.searchParams.get('q')).toBe('repo:octo/small is:pr is:merged merged:>=2026-06-07')
    expect(request?.url.searchParams.get('per_page')).toBe('100')
    expect(request?.headers.authorization).toBe(`Bearer ${GITHUB_TOKEN}`)
    expect(request?.headers.accept).toBe('application/vnd.github+json')
  })

  it('pages 100 at a time and stops at 500 items', async () => {
    const from = github.requests.length
    const items = await run({ repos: ['octo/big'] }).items
    expect(items).toHaveLength(500)
    expect(items.at(-1)?.title).toBe('octo/big PR 500')
    expect(searches(from).map((params) => params.get('page'))).toEqual(['1', '2', '3', '4', '5'])
    expect(searches(from)[0]?.get('q')).toBe('repo:octo/big is:pr is:merged merged:>=2026-06-03')
  })

  it('stops when the results run out, even on a full page', async () => {
    const from = github.requests.length
    const items = await run({ repos: ['octo/even', 'octo/small'] }).items
    expect(items).toHaveLength(203)
    expect(searches(from).map((params) => `${params.get('q')?.split(' ')[0]} ${params.get('page')}`)).toEqual(['repo:octo/even 1', 'repo:octo/even 2', 'repo:octo/small 1'])
  })

  it('yields nothing without GITHUB_TOKEN, and says so in the log', async () => {
    const from = github.requests.length
    const { context, items } = run({ repos: ['octo/small'] }, {})
    expect(await items).toEqual([])
    expect(github.requests.length).toBe(from)
    expect(context.log.lines.some((line) => line.includes('GITHUB_TOKEN is not set'))).toBe(true)
  })

  it('rejects with a clear message when the search fails', async () => {
    await expect(run({ repos: ['octo/unknown'] }).items).rejects.toThrow(/^GET http:\/\/127\.0\.0\.1:\d+\/search\/issues\?q=.* failed: HTTP 422: \{"message":"Validation Failed"\}$/)
    await expect(run({ repos: ['octo/small'] }, { GITHUB_TOKEN: 'wrong' }).items).rejects.toThrow('failed: HTTP 401')
  })
})
