// The github-pr trigger (§10.3, with §13.14 fixed): each flow keeps its own
// record of the PRs it has seen; new PRs get an initial review, pushed ones a
// re-review when asked for. Also manual reviews from the trigger route.
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { Flow } from '../contract/api'
import type { FlowStore } from '../flows/flow-store'
import type { Logger } from '../log'
import type { FlowRunner } from '../runs/runner'
import type { RunStore } from '../runs/run-store'
import type { Clock } from './clock'
import { chunkName, manifest, splitDiff } from './diff'
import { GithubClient, type PullRequest } from './github'
import type { TriggerTask } from './scheduler'

const run = promisify(execFile)

interface RepoConfig {
  slug: string
  path: string
}

export interface PrTriggerConfig {
  repos: RepoConfig[]
  pollSeconds: number
  skipDrafts: boolean
  reviewOnPush: boolean
  maxDiffSize: number
}

const count = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback)

export function prTriggerConfig(config: unknown): PrTriggerConfig {
  const c = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>
  const repos = (Array.isArray(c.repos) ? c.repos : [])
    .filter((repo): repo is { slug: string; path?: unknown } => typeof repo === 'object' && repo !== null && typeof (repo as { slug?: unknown }).slug === 'string' && (repo as { slug: string }).slug.includes('/'))
    .map((repo) => ({ slug: repo.slug, path: typeof repo.path === 'string' ? repo.path : '.' }))
  return {
    repos,
    pollSeconds: Math.max(1, count(c.poll_interval, 60)),
    skipDrafts: c.skip_drafts !== false,
    reviewOnPush: c.review_on_push === true,
    maxDiffSize: count(c.max_diff_size, 50_000),
  }
}

export interface PrReviewDeps {
  flows: FlowStore
  runner: FlowRunner
  runs: RunStore
  clock: Clock
  log: Logger
  githubUrl: string
  token: () => string | undefined
  serverCwd: string
  /** Seed retries wait 2^n s (capped); tests shorten this. */
  backoffMs?: (attempt: number) => number
}

type ReviewType = 'initial' | 're-review'

export class PrReviews {
  /** flow id → repo → PR number → head SHA */
  private readonly seen = new Map<string, Map<string, Map<number, string>>>()
  /** flow id → repos whose open PRs the poller has listed once (a manual review does not count). */
  private readonly seeded = new Map<string, Set<string>>()

  constructor(private readonly deps: PrReviewDeps) {}

  /** The poll loop the scheduler runs for a github-pr trigger. */
  readonly task: TriggerTask = async (flow, trigger, signal) => {
    const github = this.client()
    const config = prTriggerConfig(trigger.config)
    const seen = this.seenFor(flow.id)
    const seeded = this.seeded.get(flow.id) ?? new Set<string>()
    this.seeded.set(flow.id, seeded)
    const repos: RepoConfig[] = []
    for (const repo of config.repos) {
      if (seeded.has(repo.slug) || (await this.seed(github, repo.slug, config, seen, signal))) {
        seeded.add(repo.slug)
        repos.push(repo)
      }
      else this.deps.log.warn(`flow "${flow.name}": could not list PRs of ${repo.slug}; it is not watched`)
    }
    while (!signal.aborted) {
      const current = this.deps.flows.get(flow.id)
      if (!current || !current.enabled) return
      for (const repo of repos) {
        if (signal.aborted) return
        try {
          await this.poll(github, current, repo, config, seen.get(repo.slug)!)
        } catch (error) {
          this.deps.log.warn(`flow "${current.name}": polling ${repo.slug} failed: ${(error as Error).message}`)
        }
      }
      await this.deps.clock.sleep(config.pollSeconds * 1000, signal)
    }
  }

  /** A review asked for through POST /trigger with `{repo, pr}`. */
  async reviewNow(flowId: string, repo: string, number: number): Promise<void> {
    const flow = this.deps.flows.get(flowId)
    if (!flow) throw new Error('flow not found')
    const github = this.client()
    const trigger = flow.nodes.find((node) => node.node_type === 'trigger' && node.kind === 'github-pr')
    if (!trigger) throw new Error('flow has no github-pr trigger node')
    const config = prTriggerConfig(trigger.config)
    const pr = await github.pullRequest(repo, number)
    this.record(this.seenFor(flow.id), repo, pr)
    const localPath = config.repos.find((r) => r.slug === repo)?.path ?? '.'
    await this.review(github, flow, repo, localPath, pr, 'initial', config, { comment: false, fetch: false })
  }

