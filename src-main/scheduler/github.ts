// The few GitHub REST calls the PR trigger needs, against a configurable base URL.

export interface PullRequest {
  number: number
  title: string
  body: string
  draft: boolean
  headSha: string
  headRef: string
  baseRef: string
}

export class GithubClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async openPullRequests(repo: string): Promise<PullRequest[]> {
    const list = (await this.json(`/repos/${repo}/pulls?state=open&per_page=100`)) as unknown[]
    return list.map(toPullRequest)
  }

  async pullRequest(repo: string, number: number): Promise<PullRequest> {
    return toPullRequest(await this.json(`/repos/${repo}/pulls/${number}`))
  }

  async diff(repo: string, number: number): Promise<string> {
    const res = await this.call(`/repos/${repo}/pulls/${number}`, { headers: { accept: 'application/vnd.github.v3.diff' } })
    return res.text()
  }

  async comment(repo: string, number: number, body: string): Promise<void> {
    await this.call(`/repos/${repo}/issues/${number}/comments`, { method: 'POST', body: JSON.stringify({ body }), headers: { 'content-type': 'application/json' } })
  }

  private async json(path: string): Promise<unknown> {
    return (await this.call(path)).json()
  }

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      signal: AbortSignal.timeout(30_000),
      headers: { accept: 'application/vnd.github+json', 'user-agent': 'shoggoth', authorization: `Bearer ${this.token}`, ...(init.headers as Record<string, string>) },
    })
    if (!res.ok) throw new Error(`GitHub ${init.method ?? 'GET'} ${path} failed: ${res.status} ${res.statusText}`)
    return res
  }
}

function toPullRequest(raw: unknown): PullRequest {
  const pr = raw as { number: number; title?: string; body?: string | null; draft?: boolean; head?: { sha?: string; ref?: string }; base?: { ref?: string } }
  return { number: pr.number, title: pr.title ?? '', body: pr.body ?? '', draft: pr.draft === true, headSha: pr.head?.sha ?? '', headRef: pr.head?.ref ?? '', baseRef: pr.base?.ref ?? '' }
}
