// The editor's only writer: debounced, at most a second behind, flushed on
// demand, retried when the server is away, never over a newer version.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Flow } from '../../src-main/contract/api'
import { ApiError } from '../../src-renderer/src/api/client'
import type { FlowDoc } from '../../src-renderer/src/editor/edits'
import { createSaveQueue, type FlowWriter, type SaveStatus } from '../../src-renderer/src/editor/save-queue'
import { createEditorStore, openInEditor } from '../../src-renderer/src/editor/store'

const base: Flow = { id: 'f1', name: 'Flow', description: '', enabled: true, nodes: [], edges: [], created_at: 't0', updated_at: 'v0' }

function setup(put: FlowWriter['put']) {
  const store = createEditorStore()
  openInEditor(store, base)
  const statuses: SaveStatus['state'][] = []
  const queue = createSaveQueue(store, { put }, (status) => statuses.push(status.state))
  return { store, queue, statuses }
}

let version = 0
const accept = vi.fn(async (_id: string, doc: FlowDoc, _ifMatch: string | null): Promise<Flow> => ({ ...base, ...doc, updated_at: `v${++version}` }))

beforeEach(() => {
  vi.useFakeTimers()
  accept.mockClear()
})
afterEach(() => vi.useRealTimers())

describe('save queue', () => {
  it('saves a burst of edits once, at most a second after the first, with If-Match of the version it was based on', async () => {
    const { store, statuses } = setup(accept)
    for (let i = 0; i < 50; i++) {
      store.getState().rename(`Name ${i}`)
      await vi.advanceTimersByTimeAsync(25)
    }
    // 50 edits over 1.25 s: the one-second cap forced a save in between.
    expect(accept).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(400)
    expect(accept).toHaveBeenCalledTimes(2)
    expect(accept.mock.calls[0]![2]).toBe('v0')
    // The second save names the version the first one made.
    expect(accept.mock.calls[1]![2]).toBe(`v${version - 1}`)
    expect(accept.mock.calls[1]![1].name).toBe('Name 49')
    expect(statuses.at(-1)).toBe('saved')
  })

  it('flush saves what is waiting at once, and nothing when all is saved', async () => {
    const { store, queue } = setup(accept)
    store.getState().describe('now')
    await queue.flush()
    expect(accept).toHaveBeenCalledTimes(1)
    await queue.flush()
    expect(accept).toHaveBeenCalledTimes(1)
  })

  it('a failure is reported and retried with backoff until the server is back', async () => {
    let down = true
    const put = vi.fn(async (id: string, doc: FlowDoc, ifMatch: string | null) => {
      if (down) throw new ApiError('Cannot reach the Shoggoth API', 0)
      return accept(id, doc, ifMatch)
    })
    const { store, statuses } = setup(put)
    store.getState().rename('Offline edit')
    await vi.advanceTimersByTimeAsync(400)
    expect(statuses).toContain('failed')
    await vi.advanceTimersByTimeAsync(1000)
    expect(put).toHaveBeenCalledTimes(2)
    down = false
    await vi.advanceTimersByTimeAsync(2000)
    expect(accept).toHaveBeenCalledTimes(1)
    expect(accept.mock.calls[0]![1].name).toBe('Offline edit')
    expect(statuses.at(-1)).toBe('saved')
  })

  it('a 412 stops saving and offers both versions: theirs replaces ours, or ours goes over theirs', async () => {
    const theirs: Flow = { ...base, name: 'Their name', updated_at: 'v9' }
    let conflict = true
    const put = vi.fn(async (id: string, doc: FlowDoc, ifMatch: string | null) => {
      if (conflict) throw new ApiError('the flow was changed elsewhere', 412, { body: { error: 'changed', flow: theirs } })
      return accept(id, doc, ifMatch)
    })
    const { store, queue, statuses } = setup(put)
    store.getState().rename('My name')
    await vi.advanceTimersByTimeAsync(400)
    expect(statuses.at(-1)).toBe('conflict')
    store.getState().rename('My name, more')
    await vi.advanceTimersByTimeAsync(2000)
    expect(put).toHaveBeenCalledTimes(1)

    conflict = false
    queue.keepMine()
    await vi.advanceTimersByTimeAsync(0)
    expect(accept.mock.calls[0]![2]).toBe('v9')
    expect(accept.mock.calls[0]![1].name).toBe('My name, more')
  })

  it('taking theirs loads their version and saves nothing back', async () => {
    const theirs: Flow = { ...base, name: 'Their name', updated_at: 'v9' }
    const put = vi.fn(async () => {
      throw new ApiError('changed', 412, { body: { error: 'changed', flow: theirs } })
    })
    const { store, queue } = setup(put)
    store.getState().rename('Mine')
    await vi.advanceTimersByTimeAsync(400)
    queue.takeTheirs()
    await vi.advanceTimersByTimeAsync(2000)
    expect(store.getState().doc!.name).toBe('Their name')
    expect(store.getState().baseUpdatedAt).toBe('v9')
    expect(put).toHaveBeenCalledTimes(1)
  })
})
