import { describe, expect, it } from 'vitest'
import { effectivePermissionMode, isPermissionMode, modeInfo, PERMISSION_MODES, permissionModeProblem } from '../../src-renderer/src/properties/permission-mode'
import { formFields } from '../../src-renderer/src/properties/form-fields'
import type { FlowNode } from '../../src-main/contract/api'

describe('effectivePermissionMode', () => {
  it('reads a stored mode as is', () => {
    for (const { value } of PERMISSION_MODES) expect(effectivePermissionMode({ permission_mode: value })).toEqual({ mode: value, implied: false, unknown: false })
  })

  it('without a mode keeps the original meaning: empty permissions skip, a list is an allowlist', () => {
    expect(effectivePermissionMode({})).toEqual({ mode: 'skip', implied: true, unknown: false })
    expect(effectivePermissionMode({ permissions: [], permission_mode: null })).toEqual({ mode: 'skip', implied: true, unknown: false })
    expect(effectivePermissionMode({ permissions: ['Read'], permission_mode: '' })).toEqual({ mode: 'allowed_tools', implied: true, unknown: false })
    expect(effectivePermissionMode(null).mode).toBe('skip')
  })

  it('treats an unknown value as ask, as the server does', () => {
    expect(effectivePermissionMode({ permission_mode: 'yolo' })).toEqual({ mode: 'ask', implied: false, unknown: true })
    expect(permissionModeProblem('yolo')).toMatch(/Unknown mode "yolo"/)
    expect(permissionModeProblem('plan')).toBeNull()
    expect(permissionModeProblem(undefined)).toBeNull()
  })

  it('has a one-line explanation for every mode', () => {
    for (const { value } of PERMISSION_MODES) expect(modeInfo(value).explanation).not.toBe('')
    expect(isPermissionMode('accept_edits')).toBe(true)
    expect(isPermissionMode('acceptEdits')).toBe(false)
  })

  it('the executor form shows the mode before the allowed tools', () => {
    const node: FlowNode = { id: 'e', node_type: 'executor', kind: 'claude-code', label: 'E', position: { x: 0, y: 0 }, config: {} }
    const names = formFields(node, undefined).map((field) => [field.name, field.control])
    expect(names).toContainEqual(['permission_mode', 'permission-mode'])
    expect(names.findIndex(([n]) => n === 'permission_mode')).toBeLessThan(names.findIndex(([n]) => n === 'permissions'))
  })
})
