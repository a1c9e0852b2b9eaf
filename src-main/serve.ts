// Headless entry: `npm run serve -- [--port N] [--host H] [--data-dir DIR]
// [--insecure-no-token] [--start-disabled]`. Starts the same backend as the
// desktop app and serves the UI at /app/.
import { signalGroup } from './agent/claude-process'
import { startBackend } from './backend'
import { resolveSettings, USAGE, UsageError } from './config'
import { loadDotEnv } from './dotenv'
import { createLogger } from './log'

/** How long a forced exit may spend ending tagged processes. */
const FORCED_EXIT_MS = 2_000

async function main(): Promise<void> {
  const envFile = loadDotEnv(process.cwd(), process.env)
  let settings
  try {
    settings = resolveSettings(process.argv.slice(2), process.env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (settings === null) {
    process.stdout.write(USAGE)
    return
  }
  const log = createLogger(settings.logLevel)
  if (envFile) log.info(`read settings from ${envFile}`)
  const backend = await startBackend({ ...settings, log, returnWhenListening: true })

  // stdout carries exactly these two lines; the second holds the token and is
  // printed once, for the person at this terminal (logs go to stderr).
  const where = backend.token ? `API token in ${backend.token.origin}` : 'no API token: --insecure-no-token'
  process.stdout.write(`Shoggoth listening on ${backend.url} (${where})\n`)
  process.stdout.write(`Open the app: ${backend.appUrl}\n`)
  // Stored data loads after the server listens; a data dir that cannot be read ends the process.
  backend.ready.catch((error: unknown) => {
    log.error(`could not load the data directory: ${error instanceof Error ? error.message : String(error)}`)
    void backend.close().finally(() => process.exit(1))
  })

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`${signal} again: exiting without waiting`)
      // Even now nothing claude started may outlive the app: its process groups go
      // at once, then every process with the app's tag (briefly, then exit regardless).
      backend.launcher.pids().forEach((pid) => signalGroup(pid, 'SIGKILL'))
      setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref()
      void backend.launcher.forceEndAll().finally(() => process.exit(1))
      return
    }
    stopping = true
    log.info(`${signal}: shutting down`)
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`shoggoth: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
