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
    build: {
      minify: true,
      rollupOptions: {
        input: resolve('src-renderer/index.html'),
        // The canvas is the first screen, so React and the flow canvas load at
        // once either way; as chunks of their own they download in parallel and
        // none passes Vite's 500 kB warning. (Other screens load on first use.)
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
              { name: 'canvas', test: /[\\/]node_modules[\\/](@xyflow|d3-[a-z]+|classcat)[\\/]/ },
            ],
          },
        },
      },
    },
  },
})
