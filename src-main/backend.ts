// The composition root: builds every service once, wires them, and listens.
// Electron's main process and the headless `serve` command both start this.
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { warmUpSpawning } from './agent/claude-process'
import { ClaudeLauncher } from './agent/launcher'
import { LivePool } from './agent/live-pool'
import type { Settings } from './config'
import { isWildcardHost } from './config'
import { FlowStore } from './flows/flow-store'
import { allowedHosts, allowedOrigins, type GuardPolicy } from './http/guard'
import { claudeRoutes } from './http/routes/claude'
import { flowRoutes } from './http/routes/flows'
import { healthRoutes } from './http/routes/health'
import { permissionRoutes } from './http/routes/permissions'
import { transcriptRoutes } from './http/routes/transcripts'
import { chatActivityRoutes } from './http/routes/chat-activity'
import { appEventRoutes } from './http/routes/app-events'
import { slashCommandRoutes } from './http/routes/slash-commands'
import { ChatActivity } from './sessions/chat-activity'
import { SlashCommandStore } from './sessions/slash-commands'
import { PermissionRegistry } from './permissions/registry'
import { RememberedRules } from './permissions/rule-store'
import { TranscriptLog } from './sessions/transcript-log'
import { interactRoutes } from './http/routes/interact'
import { nodeTypeRoutes } from './http/routes/node-types'
import { promptRoutes } from './http/routes/prompts'
import { runRoutes } from './http/routes/runs'
import { schedulerRoutes } from './http/routes/scheduler'
import { sessionInfoRoutes } from './http/routes/session-info'
import { statusRoutes } from './http/routes/status'
import { Gate } from './http/gate'
import { APP_PREFIX, buildHttpServer } from './http/server'
import { SseStreams } from './http/sse'
import type { Logger } from './log'
import { serviceUrls, type IntegrationContext } from './integrations/types'
import { PromptStore } from './prompts/prompt-store'
import { RunEventBus } from './runs/run-events'
import { followRunEnds, type RunEndSources } from './runs/run-ends'
import { FlowRunner } from './runs/runner'
import { RunStore } from './runs/run-store'
import { systemClock, type Clock } from './scheduler/clock'
import { PrReviews } from './scheduler/pr-reviews'
import { Scheduler } from './scheduler/scheduler'
import { InteractService } from './sessions/interact-service'
import { SessionStore } from './sessions/session-store'
import type { ClaudeRuntime } from './agent/claude-runtime'
import { prepareDataDir, type DataDir } from './storage/data-dir'
import { loadOrCreateToken, type ApiToken } from './storage/token'
import { FileWriteQueue } from './storage/write-queue'

export type BackendSettings = Omit<Settings, 'logLevel'> & {
  log: Logger
  /** Built renderer folder; defaults to the one next to the built main bundle. */
  rendererDir?: string | null
  /** Extra environment for `claude` children (tests point them at a local API). */
  childEnv?: Record<string, string>
  /** Where relative working dirs and ./AGENT.md resolve; defaults to process.cwd(). */
  serverCwd?: string
  /** The scheduler's clock (tests drive their own). */
  clock?: Clock
  /**
   * Resolve as soon as the server listens, while stored flows, prompts, sessions
   * and runs are still loading (`ready` says when they are; API requests wait for
   * it, the UI's files do not). The app and `serve` start this way; the default
   * resolves once everything is loaded.
   */
  returnWhenListening?: boolean
  /** Environment seen by sources and sinks (env-var names in sink configs, GITHUB_TOKEN, base URLs). */
  integrationEnv?: NodeJS.ProcessEnv
  /** How long a request (headers, then all of it) may take to arrive; defaults 15 s and 30 s. */
  headersTimeoutMs?: number
  requestTimeoutMs?: number
}

export interface Backend {
  /** Origin of the API, e.g. http://127.0.0.1:8081 */
  url: string
  port: number
  /** null with --insecure-no-token */
  token: ApiToken | null
  /** The UI with the token in the fragment — print it once, never log it. */
  appUrl: string
  dataDir: DataDir
  flows: FlowStore
  prompts: PromptStore
  sessions: SessionStore
  interact: InteractService
  permissions: PermissionRegistry
  launcher: ClaudeLauncher
  runs: RunStore
  runner: FlowRunner
  scheduler: Scheduler
  /** Resolves once stored data is loaded and the scheduler runs; rejects when the data dir cannot be read. */
  ready: Promise<void>
  /** Stops listening, ends streams, and waits until every write is on disk. */
  close(): Promise<void>
}

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url))

