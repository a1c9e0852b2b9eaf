// Bearer-token check (§15.1). Event-stream GET routes may also take `?token=`
// because a browser EventSource cannot set headers; routes opt in through
// their config.
import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { HttpError } from './errors'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Accept the token as a `token` query parameter (GET event streams only). */
    tokenInQuery?: boolean
    /** A route that only answers 405 (it does not count as a method the path has). */
    refusesMethod?: boolean
  }
}

export function tokensEqual(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given)
  return bytes.length === expected.length && timingSafeEqual(bytes, expected)
}

function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    return match?.[1]
  }
  if (request.method === 'GET' && request.routeOptions.config.tokenInQuery === true) {
    const token = (request.query as Record<string, unknown> | undefined)?.token
    return typeof token === 'string' ? token : undefined
  }
  return undefined
}

/** A check that throws 401 unless the request carries the token. */
export function tokenCheck(token: string): (request: FastifyRequest) => void {
  const expected = Buffer.from(token)
  return (request) => {
    const given = presentedToken(request)
    if (given === undefined || !tokensEqual(given, expected)) throw new HttpError(401, 'missing or invalid token')
  }
}
