import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileWriteQueue, type FileChange } from '../../src-main/storage/write-queue'

/** An apply function whose writes finish only when the test says so. */
function controlledDisk() {
  const applied: { path: string; change: FileChange }[] = []
  const waiting: (() => void)[] = []
  const failNext = new Set<string>()
  const apply = (path: string, change: FileChange) =>
    new Promise<void>((resolve, reject) => {
      waiting.push(() => {
        if (failNext.delete(path)) return reject(new Error(`disk full: ${path}`))
        applied.push({ path, change })
        resolve()
      })
    })
  const finishOne = async () => {
    await Promise.resolve()
    const next = waiting.shift()
    if (!next) throw new Error('nothing in flight')
    next()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { applied, waiting, failNext, apply, finishOne }
}

const dataOf = (change: FileChange) => (change.kind === 'write' ? String(change.data) : '<removed>')

describe('FileWriteQueue', () => {
  it('writes one file in submission order, one write at a time', async () => {
    const disk = controlledDisk()
    const queue = new FileWriteQueue(disk.apply)
    const first = queue.write('/a', '1')
    expect(disk.waiting).toHaveLength(1)
    const second = queue.write('/a', '2')
    expect(disk.waiting).toHaveLength(1) // the second waits for the first
    await disk.finishOne()
    await first
    await disk.finishOne()
    await second
    expect(disk.applied.map((a) => dataOf(a.change))).toEqual(['1', '2'])
  })

  it('coalesces changes that pile up behind an in-flight write: the newest wins', async () => {
    const disk = controlledDisk()
    const queue = new FileWriteQueue(disk.apply)
    const settled: string[] = []
    const writes = ['1', '2', '3', '4'].map((data) => queue.write('/a', data).then(() => settled.push(data)))
    await disk.finishOne()
    await disk.finishOne()
    await Promise.all(writes)
    expect(disk.applied.map((a) => dataOf(a.change))).toEqual(['1', '4'])
    expect(settled.sort()).toEqual(['1', '2', '3', '4'])
    expect(disk.waiting).toHaveLength(0)
  })

  it('a removal queued after a write is not undone by it', async () => {
    const disk = controlledDisk()
    const queue = new FileWriteQueue(disk.apply)
    const write = queue.write('/a', '1')
    const remove = queue.remove('/a')
    await disk.finishOne()
    await disk.finishOne()
    await Promise.all([write, remove])
    expect(disk.applied.map((a) => dataOf(a.change))).toEqual(['1', '<removed>'])
  })

  it('different files are written independently', async () => {
    const disk = controlledDisk()
    const queue = new FileWriteQueue(disk.apply)
    void queue.write('/a', 'a')
    void queue.write('/b', 'b')
    expect(disk.waiting).toHaveLength(2)
    expect(queue.pendingFiles).toBe(2)
    await disk.finishOne()
    await disk.finishOne()
    expect(queue.pendingFiles).toBe(0)
  })

  it('reports a failed write to its callers and carries on with the next', async () => {
    const disk = controlledDisk()
    const queue = new FileWriteQueue(disk.apply)
    disk.failNext.add('/a')
    const failing = queue.write('/a', '1')
    const next = queue.write('/a', '2')
    await disk.finishOne()
    await expect(failing).rejects.toThrow('disk full')
    await disk.finishOne()
    await next
    expect(disk.applied.map((a) => dataOf(a.change))).toEqual(['2'])
  })

  it('drain waits for in-flight and queued changes', async () => {
    const disk = controlledDisk()
    const queue = new FileWriteQueue(disk.apply)
    void queue.write('/a', '1')
    void queue.write('/a', '2')
    let drained = false
    const drain = queue.drain().then(() => (drained = true))
    await disk.finishOne()
    expect(drained).toBe(false)
    await disk.finishOne()
    await drain
    expect(drained).toBe(true)
  })

  it('on a real disk: atomic replace, file mode, no temp files left, removal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shoggoth-queue-'))
    const queue = new FileWriteQueue()
    const path = join(dir, 'doc.json')
    await Promise.all(Array.from({ length: 50 }, (_, i) => queue.write(path, JSON.stringify({ i }))))
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ i: 49 })
    expect(await readdir(dir)).toEqual(['doc.json'])
    await queue.write(join(dir, 'secret'), 'x', 0o600)
    expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600)
    await queue.remove(path)
    expect(await readdir(dir)).toEqual(['secret'])
  })
})
