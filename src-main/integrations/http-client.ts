// The connection pool every integration's requests go through: undici's own
// request API rather than fetch. With fifty feeds fetched at once, fetch's web
// streams and Request objects cost the main thread more than parsing the feeds
// did; undici's plain API does the same HTTP work with less. Redirects are
// followed, as fetch does (compressed bodies are decoded in http-decode.ts).
// undici is loaded on first use: it takes a noticeable time to load and most
// starts make no request.
import { createRequire } from 'node:module'
import type { Dispatcher } from 'undici'

type Undici = typeof import('undici')

/** As many redirects as fetch follows. */
const MAX_REDIRECTS = 20
/** The contract's connect timeout (§12.2). */
const CONNECT_TIMEOUT_MS = 10_000

let undici: Undici | undefined
let pool: Dispatcher | undefined

export function httpClient(): { undici: Undici; pool: Dispatcher } {
  undici ??= createRequire(import.meta.url)('undici') as Undici
  pool ??= new undici.Agent({ connect: { timeout: CONNECT_TIMEOUT_MS } }).compose(undici.interceptors.redirect({ maxRedirections: MAX_REDIRECTS }))
  return { undici, pool }
}
