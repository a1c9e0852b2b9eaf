import { describe, expect, it, vi } from 'vitest'
import type { FlowSummary, NodeKind } from '../../src-main/contract/api'
import type { FlowsApi } from '../../src-renderer/src/api/flows'
import type { RunsApi } from '../../src-renderer/src/api/runs'
import { createNodeKindsStore } from '../../src-renderer/src/editor/node-kinds'
import { createFlowsStore } from '../../src-renderer/src/flows/store'
import { createRunsStore } from '../../src-renderer/src/runs/store'
import { afterSuccess, failedAction, failureMessage, quoted } from '../../src-renderer/src/ui/failed-action'

describe('a failed action', () => {
  it('names what was being done and why', () => {
    const failed = failedAction(`delete flow ${quoted('Daily digest')}`, new Error('disk full'), async () => undefined)
    expect(failureMessage(failed)).toBe('Could not delete flow “Daily digest”: disk full')
  })

  it('says when no reason was given, and when a thing has no name', () => {
    expect(failedAction('x', new Error('  '), async () => undefined).reason).toBe('no reason given')
    expect(quoted('  ')).toBe('without a name')
    expect(quoted(undefined)).toBe('without a name')
  })

  it('retries by making the same call again', async () => {
    const call = vi.fn(async () => 'ignored')
    await failedAction('x', 'boom', call).retry()
    expect(call).toHaveBeenCalledTimes(1)
  })

  it('is cleared by its own request succeeding, not by another one', () => {
    const failed = failedAction('delete flow “A”', 'boom', async () => undefined)
    expect(afterSuccess(failed, 'delete flow “A”')).toBeNull()
    expect(afterSuccess(failed, 'load the flow list')).toBe(failed)
    expect(afterSuccess(null, 'anything')).toBeNull()
  })
})

const summary = (id: string, name: string): FlowSummary => ({ id, name, description: '', enabled: true, node_count: 0, edge_count: 0, created_at: 'c', updated_at: 'u' })

/** A fake flows API whose next call of `method` fails once with `reason`. */
function flakyFlows(): FlowsApi & { failNext(method: keyof FlowsApi, reason: string): void; created: number } {
  const flows: FlowSummary[] = [summary('a', 'Daily digest')]
  const failing = new Map<keyof FlowsApi, string>()
  const maybeFail = (method: keyof FlowsApi): void => {
    const reason = failing.get(method)
    failing.delete(method)
    if (reason !== undefined) throw new Error(reason)
  }
  const api = {
    created: 0,
    failNext: (method: keyof FlowsApi, reason: string) => failing.set(method, reason),
    list: async () => (maybeFail('list'), [...flows]),
    get: async () => {
      throw new Error('not used')
    },
    create: async (input: { name: string }) => {
      maybeFail('create')
      api.created++
      flows.push(summary(`n${api.created}`, input.name))
      return `n${api.created}`
    },
    update: async () => {
      throw new Error('not used')
    },
    remove: async (id: string) => {
      maybeFail('remove')
      flows.splice(flows.findIndex((flow) => flow.id === id), 1)
    },
  }
  return api
}

describe('the flows store', () => {
  it('names the flow it could not delete, and Retry deletes it', async () => {
    const api = flakyFlows()
    const store = createFlowsStore(api)
    await store.getState().load()
    api.failNext('remove', 'disk full')
    expect(await store.getState().remove('a')).toBe(false)
    const failed = store.getState().failed
    expect(failed && failureMessage(failed)).toBe('Could not delete flow “Daily digest”: disk full')
    // A list that loads meanwhile does not hide the failed delete.
    await store.getState().load()
    expect(store.getState().failed).toBe(failed)
    await failed?.retry()
    expect(store.getState().failed).toBeNull()
    expect(store.getState().flows).toEqual([])
  })

  it('a create whose list refresh fails is not created again by Retry', async () => {
    const api = flakyFlows()
    const store = createFlowsStore(api)
    api.failNext('list', 'busy')
    expect(await store.getState().create({ name: 'Weekly' })).toBe(true)
    const failed = store.getState().failed
    expect(failed?.what).toBe('load the flow list')
    await failed?.retry()
    expect(api.created).toBe(1)
    expect(store.getState().flows.map((flow) => flow.name)).toEqual(['Daily digest', 'Weekly'])
  })
})

describe('the runs store', () => {
  it('keeps a failed start on show while the history keeps loading, and Retry starts the run', async () => {
    let refuse = true
    const trigger = vi.fn(async () => {
      if (refuse) throw new Error('disk full')
      return { run_id: 'r1' }
    })
    const api = { list: async () => [], trigger, cancel: async () => undefined } as unknown as RunsApi
    const store = createRunsStore(api)
    expect(await store.getState().trigger('f')).toBe(false)
    const failed = store.getState().flows['f']?.failed
    expect(failed && failureMessage(failed)).toBe('Could not start the run: disk full')
    await store.getState().load('f')
    expect(store.getState().flows['f']?.failed).toBe(failed)
    refuse = false
    await failed?.retry()
    expect(trigger).toHaveBeenCalledTimes(2)
    expect(store.getState().flows['f']?.failed).toBeNull()
  })
})

describe('the node kinds', () => {
  it('a failed fetch is reported, and Retry fetches them', async () => {
    const kinds = [{ kind: 'manual' } as NodeKind]
    const fetchKinds = vi.fn<() => Promise<NodeKind[]>>().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(kinds)
    const store = createNodeKindsStore(fetchKinds)
    await store.getState().load()
    const failed = store.getState().failed
    expect(failed && failureMessage(failed)).toBe('Could not load the node kinds: disk full')
    store.getState().dismissFailed()
    // Dismissed, the palette still knows the kinds are missing.
    expect(store.getState().unavailable).toBe(true)
    await failed?.retry()
    expect(store.getState()).toMatchObject({ kinds, unavailable: false, failed: null })
  })
})