  /** Drops a deleted flow's record. */
  forget(flowId: string): void {
    this.seen.delete(flowId)
    this.seeded.delete(flowId)
  }

  private client(): GithubClient {
    const token = this.deps.token()
    if (!token) throw new Error('GitHub PR trigger requires GITHUB_TOKEN')
    return new GithubClient(this.deps.githubUrl, token)
  }

  private seenFor(flowId: string): Map<string, Map<number, string>> {
    let seen = this.seen.get(flowId)
    if (!seen) {
      seen = new Map()
      this.seen.set(flowId, seen)
    }
    return seen
  }

  private record(seen: Map<string, Map<number, string>>, repo: string, pr: PullRequest): void {
    let prs = seen.get(repo)
    if (!prs) {
      prs = new Map()
      seen.set(repo, prs)
    }
    prs.set(pr.number, pr.headSha)
  }

  /** Marks the PRs open now as seen, so only later ones are reviewed. */
  private async seed(github: GithubClient, repo: string, config: PrTriggerConfig, seen: Map<string, Map<number, string>>, signal: AbortSignal): Promise<boolean> {
    for (let attempt = 0; attempt < 10 && !signal.aborted; attempt++) {
      try {
        const prs = await github.openPullRequests(repo)
        // Keeps what a manual review recorded; adds everything open now.
        if (!seen.has(repo)) seen.set(repo, new Map())
        for (const pr of prs) if (!(config.skipDrafts && pr.draft)) this.record(seen, repo, pr)
        return true
      } catch (error) {
        this.deps.log.warn(`listing PRs of ${repo} failed (attempt ${attempt + 1}): ${(error as Error).message}`)
        await this.deps.clock.sleep(this.deps.backoffMs?.(attempt) ?? Math.min(2 ** attempt, 32) * 1000, signal)
      }
    }
    return false
  }

  private async poll(github: GithubClient, flow: Flow, repo: RepoConfig, config: PrTriggerConfig, known: Map<number, string>): Promise<void> {
    for (const pr of await github.openPullRequests(repo.slug)) {
      if (config.skipDrafts && pr.draft) continue
      const previous = known.get(pr.number)
      const type: ReviewType | null = previous === undefined ? 'initial' : previous !== pr.headSha && config.reviewOnPush ? 're-review' : null
      known.set(pr.number, pr.headSha)
      if (type) await this.review(github, flow, repo.slug, repo.path, pr, type, config, { comment: true, fetch: true })
    }
  }

  private async review(github: GithubClient, flow: Flow, repo: string, localPath: string, pr: PullRequest, type: ReviewType, config: PrTriggerConfig, steps: { comment: boolean; fetch: boolean }): Promise<void> {
    if (steps.comment) {
      await github.comment(repo, pr.number, `Shoggoth Review Bot is starting a ${type === 'initial' ? 'review' : 're-review'} of this pull request…`).catch((error: unknown) => {
        this.deps.log.warn(`could not comment on ${repo}#${pr.number}: ${(error as Error).message}`)
      })
    }
    const diff = await github.diff(repo, pr.number)
    let chunkDir: string | null = null
    let diffText = diff
    if (Buffer.byteLength(diff) > config.maxDiffSize) {
      chunkDir = join(tmpdir(), 'shoggoth-review', `${pr.number}-${randomUUID()}`)
      await mkdir(chunkDir, { recursive: true })
      const files = splitDiff(diff)
      await Promise.all(files.map((file) => writeFile(join(chunkDir!, chunkName(file.path)), file.text)))
      diffText = manifest(files, chunkDir)
    }
    const absolutePath = resolve(this.deps.serverCwd, localPath)
    if (steps.fetch) {
      await run('git', ['fetch', 'origin'], { cwd: absolutePath, timeout: 120_000 }).catch((error: unknown) => this.deps.log.warn(`git fetch in ${absolutePath} failed: ${(error as Error).message.split('\n')[0]}`))
    }
    try {
      const { finished } = await this.deps.runner.start(flow, {
        trigger: 'github-pr',
        context: {
          diff: diffText,
          pr_number: String(pr.number),
          pr_title: pr.title,
          pr_body: pr.body,
          base_ref: pr.baseRef,
          head_ref: pr.headRef,
          head_sha: pr.headSha,
          repo,
          local_path: localPath,
          review_type: type,
        },
      })
      await finished
    } finally {
      if (chunkDir) await rm(chunkDir, { recursive: true, force: true })
    }
  }
}
