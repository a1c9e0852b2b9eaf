// The built preload, loaded the way a sandboxed renderer loads it (web APIs,
// `require('electron')` only): what it exposes matches ShoggothBridge.
import { describe, expect, it } from 'vitest'
import type { Connection, ShoggothBridge } from '../../src-main/contract/bridge'
import { CONNECTION_CHANNEL, NOTIFY_CHANNEL, NOTIFY_CLICKED_CHANNEL } from '../../src-main/contract/bridge'
import { isReplayed } from '../../src-preload/bridge'
import { loadPreload } from '../electron/preload-sandbox'

const connection: Connection = { apiBase: 'http://127.0.0.1:1', token: 't0ken' }

// Every member of the interface, checked at compile time against ShoggothBridge.
const MEMBERS = ['connection', 'notify', 'openStream'] as const satisfies readonly (keyof ShoggothBridge)[]
type Missing = Exclude<keyof ShoggothBridge, (typeof MEMBERS)[number]>
const complete: Missing extends never ? true : false = true

describe('the built preload', () => {
  it('exposes exactly the bridge interface as window.shoggoth, needing nothing but electron', () => {
    const { exposed } = loadPreload({ [CONNECTION_CHANNEL]: () => connection })
    expect(complete).toBe(true)
    expect([...exposed.keys()]).toEqual(['shoggoth'])
    const bridge = exposed.get('shoggoth') as Record<string, unknown>
    expect(Object.keys(bridge).sort()).toEqual([...MEMBERS])
    for (const member of MEMBERS) expect(typeof bridge[member]).toBe('function')
  })

  it('asks the main process for the connection once', async () => {
    const { exposed, invoked } = loadPreload({ [CONNECTION_CHANNEL]: () => connection })
    const bridge = exposed.get('shoggoth') as ShoggothBridge
    expect(await bridge.connection()).toEqual(connection)
    expect(await bridge.connection()).toEqual(connection)
    expect(invoked).toEqual([{ channel: CONNECTION_CHANNEL, args: [] }])
  })

  it('passes notifications to the main process as plain data', async () => {
    const { exposed, invoked } = loadPreload({ [NOTIFY_CHANNEL]: () => true })
    const bridge = exposed.get('shoggoth') as ShoggothBridge
    const request = { title: 'Run failed', body: 'Daily digest', extra: 'dropped' }
    expect(await bridge.notify(request)).toBe(true)
    expect(invoked).toEqual([{ channel: NOTIFY_CHANNEL, args: [{ title: 'Run failed', body: 'Daily digest' }] }])
  })

  it('runs a notification\'s click callback once, when the main process says that one was clicked', async () => {
    const { exposed, invoked, receive } = loadPreload({ [NOTIFY_CHANNEL]: () => true })
    const bridge = exposed.get('shoggoth') as ShoggothBridge
    const clicked: string[] = []
    await bridge.notify({ title: 'Daily digest — run failed' }, () => clicked.push('digest'))
    await bridge.notify({ title: 'Backup — completed in 2.0 s' }, () => clicked.push('backup'))
    const [digest, backup] = invoked.map((call) => (call.args[0] as { clickId: number }).clickId)
    expect(digest).not.toBe(backup)
    receive(NOTIFY_CLICKED_CHANNEL, backup)
    receive(NOTIFY_CLICKED_CHANNEL, backup)
    receive(NOTIFY_CLICKED_CHANNEL, 'not a number')
    expect(clicked).toEqual(['backup'])
    receive(NOTIFY_CLICKED_CHANNEL, digest)
    expect(clicked).toEqual(['backup', 'digest'])
  })

  it('returns an unsubscribe function from openStream at once', () => {
    const { exposed } = loadPreload({ [CONNECTION_CHANNEL]: () => connection })
    const bridge = exposed.get('shoggoth') as ShoggothBridge
    const unsubscribe = bridge.openStream('/api/flows/x/runs/live', { onEvent: () => undefined })
    expect(typeof unsubscribe).toBe('function')
    unsubscribe()
  })
})

describe('event ids', () => {
  it('counts an id as replayed only within the same sequence', () => {
    expect(isReplayed('5', null)).toBe(false)
    expect(isReplayed('5', '5')).toBe(true)
    expect(isReplayed('4', '5')).toBe(true)
    expect(isReplayed('10', '9')).toBe(false)
    expect(isReplayed('ab12-3', 'ab12-7')).toBe(true)
    expect(isReplayed('cd34-1', 'ab12-7')).toBe(false)
  })
})
