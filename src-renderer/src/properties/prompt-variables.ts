// The {{variables}} a prompt can use (contract §9.2, webhook and PR-review runs in src-main).

export interface PromptVariable {
  name: string
  description: string
}

export interface VariableGroup {
  title: string
  variables: PromptVariable[]
}

export const VARIABLE_GROUPS: VariableGroup[] = [
  {
    title: 'Every run',
    variables: [
      { name: 'content', description: 'The fetched and filtered items, numbered' },
      { name: 'item_count', description: 'How many items there are' },
      { name: 'timestamp', description: 'Now, as YYYY-MM-DD HH:MM UTC' },
      { name: 'market_data', description: 'A snapshot of crypto and stock prices, fetched when used' },
      { name: 'webhook_payload', description: 'The body POSTed to the webhook trigger' },
    ],
  },
  {
    title: 'Pull request reviews',
    variables: [
      { name: 'repo', description: 'owner/repo' },
      { name: 'pr_number', description: 'The pull request number' },
      { name: 'pr_title', description: 'Its title' },
      { name: 'pr_body', description: 'Its description' },
      { name: 'base_ref', description: 'The branch it merges into' },
      { name: 'head_ref', description: 'Its branch' },
      { name: 'head_sha', description: 'The commit under review' },
      { name: 'diff', description: 'The diff, or a manifest of chunk files when too large' },
      { name: 'local_path', description: 'The local checkout' },
      { name: 'review_type', description: 'initial, or re-review after a push' },
    ],
  },
]

/** The text with `insert` replacing the selection [start, end), and where the caret goes after it. */
export function insertText(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length }
}
