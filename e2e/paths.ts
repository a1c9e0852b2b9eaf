import { fileURLToPath } from 'node:url'

/** The repository root: the server, build and screenshots are all found relative to it. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url))