export async function startBackend(settings: BackendSettings): Promise<Backend> {
  const { log } = settings
  const started = performance.now()
  const dataDir = await prepareDataDir(settings.dataDir, log)
  const writer = new FileWriteQueue()
  const token = settings.requireToken ? await loadOrCreateToken(dataDir.tokenFile, settings.fixedToken, writer) : null

  const flows = new FlowStore(dataDir.flows, writer, log)
  const prompts = new PromptStore(dataDir.prompts, writer, log)
  const sessions = new SessionStore(dataDir.sessionsFile, writer, log)
  const launcher = new ClaudeLauncher(join(dataDir.root, 'claude-children.json'), writer, log)
  await launcher.sweepLeftovers()
  const runs = new RunStore(dataDir.runs, writer, log)
  const remembered = new RememberedRules(join(dataDir.root, 'permission-rules.json'), writer, log)
  const slashCommands = new SlashCommandStore(join(dataDir.root, 'slash-commands.json'), writer, log)

  const serverCwd = settings.serverCwd ?? process.cwd()
  const pool = new LivePool({ maxLive: settings.maxLiveSessions, idleMs: settings.idleTimeoutMs }, log)
  const runtime: ClaudeRuntime = {
    bin: settings.claudeBin,
    childEnv: settings.childEnv ?? {},
    isRoot: process.getuid?.() === 0,
    turnTimeoutMs: settings.turnTimeoutMs,
    launcher,
  }
  const permissions = new PermissionRegistry(remembered)
  const transcripts = new TranscriptLog(join(dataDir.root, 'transcripts'), log)
  const activity = new ChatActivity()
  const interact = new InteractService(flows, sessions, pool, runtime, dataDir, serverCwd, log, { permissions, transcripts, activity, slashCommands })

  const clock = settings.clock ?? systemClock
  const integrationEnv = settings.integrationEnv ?? process.env
  const integrations: IntegrationContext = { env: integrationEnv, urls: serviceUrls(integrationEnv), log, now: () => new Date(clock.now()) }
  const bus = new RunEventBus()
  const runEnds: RunEndSources = { bus, flowName: (id) => flows.get(id)?.name, run: (flowId, runId) => runs.get(flowId, runId) }
  const runner = new FlowRunner({ runs, bus, runtime, integrations, serverCwd, executorTimeoutMs: settings.executorTimeoutMs, log, permissions, ...(settings.approvalTimeoutMs !== undefined ? { approvalTimeoutMs: settings.approvalTimeoutMs } : {}) })
  const scheduler = new Scheduler(flows, runner, runs, clock, log)
  const prReviews = new PrReviews({ flows, runner, runs, clock, log, githubUrl: integrations.urls.github, token: () => integrationEnv.GITHUB_TOKEN || undefined, serverCwd })
  scheduler.register('github-pr', prReviews.task)
  flows.onChange(async (change) => {
    if (change.kind !== 'deleted') return
    bus.forget(change.flow.id)
    prReviews.forget(change.flow.id)
    await runs.forget(change.flow.id).catch((error: unknown) => log.warn(`could not remove the runs of flow ${change.flow.id}: ${(error as Error).message}`))
  })

  const dataGate = new Gate()
  const policy: GuardPolicy = { hosts: new Set(), origins: new Set(), staticPrefix: APP_PREFIX }
  const streams = new SseStreams()
  const http = buildHttpServer({
    policy,
    token: token?.value ?? null,
    rendererDir: settings.rendererDir === undefined ? DEFAULT_RENDERER_DIR : settings.rendererDir,
    log,
    requestTimeoutMs: settings.requestTimeoutMs,
    headersTimeoutMs: settings.headersTimeoutMs,
    publicRoutes: (app) => healthRoutes(app),
    ready: dataGate,
    routes: (api) => {
      flowRoutes(api, flows)
      nodeTypeRoutes(api)
      promptRoutes(api, prompts, runtime, serverCwd)
      interactRoutes(api, interact, streams)
      permissionRoutes(api, permissions, streams)
      transcriptRoutes(api, interact)
      chatActivityRoutes(api, activity, streams)
      appEventRoutes(api, { registry: permissions, activity, followRunEnds: (listener) => followRunEnds(runEnds, listener) }, streams)
      slashCommandRoutes(api, interact)
      sessionInfoRoutes(api, flows, runner, serverCwd)
      claudeRoutes(api, runtime, streams, serverCwd)
      runRoutes(api, { flows, runs, runner, bus, streams, log, startPrReview: (flowId, repo, pr) => prReviews.reviewNow(flowId, repo, pr) })
      schedulerRoutes(api, flows, scheduler, () => new Date(clock.now()))
      statusRoutes(api, { dataDir: dataDir.root, runtime, flows, sessions, runs, scheduler, now: () => new Date(clock.now()) })
    },
  })

  if (!settings.requireToken) log.warn('--insecure-no-token: the API accepts requests without a token')
  if (settings.host !== '127.0.0.1' && settings.host !== 'localhost' && settings.host !== '::1') {
    log.warn(`listening on ${settings.host}: the API is reachable from other machines`)
  }
  await http.listen({ port: settings.port, host: settings.host })
  const port = (http.server.address() as AddressInfo).port

  // The Host and Origin allowlists need the real port (--port 0 picks one).
  const boundHost = isWildcardHost(settings.host) ? null : bracketed(settings.host)
  policy.hosts = allowedHosts(port, [...(boundHost ? [`${boundHost}:${port}`] : []), ...settings.allowedHosts])
  policy.origins = allowedOrigins(port, settings.allowedOrigins)

  const url = `http://${boundHost ?? '127.0.0.1'}:${port}`
  const appUrl = `${url}${APP_PREFIX}${token ? `#token=${token.value}` : ''}`
  log.info(`listening after ${Math.round(performance.now() - started)} ms`)

  // Stored data loads once the server listens: the window can fetch the UI
  // meanwhile, and API requests wait at the gate until this is done.
  const loadData = async (): Promise<void> => {
    const [flowCount, promptCount] = await Promise.all([flows.load(), prompts.load(), sessions.load(), runs.load(), remembered.load(), slashCommands.load()])
    // A flow delete cut short by a crash leaves the flow's runs behind: finish it.
    for (const flowId of runs.flowIds().filter((id) => flows.get(id) === undefined)) {
      log.warn(`removing the runs of flow ${flowId}, which no longer exists`)
      await runs.forget(flowId)
    }
    if (settings.startDisabled) {
      const disabled = await flows.disableAll()
      log.info(`--start-disabled: ${disabled} flow(s) disabled`)
      scheduler.followChanges()
    } else {
      scheduler.startAll()
    }
    log.info(`loaded ${flowCount} flow(s), ${promptCount} prompt(s); ready after ${Math.round(performance.now() - started)} ms`)
    // Then what the first chat or run will need.
    setImmediate(warmUpSpawning)
  }
  loadData().then(dataGate.open, dataGate.fail)
  const ready = dataGate.promise
  if (!settings.returnWhenListening) {
    // Failing to start must not leave the port open behind the error.
    await ready.catch(async (error: unknown) => {
      await http.close()
      throw error
    })
  }

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    token,
    appUrl,
    dataDir,
    flows,
    prompts,
    sessions,
    interact,
    permissions,
    launcher,
    runs,
    runner,
    scheduler,
    ready,
    close: () =>
      (closing ??= (async () => {
        // Before any await: no cron fire may start once quitting has begun.
        const triggersStopped = scheduler.close()
        // Stopping mid-load: let the load finish first, so nothing it starts is left running.
        await ready.catch(() => undefined)
        await triggersStopped
        runner.stop()
        // Children end first, so every turn and run finishes and is saved.
        await interact.shutdown()
        await runner.settle()
        permissions.cancelWhere(() => true)
        await transcripts.flush()
        streams.closeAll()
        await http.close()
        await writer.drain()
      })()),
  }
}

/** IPv6 literals go in brackets in URLs and Host headers. */
function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}
