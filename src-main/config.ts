// Start-up settings from command-line flags and the environment, resolved by a
// pure function so they can be tested without starting anything.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parseLogLevel, type LogLevel } from './log'

export interface Settings {
  port: number
  host: string
  dataDir: string
  /** false only with --insecure-no-token. */
  requireToken: boolean
  /** SHOGGOTH_TOKEN, when the environment fixes the token. */
  fixedToken: string | undefined
  startDisabled: boolean
  /** Extra browser origins allowed to call the API (SHOGGOTH_ALLOWED_ORIGINS). */
  allowedOrigins: string[]
  /** Extra `host:port` values the Host header may carry (SHOGGOTH_ALLOWED_HOSTS). */
  allowedHosts: string[]
  logLevel: LogLevel
  /** The `claude` executable (SHOGGOTH_CLAUDE_BIN, else `claude` on PATH). */
  claudeBin: string
  /** A chat turn is interrupted after this long (SHOGGOTH_TURN_TIMEOUT_SECONDS). */
  turnTimeoutMs: number
  /** A warm chat process is closed after this long unused (SHOGGOTH_IDLE_TIMEOUT_SECONDS). */
  idleTimeoutMs: number
  /** At most this many warm chat processes (SHOGGOTH_MAX_LIVE_SESSIONS). */
  maxLiveSessions: number
  /** A run's executor is stopped after this long (SHOGGOTH_EXECUTOR_TIMEOUT_SECONDS). */
  executorTimeoutMs: number
  /** A run's unanswered permission question is denied after this long (SHOGGOTH_APPROVAL_TIMEOUT_SECONDS). */
  approvalTimeoutMs?: number
}

export class UsageError extends Error {}

export const DEFAULT_PORT = 8081

export const USAGE = `Usage: npm run serve -- [options]

Runs the Shoggoth backend and its web UI without the desktop window.

Options:
  --port N               port to listen on (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free port)
  --host H               address to bind (default 127.0.0.1; anything else is reachable from other machines)
  --data-dir DIR         data directory (default: $SHOGGOTH_HOME, else ~/.shoggoth)
  --insecure-no-token    accept requests without the API token (for clients that cannot send one)
  --start-disabled       disable every flow (saved) and start no triggers
  -h, --help             show this help
`

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** A positive number from the environment, else the default (a typo must not disable a limit). */
function positive(value: string | undefined, fallback: number): number {
  const number = value === undefined ? Number.NaN : Number(value)
  return Number.isFinite(number) && number > 0 ? number : fallback
}

function parsePort(text: string, what: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${what} must be a port number (0-65535), got ${JSON.stringify(text)}`)
  return port
}

/** Returns null when the user asked for help. */
export function resolveSettings(argv: readonly string[], env: NodeJS.ProcessEnv): Settings | null {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'insecure-no-token': { type: 'boolean', default: false },
        'start-disabled': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values } = parsed
  if (values.help) return null

  // An unparseable PORT means the default, as the original server does.
  const envPort = env.PORT !== undefined && /^\d+$/.test(env.PORT) && Number(env.PORT) <= 65535 ? Number(env.PORT) : DEFAULT_PORT
  const port = values.port !== undefined ? parsePort(values.port, '--port') : envPort
  const host = values.host ?? '127.0.0.1'
  if (host.trim() === '') throw new UsageError('--host must not be empty')
  const dataDir = resolve(values['data-dir'] ?? (env.SHOGGOTH_HOME || join(homedir(), '.shoggoth')))

  return {
    port,
    host,
    dataDir,
    requireToken: !values['insecure-no-token'],
    fixedToken: env.SHOGGOTH_TOKEN || undefined,
    startDisabled: values['start-disabled'],
    allowedOrigins: list(env.SHOGGOTH_ALLOWED_ORIGINS),
    allowedHosts: list(env.SHOGGOTH_ALLOWED_HOSTS),
    logLevel: parseLogLevel(env.SHOGGOTH_LOG_LEVEL),
    claudeBin: env.SHOGGOTH_CLAUDE_BIN || 'claude',
    turnTimeoutMs: positive(env.SHOGGOTH_TURN_TIMEOUT_SECONDS, 60 * 60) * 1000,
    idleTimeoutMs: positive(env.SHOGGOTH_IDLE_TIMEOUT_SECONDS, 30 * 60) * 1000,
    maxLiveSessions: Math.floor(positive(env.SHOGGOTH_MAX_LIVE_SESSIONS, 8)),
    executorTimeoutMs: positive(env.SHOGGOTH_EXECUTOR_TIMEOUT_SECONDS, 15 * 60) * 1000,
    approvalTimeoutMs: positive(env.SHOGGOTH_APPROVAL_TIMEOUT_SECONDS, 10 * 60) * 1000,
  }
}

/** True for addresses that accept connections from any interface. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]'
}
