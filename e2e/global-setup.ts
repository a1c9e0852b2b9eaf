import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './paths'

/** Build once per run so every test starts the server from fresh output. */
export default function globalSetup(): void {
  if (process.env['SHOGGOTH_SKIP_BUILD'] === '1') {
    console.log('SHOGGOTH_SKIP_BUILD=1: using the existing out/ build')
  } else {
    const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' })
    if (result.error) throw result.error
    if (result.status !== 0) throw new Error(`electron-vite build failed with exit code ${result.status}`)
  }
  for (const file of ['out/main/serve.js', 'out/renderer/index.html']) {
    if (!existsSync(join(repoRoot, file))) throw new Error(`${file} is missing; build with \`npx electron-vite build\``)
  }
}
