// Loads the built preload (out/preload/index.cjs) the way a sandboxed
// renderer does: a fresh context with web APIs only, and a `require` that
// knows nothing but `electron` (stubbed: contextBridge and ipcRenderer).
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createContext, runInContext } from 'node:vm'

export const PRELOAD_CJS = resolve('out/preload/index.cjs')

export interface LoadedPreload {
  /** What the preload passed to contextBridge.exposeInMainWorld, by name. */
  exposed: Map<string, unknown>
  /** Every ipcRenderer.invoke, in order. */
  invoked: { channel: string; args: unknown[] }[]
  /** A message from the main process to the listeners the preload put on `channel`. */
  receive(channel: string, ...args: unknown[]): void
}

export interface PreloadOptions {
  /** Real ms per ms the preload waits: its stream timing is built in, so tests speed up its clock instead. */
  timeScale?: number
}

export function loadPreload(answers: Record<string, (...args: unknown[]) => unknown>, options: PreloadOptions = {}): LoadedPreload {
  if (!existsSync(PRELOAD_CJS)) throw new Error(`${PRELOAD_CJS} is missing: run \`npx electron-vite build\` first`)
  const exposed = new Map<string, unknown>()
  const invoked: { channel: string; args: unknown[] }[] = []
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>()
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value),
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args })
        const answer = answers[channel]
        if (!answer) throw new Error(`No handler registered for '${channel}'`)
        return answer(...args)
      },
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
      },
    },
  }
  const sandboxRequire = (name: string): unknown => {
    if (name === 'electron') return electron
    throw new Error(`module not found: ${name} (a sandboxed preload can only require electron)`)
  }
  const scale = options.timeScale ?? 1
  const scaledTimeout = (callback: () => void, ms = 0): ReturnType<typeof setTimeout> => setTimeout(callback, ms * scale)
  const module = { exports: {} }
  const context = createContext({
    require: sandboxRequire,
    module,
    exports: module.exports,
    // The web APIs a renderer has; deliberately no process, Buffer or global.
    fetch,
    Headers,
    Request,
    Response,
    AbortController,
    TextDecoder,
    TextEncoder,
    URL,
    URLSearchParams,
    ReadableStream,
    setTimeout: scale === 1 ? setTimeout : scaledTimeout,
    clearTimeout,
    console,
  })
  runInContext(readFileSync(PRELOAD_CJS, 'utf8'), context, { filename: PRELOAD_CJS })
  const receive = (channel: string, ...args: unknown[]): void => {
    for (const listener of listeners.get(channel) ?? []) listener({}, ...args)
  }
  return { exposed, invoked, receive }
}
