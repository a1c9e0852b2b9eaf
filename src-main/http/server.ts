// Assembles the HTTP server: pre-routing guard, body handling, JSON errors
// everywhere (§15.2), 404 and 405 with `Allow`, the token-protected API scope,
// and the public renderer under /app/.
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import FindMyWay, { type HTTPMethod } from 'find-my-way'
import type { Logger } from '../log'
import { tokenCheck } from './auth'
import { answerClientError, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './client-errors'
import { APP_CSP } from './csp'
import { HttpError } from './errors'
import type { Gate } from './gate'
import { looksLikeJson, MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth'
import { guardRequest, type GuardPolicy } from './guard'

export const BODY_LIMIT = 2 * 1024 * 1024
export const APP_PREFIX = '/app/'

export interface HttpServerOptions {
  policy: GuardPolicy
  /** null disables the token check (--insecure-no-token). */
  token: string | null
  /** Built renderer to serve at /app/; skipped when absent. */
  rendererDir: string | null
  log: Logger
  /** Registers the token-protected API routes. */
  routes: (api: FastifyInstance) => void
  /** Registers routes that need no token (e.g. /health). */
  publicRoutes: (app: FastifyInstance) => void
  /** A request (headers and body) must arrive whole within this; an SSE response may last forever. */
  requestTimeoutMs?: number | undefined
  headersTimeoutMs?: number | undefined
  /** API requests wait here until stored data is loaded (absent: never wait). */
  ready?: Gate
}

const METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']

export function buildHttpServer(options: HttpServerOptions): FastifyInstance {
  const { policy, log } = options
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 1000 },
    serverFactory: (handler) =>
      createServer(serverTimeouts(options), (req: IncomingMessage, res: ServerResponse) => {
        if (!guardRequest(req, res, policy)) handler(req, res)
      }),
    clientErrorHandler: answerClientError,
    // Malformed URLs (bad percent-encoding) are refused before routing.
    frameworkErrors: (error, _request, reply) => {
      const message = error.code === 'FST_ERR_BAD_URL' ? 'invalid percent-encoding in path' : error.message
      void (reply as FastifyReply).code(400).send({ error: message })
    },
  })

  // Every route is mirrored in a method-less table, so a known path with the
  // wrong method can answer 405 with the methods it does have.
  const known = FindMyWay()
  app.addHook('onRoute', (route) => {
    if (route.config?.refusesMethod) return
    for (const method of [route.method].flat()) {
      if (METHODS.includes(method as HTTPMethod) && !known.hasRoute(method as HTTPMethod, route.url)) {
        known.on(method as HTTPMethod, route.url, () => undefined)
      }
    }
  })

  // Bodies are buffered as text (up to the limit) whatever their type; each
  // route decides what it accepts (see request.ts), so 415 is route-specific.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string
    if (looksLikeJson(text, request.headers['content-type']) && nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(new HttpError(422, `invalid request body: JSON nested deeper than ${MAX_JSON_DEPTH} levels`), undefined)
    }
    done(null, text)
  })

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => sendError(reply, error, log, request.routeOptions.bodyLimit ?? BODY_LIMIT))

  const requireToken = options.token === null ? null : tokenCheck(options.token)

  const hasUi = options.rendererDir !== null && existsSync(options.rendererDir)
  app.setNotFoundHandler(async (request: FastifyRequest, reply) => {
    const path = request.url.split('?', 1)[0]!
    // A browser opened at the bare address is shown the app; API clients still get the contract's 404.
    if (hasUi && path === '/' && request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')) return reply.redirect(APP_PREFIX, 302)
    // A missing UI file is a plain 404; anything else needs the token first.
    if (!path.startsWith(APP_PREFIX)) requireToken?.(request)
    const allow = METHODS.filter((method) => known.find(method, path) !== null)
    // A route for this very method that found nothing (e.g. a missing UI file) is a 404.
    if (allow.length > 0 && !allow.includes(request.method as HTTPMethod)) throw new HttpError(405, `method ${request.method} not allowed`, { allow: allow.join(', ') })
    throw new HttpError(404, 'not found')
  })

  options.publicRoutes(app)

  void app.register(async (api) => {
    // Callback style: no promise per request on the hottest hook.
    if (requireToken) {
      api.addHook('onRequest', (request, _reply, done) => {
        try {
          requireToken(request)
          done()
        } catch (error) {
          done(error as HttpError)
        }
      })
    }
    const gate = options.ready
    if (gate) api.addHook('onRequest', (_request, _reply, done) => gate.pass(done))
    options.routes(api)
  })

  if (options.rendererDir !== null && existsSync(options.rendererDir)) {
    void app.register(fastifyStatic, {
      root: options.rendererDir,
      prefix: APP_PREFIX,
      index: 'index.html',
      // CSP's frame-ancestors 'none' and, for browsers that predate it, X-Frame-Options: never framed.
      setHeaders: (reply) => {
        void reply.header('content-security-policy', APP_CSP)
        void reply.header('x-frame-options', 'DENY')
      },
    })
    app.get(APP_PREFIX.slice(0, -1), async (_request, reply) => reply.redirect(APP_PREFIX, 308))
  } else {
    log.warn('the built renderer was not found; the UI at /app/ is unavailable (run `npm run build`)')
  }
  return app
}

function serverTimeouts(options: HttpServerOptions): ServerOptions {
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const headersTimeout = Math.min(options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout)
  // Node checks for late requests on this interval (30 s by default): a fraction of the timeout.
  const connectionsCheckingInterval = Math.max(25, Math.min(1_000, Math.floor(headersTimeout / 4)))
  // Node's own Host check answers a bare 400 with no body: the guard answers it in JSON instead.
  return { requireHostHeader: false, requestTimeout, headersTimeout, connectionsCheckingInterval }
}

function sendError(reply: FastifyReply, error: FastifyError | HttpError, log: Logger, bodyLimit: number): FastifyReply {
  if (error instanceof HttpError) {
    return reply.code(error.status).headers(error.headers).send({ error: error.message })
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.code(413).send({ error: `request body is larger than ${bodyLimit / 1024 / 1024} MiB` })
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.code(415).send({ error: 'unsupported Content-Type' })
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message })
  log.error(`request failed: ${error.stack ?? error.message}`)
  return reply.code(500).send({ error: 'internal error' })
}
