// Commands the real `claude` starts through its Bash tool run in sessions of
// their own (setsid), outside claude's process group. Whatever path ends the
// claude process — a stop, a delete, a cancel, a shutdown, a crash and the next
// start — must end those commands too (issue 11, item 1).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeEndings } from '../support/ending-tests'
import { openSse } from '../support/sse-client'

// What the user does, and the server's signals; test/integration/left-behind.test.ts has the rest.
const context = describeEndings([
  'a lead-agent stop',
  'a session delete during a turn',
  'a flow delete during a turn',
  'a run cancel',
  'a lead-agent turn that ends on its own, leaving a detached command',
  'SIGTERM of the server with a busy turn',
  'the next start after a SIGKILL of the server',
])

describe('the API token', { timeout: 120_000 }, () => {
  it('is not in the environment of claude nor of the tools it runs', async () => {
    const saved = process.env.SHOGGOTH_TOKEN
    process.env.SHOGGOTH_TOKEN = 'must-not-leak-0123456789abcdef'
    try {
      const s = await context().server()
      const body = { name: 'Token', nodes: [{ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: context().world.workDir }, position: { x: 0, y: 0 }, label: 'Exec' }] }
      const flowId = (await s.request('/api/flows', { method: 'POST', body })).json<{ id: string }>().id
      const turn = openSse(s.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: s.token, body: { prompt: 'env [[bash:echo "token=${SHOGGOTH_TOKEN:-none}"]]' } })
      await turn.waitFor('result', 60_000)
      const [pid] = s.backend.launcher.pids()
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain('SHOGGOTH_TOKEN')
      await turn.ended
      const text = turn.events.filter((e) => e.event === 'text_delta' || e.event === 'tool_result').map((e) => e.data).join('')
      expect(text).toContain('token=none')
      expect(text).not.toContain('must-not-leak')
    } finally {
      if (saved === undefined) delete process.env.SHOGGOTH_TOKEN
      else process.env.SHOGGOTH_TOKEN = saved
    }
  })
})
