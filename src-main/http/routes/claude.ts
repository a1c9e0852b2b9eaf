// POST /claude (§4.2): a raw one-shot `claude --print` whose output lines are
// streamed as unnamed SSE events, then stderr lines, then `done`.
import { resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { rawPromptArgs } from '../../agent/claude-command'
import type { ClaudeProcess } from '../../agent/claude-process'
import { startClaude, type ClaudeRuntime } from '../../agent/claude-runtime'
import { optional } from '../../schema'
import { jsonBody } from '../request'
import type { SseStreams } from '../sse'

const bodySchema = z.object({ prompt: z.string(), working_dir: optional(z.string()) })

export function claudeRoutes(api: FastifyInstance, runtime: ClaudeRuntime, streams: SseStreams, serverCwd: string): void {
  api.post('/claude', async (request, reply) => {
    const body = jsonBody(request, bodySchema)
    let child: ClaudeProcess | null = null
    let failure: string | null = null
    try {
      child = await startClaude(runtime, rawPromptArgs(body.prompt), resolve(serverCwd, body.working_dir ?? '.'), { stdin: 'ignore', removeClaudeCode: true })
    } catch (error) {
      failure = (error as Error).message
    }
    const stream = streams.start(reply)
    let id = 1
    if (!child) {
      stream.send({ data: `error: failed to spawn claude: ${failure}`, id: id++ })
      return stream.close()
    }
    const running = child
    const stderr: string[] = []
    running.onStdout((line) => stream.send({ data: line, id: id++ }))
    running.onStderr((line) => stderr.push(line))
    // Nobody is listening any more: the one-shot process has no reason to go on.
    stream.onClose(() => void running.kill())
    const timer = setTimeout(() => void running.kill(), runtime.turnTimeoutMs)
    const exit = await running.exited
    clearTimeout(timer)
    for (const line of stderr) stream.send({ event: 'stderr', data: line, id: id++ })
    stream.send({ event: 'done', data: `exit: ${exit.signal ? `signal: ${exit.signal}` : `exit status: ${exit.code}`}`, id: id++ })
    stream.close()
  })
}
