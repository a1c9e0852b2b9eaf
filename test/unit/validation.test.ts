import { describe, expect, it } from 'vitest'
import { flowChangesSchema, newFlowSchema, storedFlowSchema } from '../../src-main/flows/model'
import { newPromptSchema } from '../../src-main/prompts/model'
import { decodeWith } from '../../src-main/schema'
import { isSafeId, MAX_ID_LENGTH } from '../../src-main/storage/ids'

const node = { id: 'n', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p' }, position: { x: 1, y: 2 }, label: 'L' }
const decodeNewFlow = decodeWith(newFlowSchema)

describe('request validation', () => {
  it('names a missing field, and tells it apart from a wrong type', () => {
    expect(() => decodeNewFlow({})).toThrow('name: missing field')
    expect(() => decodeNewFlow({ name: 1 })).toThrow(/^name: Invalid input: expected string, received number$/)
  })

  it('requires all six node fields, config included (any JSON value, even null)', () => {
    for (const field of Object.keys(node)) {
      const partial: Record<string, unknown> = { ...node }
      delete partial[field]
      expect(() => decodeNewFlow({ name: 'f', nodes: [partial] }), field).toThrow(`nodes[0].${field}`)
    }
    expect(decodeNewFlow({ name: 'f', nodes: [{ ...node, config: null }] }).nodes?.[0]?.config).toBeNull()
    expect(decodeNewFlow({ name: 'f', nodes: [{ ...node, config: 'text' }] }).nodes?.[0]?.config).toBe('text')
  })

  it('accepts only the five node types', () => {
    expect(() => decodeNewFlow({ name: 'f', nodes: [{ ...node, node_type: 'robot' }] })).toThrow('nodes[0].node_type')
  })

  it('drops unknown properties and keeps a fixed key order', () => {
    const flow = decodeNewFlow({ name: 'f', nodes: [{ ...node, selected: true, position: { y: 2, x: 1, z: 3 } }], whatever: 1 })
    expect(Object.keys(flow.nodes![0]!)).toEqual(['id', 'node_type', 'kind', 'config', 'position', 'label'])
    expect(flow.nodes![0]!.position).toEqual({ x: 1, y: 2 })
    expect(flow).not.toHaveProperty('whatever')
  })

  it('treats null like an absent optional field', () => {
    expect(decodeWith(flowChangesSchema)({ name: null, enabled: null, nodes: null })).toEqual({ name: undefined, enabled: undefined, nodes: undefined, description: undefined, edges: undefined })
    expect(decodeWith(newPromptSchema)({ title: 't', summary: 's', tags: null }).tags).toBeUndefined()
  })

  it('stored flows default description and enabled', () => {
    const flow = decodeWith(storedFlowSchema)({ id: 'a', name: 'n', nodes: [], edges: [], created_at: 'c', updated_at: 'u' })
    expect(flow).toEqual({ id: 'a', name: 'n', description: '', enabled: true, nodes: [], edges: [], created_at: 'c', updated_at: 'u' })
  })
})

describe('id checks', () => {
  it('refuses anything that could leave its folder', () => {
    for (const id of ['', '../x', '..', 'a/b', 'a\\b', 'x\0', 'x'.repeat(MAX_ID_LENGTH + 1), 'a..b']) expect(isSafeId(id), JSON.stringify(id)).toBe(false)
  })
  it('accepts UUIDs, client ids and up to 200 characters', () => {
    for (const id of ['7c1d2f0e-0000-4000-8000-000000000000', 'node-1', 'x'.repeat(MAX_ID_LENGTH), 'a.b', 'summarize']) expect(isSafeId(id)).toBe(true)
  })
})
