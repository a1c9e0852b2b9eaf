import { describe, expect, it } from 'vitest'
import { outputExcerpt } from '../../src-renderer/src/runs/run-format'

describe('the first lines of a node output, for its hover card', () => {
  it('keeps a short output whole, trimmed', () => {
    expect(outputExcerpt('  Digest: Rust 2.0 is out.\n')).toBe('Digest: Rust 2.0 is out.')
  })

  it('keeps the first lines of a long output and marks the cut', () => {
    const text = Array.from({ length: 10 }, (_, index) => `line ${index + 1}`).join('\n')
    expect(outputExcerpt(text, 3)).toBe('line 1\nline 2\nline 3…')
  })

  it('cuts one very long line at the character limit', () => {
    expect(outputExcerpt('x'.repeat(1000), 6, 10)).toBe(`${'x'.repeat(10)}…`)
  })
})
