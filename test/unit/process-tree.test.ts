import { describe, expect, it } from 'vitest'
import { ownerIn, treeOf, type ProcessInfo } from '../../src-main/agent/process-tree'

const p = (pid: number, ppid: number, owner: string | null = null): ProcessInfo => ({ pid, ppid, started: '1', owner })

describe('treeOf', () => {
  const table = [p(10, 1), p(11, 10), p(12, 11), p(13, 1, 'a:1'), p(14, 13), p(15, 1, 'a:2'), p(16, 1)]

  it('walks descendants by parent pid, without the root', () => {
    expect(treeOf(table, 10, null).map((i) => i.pid).sort()).toEqual([11, 12])
  })

  it('adds re-parented processes carrying the tag, and their children', () => {
    expect(treeOf(table, 10, (tag) => tag === 'a:1').map((i) => i.pid).sort()).toEqual([11, 12, 13, 14])
    expect(treeOf(table, -1, (tag) => tag.startsWith('a:')).map((i) => i.pid).sort()).toEqual([13, 14, 15])
  })
})

describe('ownerIn', () => {
  it('finds the tag anywhere in an environment block', () => {
    expect(ownerIn('A=1\0SHOGGOTH_OWNER=k:2:3:4\0B=2', '\0')).toBe('k:2:3:4')
    expect(ownerIn('SHOGGOTH_OWNER=x\0', '\0')).toBe('x')
    expect(ownerIn('A=1\0NOT_SHOGGOTH_OWNER=x', '\0')).toBeNull()
    expect(ownerIn(' cmd arg SHOGGOTH_OWNER=y PATH=/bin', ' ')).toBe('y')
  })
})
