import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// One build for three targets. The main bundle has two entries: the Electron
// window (index) and the headless server (serve) — both start the same backend.
export default defineConfig({
  main: {
    build: {
      // feed-worker: the worker thread that parses feeds (integrations/feed-pool.ts) needs a file of its own.
      lib: { entry: { index: resolve('src-main/index.ts'), serve: resolve('src-main/serve.ts'), 'feed-worker': resolve('src-main/integrations/feed-worker.ts') } },
    },
  },
  preload: {
    build: {
      lib: { entry: resolve('src-preload/index.ts') },
      // A sandboxed preload cannot be an ES module.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    // Relative asset URLs: the backend serves the renderer under /app/.
    base: './',
    plugins: [react()],
    build: { minify: true, rollupOptions: { input: resolve('src-renderer/index.html') } },
  },
})
