import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Flow, FlowNode } from '../../src-main/contract/api'
import { OUTPUT_CUT_NOTE, OUTPUT_LIMIT_BYTES, OutputLog, OutputReader, type OutputPiece } from '../../src-main/runs/executor-output'
import { checkFlow, fieldOf, startProblems, triggerProblems, wiringProblems } from '../../src-main/runs/flow-checks'
import { allowsOverlap } from '../../src-main/http/routes/runs'

const node = (id: string, node_type: FlowNode['node_type'], kind: string, config: object = {}): FlowNode => ({ id, node_type, kind, config, position: { x: 0, y: 0 }, label: id.toUpperCase() })
const flow = (nodes: FlowNode[], edges: [string, string][] = []): Flow => ({
  id: 'f', name: 'F', description: '', enabled: true, nodes, edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })), created_at: 'c', updated_at: 'u',
})
const cwd = mkdtempSync(join(tmpdir(), 'flow-checks-'))
writeFileSync(join(cwd, 'prompt.md'), 'Hello {{content}}')
const exec = (id: string, config: object = {}) => node(id, 'executor', 'claude-code', { prompt: 'hi', working_dir: cwd, ...config })
const messages = (problems: { message: string }[]) => problems.map((p) => p.message)

describe('wiring (two or more executors only)', () => {
  it('says nothing about a flow with one executor, whatever its edges', () => {
    expect(wiringProblems(flow([node('s', 'source', 'rss'), exec('x')], [['s', 'ghost'], ['x', 's'], ['s', 'x']]))).toEqual([])
  })

  it('a fully wired two-executor flow has no problems', () => {
    const f = flow([node('t', 'trigger', 'manual'), node('s', 'source', 'rss'), node('k', 'filter', 'keyword'), exec('a'), exec('b'), node('o', 'sink', 'slack')], [['t', 's'], ['s', 'k'], ['k', 'a'], ['a', 'b'], ['b', 'o']])
    expect(wiringProblems(f)).toEqual([])
  })

  it('names every unwired node, with what is wrong', () => {
    const f = flow(
      [node('t', 'trigger', 'manual'), exec('a'), exec('b'), node('s', 'source', 'rss'), node('k', 'filter', 'keyword'), node('o', 'sink', 'slack'), node('o2', 'sink', 'slack')],
      [['t', 'a'], ['a', 'b'], ['t', 'k'], ['a', 'o2'], ['s', 'o2'], ['a', 'k']],
    )
    expect(wiringProblems(f)).toEqual([
      { node_id: 's', field: null, message: 'source S is not reachable from a trigger (a flow with two or more executors follows its edges)' },
      { node_id: 's', field: null, message: 'source S does not lead to an executor (a flow with two or more executors follows its edges)' },
      { node_id: 'k', field: null, message: 'filter K does not lead to an executor (a flow with two or more executors follows its edges)' },
      { node_id: 'k', field: null, message: 'filter K can only take items from sources and filters, not from executor A' },
      { node_id: 'o', field: null, message: 'sink O is not reachable from a trigger (a flow with two or more executors follows its edges)' },
      { node_id: 'o', field: null, message: 'sink O is not fed by an executor (a flow with two or more executors follows its edges)' },
      { node_id: 'o2', field: null, message: "sink O2 can only take an executor's output, not source S's" },
    ])
  })

  it('without any trigger, nodes need not be reachable from one (the flow runs by hand)', () => {
    expect(wiringProblems(flow([node('s', 'source', 'rss'), exec('a'), exec('b')], [['s', 'a']]))).toEqual([])
  })

  it('dangling edges and cycles', () => {
    expect(messages(wiringProblems(flow([exec('a'), exec('b')], [['a', 'b'], ['b', 'a'], ['a', 'ghost']])))).toEqual([
      'edge e2 connects a node that does not exist: ghost',
      "the flow's edges form a cycle: A → B → A",
    ])
  })
})

