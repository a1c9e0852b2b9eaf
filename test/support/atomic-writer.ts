// Child process for the atomic-write test: rewrites one file with ever new
// versions through writeFileAtomic and kills itself (SIGKILL) during write
// number `at`, after `hops` turns of its event loop — between any two steps of
// the write (open, each chunk, fsync, rename, directory fsync), as chosen.
import { writeFileAtomic } from '../../src-main/storage/atomic-file'

const [path, sizeText, atText, hopsText] = process.argv.slice(2)

/** A version is whole when its header, body length and trailer agree. */
export function versionText(version: number, bytes: number): string {
  return `version ${version}\n${String(version % 10).repeat(bytes)}\nend ${version}\n`
}

function killAfter(hops: number): void {
  if (hops <= 0) process.kill(process.pid, 'SIGKILL')
  else setImmediate(() => killAfter(hops - 1))
}

async function main(size: number, at: number, hops: number): Promise<void> {
  for (let version = 1; ; version++) {
    process.stdout.write(`writing ${version}\n`)
    if (version === at) killAfter(hops)
    await writeFileAtomic(path!, versionText(version, size))
  }
}

if (path !== undefined) void main(Number(sizeText), Number(atText), Number(hopsText))
