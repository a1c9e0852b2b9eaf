// Module resolve hook: `electron` becomes the recording stub, nothing else changes.
const STUB = new URL('./stub-electron.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STUB, shortCircuit: true, format: 'module' }
  return nextResolve(specifier, context)
}
