// Big diffs do not go into a prompt whole (§10.3): they are split per file and
// the prompt gets a table pointing at the pieces. Pure.

export interface FileDiff {
  path: string
  text: string
}

/** Splits a unified diff at each `diff --git a/… b/…` header. */
export function splitDiff(diff: string): FileDiff[] {
  const parts: FileDiff[] = []
  for (const chunk of diff.split(/^(?=diff --git )/m)) {
    if (!chunk.startsWith('diff --git ')) continue
    const header = /^diff --git a\/(\S+) b\/(\S+)/.exec(chunk)
    parts.push({ path: header?.[2] ?? header?.[1] ?? 'unknown', text: chunk })
  }
  return parts
}

/** File name of a piece: the path with `/` replaced by `__`. */
export function chunkName(path: string): string {
  return `${path.replace(/\//g, '__')}.diff`
}

export function manifest(files: FileDiff[], dir: string): string {
  const rows = files.map((file) => `| ${file.path} | ${Buffer.byteLength(file.text)} | ${dir}/${chunkName(file.path)} |`)
  return [
    `The diff is too large to include inline; it was split into one file per changed path in ${dir}.`,
    'Read the pieces you need:',
    '',
    '| File | Bytes | Diff file |',
    '|------|-------|-----------|',
    ...rows,
  ].join('\n')
}
