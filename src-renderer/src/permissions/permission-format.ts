// How a permission question reads on a card: the tool and, in one glance, what it wants.
import type { PermissionRequest, PermissionSettled } from '../../../src-main/contract/api'

export interface ToolAsk {
  /** e.g. "Run a command", "Edit a file". */
  action: string
  /** The command, the file path, or the input as formatted JSON. */
  detail: string
  /** True when `detail` is JSON (shown as a block rather than one line). */
  json: boolean
}

const FILE_TOOLS: Record<string, string> = {
  Edit: 'Edit a file',
  MultiEdit: 'Edit a file',
  Write: 'Write a file',
  Read: 'Read a file',
  NotebookEdit: 'Edit a notebook',
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

export function describeToolCall(tool: string, input: Record<string, unknown>): ToolAsk {
  const command = text(input.command)
  if (tool === 'Bash' && command !== null) return { action: 'Run a command', detail: command, json: false }
  const path = text(input.file_path) ?? text(input.notebook_path) ?? text(input.path)
  if (tool in FILE_TOOLS && path !== null) return { action: FILE_TOOLS[tool] ?? 'Use a file', detail: path, json: false }
  const url = text(input.url)
  if (tool === 'WebFetch' && url !== null) return { action: 'Fetch a page', detail: url, json: false }
  return { action: `Use ${tool}`, detail: JSON.stringify(input, null, 2), json: true }
}

/** One line for a settled question, e.g. "Allowed for this session" or "Denied: not here". */
export function outcomeText(settled: PermissionSettled): string {
  switch (settled.outcome) {
    case 'allowed':
      return settled.scope === 'session' ? 'Allowed for this session' : settled.scope === 'always' ? 'Always allowed' : 'Allowed once'
    case 'denied':
      return settled.message ? `Denied: ${settled.message}` : 'Denied'
    case 'timed_out':
      return settled.message ? `Timed out: ${settled.message}` : 'Timed out: nobody answered'
    case 'cancelled':
      return 'Cancelled: the turn or run ended first'
  }
}

/** Where a question comes from: "Flow name · node · chat" or "… · run". */
export function originText(request: PermissionRequest, flowName: string | undefined, nodeLabel: string | undefined): string {
  const flow = flowName ?? `flow ${request.flow_id.slice(0, 8)}`
  const node = nodeLabel ?? request.node_id ?? 'lead agent'
  const where = request.run_id !== null ? 'run' : 'chat'
  return `${flow} · ${node} · ${where}`
}

/** The desktop notification's title and body for a new question. */
export function notificationFor(request: PermissionRequest): { title: string; body: string } {
  const ask = describeToolCall(request.tool_name, request.input)
  const detail = ask.json ? (request.description ?? request.tool_name) : ask.detail
  return { title: `Claude asks: ${ask.action}`, body: `${request.tool_name}: ${detail}` }
}
