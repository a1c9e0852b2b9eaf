import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDotEnv } from '../../src-main/dotenv'
import { makeTempDir } from '../support/temp-dir'

describe('loadDotEnv', () => {
  it('reads the nearest .env up the tree without overriding what is set', async () => {
    const root = await makeTempDir()
    const deep = join(root, 'a', 'b')
    await mkdir(deep, { recursive: true })
    await writeFile(join(root, '.env'), 'SLACK_WEBHOOK_URL=https://hooks.example/x\nPORT=9999\n# a comment\nQUOTED="two words"\n')
    const env: NodeJS.ProcessEnv = { PORT: '8081' }
    expect(loadDotEnv(deep, env)).toBe(join(root, '.env'))
    expect(env).toEqual({ PORT: '8081', SLACK_WEBHOOK_URL: 'https://hooks.example/x', QUOTED: 'two words' })
  })

  it('prefers the closest file', async () => {
    const root = await makeTempDir()
    await mkdir(join(root, 'inner'))
    await writeFile(join(root, '.env'), 'WHICH=outer\n')
    await writeFile(join(root, 'inner', '.env'), 'WHICH=inner\n')
    const env: NodeJS.ProcessEnv = {}
    loadDotEnv(join(root, 'inner'), env)
    expect(env.WHICH).toBe('inner')
  })
})
