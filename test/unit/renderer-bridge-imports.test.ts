// The renderer takes only types from contract/bridge: its values (the IPC
// channel names) are for the main process and the preload, and a value import
// would pull main-side code into the page's bundle.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, it } from 'vitest'

const RENDERER = resolve('src-renderer/src')
const SPECIFIER = String.raw`['"][^'"]*contract\/bridge(?:\.ts)?['"]`
/** `import … from`, `export … from`, `import '…'` and `import('…')` of contract/bridge. */
const STATEMENT = new RegExp(String.raw`\b(?:import|export)\b[^;'"]*?\bfrom\s*${SPECIFIER}|\bimport\s*\(?\s*${SPECIFIER}`, 'g')
const TYPES_ONLY = /^(?:import|export)\s+type\s/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

it('the renderer imports contract/bridge for its types only', () => {
  const imports = sourceFiles(RENDERER).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    const statements = [...text.matchAll(STATEMENT)].map((match) => match[0].replace(/\s+/g, ' '))
    // A mention the pattern does not understand counts as a value import, so it is looked at.
    const mentions = [...text.matchAll(new RegExp(SPECIFIER, 'g'))].length
    return [...statements, ...Array<string>(mentions - statements.length).fill('(unrecognised)')].map((statement) => ({ file: file.slice(RENDERER.length + 1), statement }))
  })
  expect(imports.length).toBeGreaterThan(0)
  // `import { type A }` still loads the module under verbatimModuleSyntax: only `import type` does not.
  expect(imports.filter(({ statement }) => !TYPES_ONLY.test(statement))).toEqual([])
})
