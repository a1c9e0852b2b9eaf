// Screenshots taken by e2e specs go to reports/screenshots/<name>.png (not
// tracked), so a test run never rewrites the README's images. `npm run
// screenshots` copies the ones the docs use into docs/screenshots/ on purpose.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { repoRoot } from './paths'

export const SCREENSHOT_DIR = join(repoRoot, 'reports', 'screenshots')

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' })
}
