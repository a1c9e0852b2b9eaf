import { describe, expect, it } from 'vitest'
import { parseToolInput, readTodos, toolShape, toolSummary, headLines } from '../../src-renderer/src/chat/tools/tool-input'
import { fileChange } from '../../src-renderer/src/chat/tools/edit-diff'

const summary = (tool: string, input: object) => toolSummary(tool, input as Record<string, unknown>, JSON.stringify(input))

describe('tool cards: what each tool shows', () => {
  it('picks a body per tool, and falls back to JSON when the input is not what the tool takes', () => {
    expect(toolShape('Bash', { command: 'ls' })).toBe('bash')
    expect(toolShape('Edit', { file_path: '/a', old_string: 'x', new_string: 'y' })).toBe('edit')
    expect(toolShape('MultiEdit', { file_path: '/a', edits: [] })).toBe('edit')
    expect(toolShape('Write', { file_path: '/a', content: 'x' })).toBe('write')
    expect(toolShape('Write', { file_path: '/a' })).toBe('other')
    expect(toolShape('Read', { file_path: '/a' })).toBe('read')
    expect(toolShape('Grep', { pattern: 'x' })).toBe('search')
    expect(toolShape('Glob', { pattern: '*.ts' })).toBe('search')
    expect(toolShape('TodoWrite', { todos: [] })).toBe('todos')
    expect(toolShape('Bash', {})).toBe('other')
    expect(toolShape('mcp__x__y', { a: 1 })).toBe('other')
    expect(toolShape('Bash', null)).toBe('other')
  })

  it('names each call in one line', () => {
    expect(summary('Bash', { command: 'npm test', description: 'Run tests' })).toBe('npm test')
    expect(summary('Edit', { file_path: '/src/a.ts', old_string: 'a', new_string: 'b' })).toBe('/src/a.ts')
    expect(summary('Grep', { pattern: 'TODO', path: 'src' })).toBe('TODO in src')
    expect(summary('Glob', { pattern: '**/*.md' })).toBe('**/*.md')
    expect(summary('TodoWrite', { todos: [{ content: 'a', status: 'completed' }, { content: 'b', status: 'pending' }] })).toBe('1 of 2 done')
    expect(summary('WebFetch', { url: 'https://example.com', prompt: 'p' })).toBe('https://example.com')
    expect(summary('Other', {})).toBe('')
    expect(summary('Other', { n: 3 })).toBe('{"n":3}')
    expect(toolSummary('Bash', parseToolInput('not json'), 'not json')).toBe('not json')
  })

  it('reads a checklist, leaving out what it cannot read', () => {
    expect(readTodos({ todos: [{ content: 'a', status: 'in_progress' }, { status: 'completed' }, 'x', { content: 'c', status: 'odd' }] })).toEqual([
      { content: 'a', status: 'in_progress' },
      { content: 'c', status: 'pending' },
    ])
  })

  it('shows the head of a long output and counts the rest', () => {
    expect(headLines('a\nb\nc', 5)).toEqual({ shown: 'a\nb\nc', hidden: 0 })
    expect(headLines('a\nb\nc\nd', 2)).toEqual({ shown: 'a\nb', hidden: 2 })
  })
})

describe('tool cards: the change an edit makes', () => {
  it('diffs an Edit line by line, with counts', () => {
    const change = fileChange('Edit', { file_path: '/a', old_string: 'one\ntwo\nthree', new_string: 'one\n2\nthree' })
    expect(change.lines).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: 'three' },
    ])
    expect([change.added, change.removed]).toEqual([1, 1])
  })

  it('shows a Write as a file of added lines', () => {
    const change = fileChange('Write', { file_path: '/a', content: 'x\ny\n' })
    expect(change.lines).toEqual([
      { kind: 'added', text: 'x' },
      { kind: 'added', text: 'y' },
    ])
  })

  it('puts a gap between the places a MultiEdit changes', () => {
    const change = fileChange('MultiEdit', {
      file_path: '/a',
      edits: [
        { old_string: 'a', new_string: 'b' },
        { old_string: 'c', new_string: '' },
      ],
    })
    expect(change.lines.map((line) => line.kind)).toEqual(['removed', 'added', 'gap', 'removed'])
    expect([change.added, change.removed]).toEqual([1, 2])
  })
})

describe('tool cards: the task list of newer CLIs', () => {
  it('shows a task made and a task moved on', () => {
    expect(toolShape('TaskCreate', { subject: 'Ship', description: 'd' })).toBe('task')
    expect(toolShape('TaskUpdate', { taskId: '3', status: 'completed' })).toBe('task')
    expect(toolShape('TaskUpdate', {})).toBe('other')
    expect(summary('TaskCreate', { subject: 'Ship', description: 'd' })).toBe('Ship')
    expect(summary('TaskUpdate', { taskId: '3', status: 'in_progress' })).toBe('task 3 → in progress')
    expect(summary('TaskUpdate', { taskId: '3', subject: 'Renamed' })).toBe('task 3: Renamed')
  })
})
