import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { isTempFile, writeFileAtomic } from '../../src-main/storage/atomic-file'
import { versionText } from '../support/atomic-writer'

/** Runs the writer child until it kills itself `hops` event-loop turns into write number `at`; returns the last write it began. */
function killDuringWrite(path: string, size: number, at: number, hops: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/support/atomic-writer.ts'), path, String(size), String(at), String(hops)], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((done, fail) => {
    let announced = 0
    createInterface({ input: child.stdout! }).on('line', (line) => (announced = Number(line.split(' ')[1])))
    child.on('error', fail)
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done(announced) : fail(new Error(`the writer ended with ${signal ?? _code}, not killed`))))
  })
}

/** The version a file holds if it is whole, else null. */
function wholeVersion(text: string, size: number): number | null {
  const version = Number(/^version (\d+)\n/.exec(text)?.[1] ?? NaN)
  return Number.isInteger(version) && text === versionText(version, size) ? version : null
}

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shoggoth-atomic-'))
    const path = join(dir, 'f.json')
    await writeFile(path, 'old')
    await writeFileAtomic(path, 'new')
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['f.json'])
  })

  it('leaves the old or the new file, never a torn one, when the writer is killed midway', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shoggoth-atomic-'))
    const path = join(dir, 'f.json')
    const size = 4 * 1024 * 1024
    await writeFile(path, versionText(0, size))
    let newer = 0
    // Every stage of a write gets killed: 4 MiB goes out in several chunks, then fsync, rename, directory fsync.
    for (let round = 0; round < 12; round++) {
      const before = await readFile(path, 'utf8')
      const announced = await killDuringWrite(path, size, 1 + (round % 2), round)
      const after = await readFile(path, 'utf8')
      const version = wholeVersion(after, size)
      expect(version, `round ${round}: torn file of ${after.length} bytes`).not.toBeNull()
      // Either what was there before, or one of the versions the child wrote.
      expect(after === before || (version! >= 1 && version! <= announced)).toBe(true)
      if (after !== before) newer++
    }
    // Kills late in a write or in a later one let new versions through.
    expect(newer).toBeGreaterThan(0)
    // Temp files of killed writes stay behind for the loader to sweep.
    expect((await readdir(dir)).filter((name) => name !== 'f.json').every(isTempFile)).toBe(true)
  }, 60_000)

  it('names temp files so the loader can recognise and sweep them', () => {
    expect(isTempFile('.f.json.123.abcdef.tmp')).toBe(true)
    expect(isTempFile('f.json')).toBe(false)
    expect(isTempFile('notes.tmp')).toBe(false)
  })
})

describe('removeFileDurably', () => {
  it('is done when the file is gone, even with its folder', async () => {
    const { removeFileDurably } = await import('../../src-main/storage/atomic-file')
    const dir = await mkdtemp(join(tmpdir(), 'shoggoth-remove-'))
    await expect(removeFileDurably(join(dir, 'gone', 'x.json'))).resolves.toBeUndefined()
  })
})
