// Turns a chat transcript into a reusable prompt template with `claude`
// (§11.1): no tools, a meta-prompt on stdin, one JSON object expected back.
import { SUMMARIZE_ARGS } from '../agent/claude-command'
import { startClaude, type ClaudeRuntime } from '../agent/claude-runtime'
import { HttpError } from '../http/errors'

export interface SummarizeInput {
  transcript: string
  flow_name: string
  flow_description?: string | undefined
}

export interface PromptDraft {
  title: string
  summary: string
  tags: string[]
}

export function summarizeRequest(input: SummarizeInput): string {
  return [
    'Below is a conversation with an AI agent that works inside an automation flow.',
    `Flow: ${input.flow_name}`,
    `What the flow does: ${input.flow_description || '(not described)'}`,
    '',
    'Distil it into a prompt template someone could reuse for the same kind of job:',
    '- title: a short name, 60 characters at most',
    '- summary: the prompt itself, with {{variable}} placeholders wherever the content would change between uses',
    '- tags: up to 5 short lowercase keywords',
    '',
    'Reply with exactly one JSON object and nothing else: {"title": "...", "summary": "...", "tags": ["..."]}',
    '',
    '--- conversation ---',
    input.transcript,
    '--- end of conversation ---',
  ].join('\n')
}

/** Reads the CLI's answer: JSON (possibly fenced) or, failing that, the raw text. */
export function parseDraft(output: string, flowName: string): PromptDraft {
  let text = output.trim()
  while (text.startsWith('```json')) text = text.slice(7)
  while (text.startsWith('```')) text = text.slice(3)
  while (text.endsWith('```')) text = text.slice(0, -3)
  text = text.trim()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { title: `Prompt from ${flowName}`, summary: output.trim(), tags: [] }
  }
  const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  return {
    title: typeof fields.title === 'string' ? fields.title : 'Untitled Prompt',
    summary: typeof fields.summary === 'string' ? fields.summary : output,
    tags: Array.isArray(fields.tags) ? fields.tags.filter((tag): tag is string => typeof tag === 'string') : [],
  }
}

export async function summarizeTranscript(input: SummarizeInput, runtime: ClaudeRuntime, cwd: string): Promise<PromptDraft> {
  let child
  try {
    child = await startClaude(runtime, [...SUMMARIZE_ARGS], cwd)
  } catch (error) {
    throw new HttpError(500, `failed to spawn claude: ${(error as Error).message}`)
  }
  const lines: string[] = []
  child.onStdout((line) => lines.push(line))
  try {
    await child.write(summarizeRequest(input))
    child.endInput()
  } catch (error) {
    await child.kill()
    throw new HttpError(500, `stdin write failed: ${(error as Error).message}`)
  }
  const timer = setTimeout(() => void child.kill(), runtime.turnTimeoutMs)
  const exit = await child.exited
  clearTimeout(timer)
  if (exit.code !== 0) throw new HttpError(500, `claude exited with ${exit.signal ? `signal: ${exit.signal}` : `exit status: ${exit.code}`}`)
  return parseDraft(lines.join('\n'), input.flow_name)
}