describe('config checks', () => {
  it('tells which field an integration error is about', () => {
    const sink = node('o', 'sink', 'notion', { token_env: 'NOTION_KEY', database_id: 'd' })
    expect(fieldOf("rss node missing 'url'", sink)).toBe('url')
    expect(fieldOf('sink requires env var NOTION_KEY but it is not set', sink)).toBe('token_env')
    expect(fieldOf('unknown sink kind: pigeon', sink)).toBe('kind')
    expect(fieldOf('slack bot_token_env requires a channel to be set', sink)).toBe('channel')
    expect(fieldOf('something else', sink)).toBeNull()
  })

  it('the run start checks: an executor first, then source configs in order', () => {
    expect(messages(startProblems(flow([node('s', 'source', 'rss')])))).toEqual(['flow has no executor node'])
    expect(messages(startProblems(flow([node('s', 'source', 'rss'), node('s2', 'source', 'nope'), exec('x')])))).toEqual(["rss node missing 'url'", 'unknown source kind: nope'])
  })

  it('validate reports everything at once: configs, prompts, working dirs, env vars, triggers', () => {
    const f = flow([
      node('c', 'trigger', 'cron', { schedule: '*/5 * * * *' }),
      node('s', 'source', 'rss', { url: 'http://x' }),
      node('k', 'filter', 'keyword', {}),
      exec('x', { prompt: 'missing.txt', working_dir: join(cwd, 'nope') }),
      node('o', 'sink', 'slack', { webhook_url_env: 'HOOK' }),
    ])
    expect(checkFlow(f, { env: {}, serverCwd: cwd })).toEqual([
      { node_id: 'k', field: 'keywords', message: "keyword filter missing 'keywords'" },
      { node_id: 'x', field: 'prompt', message: expect.stringMatching(/^failed to read prompt file: missing\.txt: ENOENT/) },
      { node_id: 'o', field: 'webhook_url_env', message: 'sink requires env var HOOK but it is not set' },
      { node_id: 'x', field: 'working_dir', message: `working directory ${join(cwd, 'nope')} does not exist` },
    ])
    const fixed = flow([node('c', 'trigger', 'cron', { schedule: '*/5 * * * *' }), node('s', 'source', 'rss', { url: 'http://x' }), exec('x', { prompt: 'prompt.md' }), node('o', 'sink', 'slack', { webhook_url_env: 'HOOK' })])
    expect(checkFlow(fixed, { env: { HOOK: 'http://hook' }, serverCwd: cwd })).toEqual([])
  })

  it('trigger checks', () => {
    expect(triggerProblems(flow([exec('x')]))).toEqual([{ node_id: null, field: null, message: 'the flow has no trigger: it can only be run by hand', severity: 'warning' }])
    expect(triggerProblems(flow([node('c', 'trigger', 'cron', { schedule: ' ' })]))).toEqual([{ node_id: 'c', field: 'schedule', message: 'cron trigger has no schedule configured', severity: 'warning' }])
    expect(triggerProblems(flow([node('c', 'trigger', 'cron', { schedule: '* * * * * *' })]))[0]!.message).toMatch(/^invalid cron: /)
    expect(triggerProblems(flow([node('w', 'trigger', 'webhook', { path: 'x' })]))).toEqual([])
  })
})

describe('executor output', () => {
  const line = (value: object) => JSON.stringify(value)
  const delta = (text: string) => line({ type: 'stream_event', event: { type: 'content_block_delta', delta: { type: 'text_delta', text } } })
  const assistant = (...content: object[]) => line({ type: 'assistant', message: { content } })

  it('gathers deltas, never repeats the assistant line\'s text, and sends tools on their own', () => {
    vi.useFakeTimers()
    const pieces: OutputPiece[] = []
    const reader = new OutputReader((piece) => pieces.push(piece))
    reader.line(delta('Hel'))
    reader.line(delta('lo'))
    reader.line(assistant({ type: 'text', text: 'Hello' }))
    expect(pieces).toEqual([])
    vi.advanceTimersByTime(100)
    expect(pieces).toEqual([{ kind: 'executor_text', message: 'Hello' }])
    reader.line(assistant({ type: 'tool_use', name: 'Bash', input: { command: 'ls' } }))
    reader.line(line({ type: 'user', message: { content: [{ type: 'tool_result', content: 'a.txt' }] } }))
    // A CLI without partial messages: the assistant text is all there is.
    reader.line(assistant({ type: 'text', text: 'Done' }))
    reader.flush()
    expect(pieces.slice(1)).toEqual([
      { kind: 'executor_tool_use', message: '{"tool":"Bash","input":{"command":"ls"}}' },
      { kind: 'executor_tool_result', message: 'a.txt' },
      { kind: 'executor_text', message: 'Done' },
    ])
    vi.useRealTimers()
  })

  it('keeps at most 1 MiB, with a note when cut', () => {
    const log = new OutputLog()
    log.add({ kind: 'executor_tool_use', message: '{}' })
    expect(log.value).toBe('\n[tool_use] {}\n')
    log.add({ kind: 'executor_text', message: 'é'.repeat(OUTPUT_LIMIT_BYTES) })
    log.add({ kind: 'executor_text', message: 'more' })
    expect(Buffer.byteLength(log.value)).toBeLessThanOrEqual(OUTPUT_LIMIT_BYTES + Buffer.byteLength(OUTPUT_CUT_NOTE))
    expect(log.value.endsWith(`é${OUTPUT_CUT_NOTE}`)).toBe(true)
  })
})

describe('trigger body', () => {
  it('allow_overlap only from a JSON object; other bodies mean a plain run; a mistyped flag is a 422', () => {
    expect(allowsOverlap(undefined)).toBe(false)
    expect(allowsOverlap('')).toBe(false)
    expect(allowsOverlap('not json')).toBe(false)
    expect(allowsOverlap('{"repo":"a/b","pr":"7"}')).toBe(false)
    expect(allowsOverlap('{"allow_overlap":null}')).toBe(false)
    expect(allowsOverlap('{"allow_overlap":true}')).toBe(true)
    expect(() => allowsOverlap('{"allow_overlap":"yes"}')).toThrow(/allow_overlap/)
  })
})
