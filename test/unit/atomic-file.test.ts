import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isTempFile, writeFileAtomic } from '../../src-main/storage/atomic-file'

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shoggoth-atomic-'))
    const path = join(dir, 'f.json')
    await writeFile(path, 'old')
    await writeFileAtomic(path, 'new')
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['f.json'])
  })

  it('keeps the old file whole when the new one cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shoggoth-atomic-'))
    const path = join(dir, 'f.json')
    await writeFile(path, 'old')
    await chmod(dir, 0o500)
    try {
      // As root, permission bits do not stop writes; a missing folder always fails.
      await expect(writeFileAtomic(join(dir, 'missing', 'f.json'), 'new')).rejects.toThrow()
    } finally {
      await chmod(dir, 0o700)
    }
    expect(await readFile(path, 'utf8')).toBe('old')
    expect((await readdir(dir)).filter(isTempFile)).toEqual([])
  })

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
