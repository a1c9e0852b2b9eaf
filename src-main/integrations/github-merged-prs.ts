// The `github-merged-prs` source: pull requests merged in the last `since_days`
// days, found with GitHub's issue search (100 per page, at most 500 per repo).
import { z } from 'zod'
import { configRecord, stringArray, unsignedInt } from './config-fields'
import { requestJson } from './http'
import type { IntegrationContext, Item, SourceKind } from './types'

export interface GithubMergedPrsConfig {
  repos: string[]
  sinceDays: number
}

const PER_PAGE = 100
const MAX_ITEMS = 500
const DAY_MS = 86_400_000
// Keeps absurd `since_days` values inside the range a Date can hold.
const MAX_DAYS = 100_000

const searchPage = z.object({
  total_count: z.number().optional(),
  items: z.array(
    z.object({
      title: z.string(),
      html_url: z.string(),
      body: z.string().nullish(),
      closed_at: z.string().nullish(),
      pull_request: z.object({ merged_at: z.string().nullish() }).nullish(),
    }),
  ),
})
type SearchResult = z.infer<typeof searchPage>['items'][number]

/** The first day searched, as GitHub's `YYYY-MM-DD`, in UTC. */
export function sinceDate(now: Date, days: number): string {
  return new Date(now.getTime() - Math.min(days, MAX_DAYS) * DAY_MS).toISOString().slice(0, 10)
}

export function mergedPrQuery(repo: string, since: string): string {
  return `repo:${repo} is:pr is:merged merged:>=${since}`
}

function toItem(result: SearchResult): Item {
  const merged = result.pull_request?.merged_at ?? result.closed_at ?? null
  const date = merged ? new Date(merged) : null
  return { title: result.title, url: result.html_url, summary: result.body ?? '', published: date && !Number.isNaN(date.getTime()) ? date : null, imageUrl: null }
}

async function searchRepo(repo: string, since: string, token: string, context: IntegrationContext): Promise<Item[]> {
  const items: Item[] = []
  for (let page = 1; items.length < MAX_ITEMS; page++) {
    const query = new URLSearchParams({ q: mergedPrQuery(repo, since), per_page: String(PER_PAGE), page: String(page) })
    const json = await requestJson(`${context.urls.github}/search/issues?${query}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    })
    const parsed = searchPage.safeParse(json)
    if (!parsed.success) throw new Error(`GitHub search for ${repo} gave an unexpected answer`)
    items.push(...parsed.data.items.map(toItem))
    const total = parsed.data.total_count ?? Number.POSITIVE_INFINITY
    if (parsed.data.items.length < PER_PAGE || items.length >= total) break
  }
  return items.slice(0, MAX_ITEMS)
}

export const githubMergedPrsSource: SourceKind<GithubMergedPrsConfig> = {
  kind: 'github-merged-prs',
  parse(config) {
    const fields = configRecord(config)
    const repos = stringArray(fields.repos)
    if (repos === null) throw new Error(`github-merged-prs node missing 'repos'`)
    return { repos: repos.map((repo) => repo.trim()).filter((repo) => repo.includes('/')), sinceDays: unsignedInt(fields.since_days, 7) }
  },
  async fetch(config, context) {
    const token = context.env.GITHUB_TOKEN
    if (!token) {
      context.log.info('github-merged-prs: GITHUB_TOKEN is not set, so no pull requests are fetched')
      return []
    }
    const since = sinceDate(context.now(), config.sinceDays)
    const perRepo = []
    // One repo after another keeps within GitHub's search rate limit (30 a minute).
    for (const repo of config.repos) perRepo.push(await searchRepo(repo, since, token, context))
    return perRepo.flat()
  },
}
