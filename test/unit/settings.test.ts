import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isWildcardHost, resolveSettings, UsageError } from '../../src-main/config'
import { storedTimestamp, offsetTimestamp } from '../../src-main/time'

describe('resolveSettings', () => {
  it('defaults: 127.0.0.1:8081, ~/.shoggoth, token required', () => {
    expect(resolveSettings([], {})).toEqual({
      port: 8081,
      host: '127.0.0.1',
      dataDir: join(homedir(), '.shoggoth'),
      requireToken: true,
      fixedToken: undefined,
      startDisabled: false,
      allowedOrigins: [],
      allowedHosts: [],
      logLevel: 'info',
      claudeBin: 'claude',
      turnTimeoutMs: 3_600_000,
      idleTimeoutMs: 1_800_000,
      maxLiveSessions: 8,
      executorTimeoutMs: 900_000,
      approvalTimeoutMs: 600_000,
    })
  })

  it('reads PORT, SHOGGOTH_HOME, SHOGGOTH_TOKEN and the allowlists; an unparseable PORT means 8081', () => {
    const env = { PORT: '9000', SHOGGOTH_HOME: '/srv/sh', SHOGGOTH_TOKEN: 't', SHOGGOTH_ALLOWED_ORIGINS: 'http://localhost:1420, http://x:1', SHOGGOTH_LOG_LEVEL: 'warn' }
    expect(resolveSettings([], env)).toMatchObject({ port: 9000, dataDir: '/srv/sh', fixedToken: 't', allowedOrigins: ['http://localhost:1420', 'http://x:1'], logLevel: 'warn' })
    expect(resolveSettings([], { PORT: 'eighty' })?.port).toBe(8081)
  })

  it('flags win over the environment', () => {
    const settings = resolveSettings(['--port', '0', '--host', '::1', '--data-dir', 'rel', '--insecure-no-token', '--start-disabled'], { PORT: '9000', SHOGGOTH_HOME: '/x' })
    expect(settings).toMatchObject({ port: 0, host: '::1', dataDir: resolve('rel'), requireToken: false, startDisabled: true })
  })

  it('refuses bad flags with a usage error, and --help returns null', () => {
    expect(() => resolveSettings(['--port', '70000'], {})).toThrow(UsageError)
    expect(() => resolveSettings(['--port', 'x'], {})).toThrow(UsageError)
    expect(() => resolveSettings(['--bogus'], {})).toThrow(UsageError)
    expect(() => resolveSettings(['stray'], {})).toThrow(UsageError)
    expect(resolveSettings(['--help'], {})).toBeNull()
  })

  it('knows wildcard addresses', () => {
    expect(isWildcardHost('0.0.0.0')).toBe(true)
    expect(isWildcardHost('::')).toBe(true)
    expect(isWildcardHost('127.0.0.1')).toBe(false)
  })
})

describe('timestamps', () => {
  it('style A ends in Z and prints a fraction only when non-zero', () => {
    expect(storedTimestamp(new Date('2026-02-24T10:15:30.123Z'))).toBe('2026-02-24T10:15:30.123Z')
    expect(storedTimestamp(new Date('2026-02-24T10:15:30.000Z'))).toBe('2026-02-24T10:15:30Z')
  })
  it('style B ends in +00:00', () => {
    expect(offsetTimestamp(new Date('2026-02-24T12:00:00Z'))).toBe('2026-02-24T12:00:00+00:00')
  })
})
