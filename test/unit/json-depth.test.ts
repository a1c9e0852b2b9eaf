import { describe, expect, it } from 'vitest'
import { looksLikeJson, nestsDeeperThan } from '../../src-main/http/json-depth'

describe('nestsDeeperThan', () => {
  it('counts arrays and objects inside each other', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false)
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true)
    expect(nestsDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false)
    expect(nestsDeeperThan('[[],[],[],[]]', 2)).toBe(false)
  })

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan('["[[[[[[", "\\\\", "\\"[[[[["]', 1)).toBe(false)
    expect(nestsDeeperThan('{"k":"\\"}"}', 1)).toBe(false)
  })
})

describe('looksLikeJson', () => {
  it('goes by content type or by the first character', () => {
    expect(looksLikeJson('x', 'application/json; charset=utf-8')).toBe(true)
    expect(looksLikeJson('x', 'application/vnd.api+json')).toBe(true)
    expect(looksLikeJson('  [1]', 'text/plain')).toBe(true)
    expect(looksLikeJson('hello [[[', 'text/plain')).toBe(false)
  })
})
