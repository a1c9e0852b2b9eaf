// Reading requests: path ids checked before any filesystem use, JSON bodies
// parsed and validated so that failures carry the contract's status codes.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { describeIssues } from '../schema'
import { isSafeId } from '../storage/ids'
import { HttpError, invalidId } from './errors'

export function safeId(value: string | undefined): string {
  if (value === undefined || !isSafeId(value)) throw invalidId()
  return value
}

/** `application/json` or `application/<x>+json`, parameters allowed. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  const media = header.split(';', 1)[0]!.trim().toLowerCase()
  return media === 'application/json' || (media.startsWith('application/') && media.endsWith('+json'))
}

function bodyText(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : ''
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    // V8 quotes the input in its message; keep only the reason and position.
    const reason = error instanceof Error ? error.message.replace(/, ".*" is not valid JSON$/s, '') : 'invalid JSON'
    throw new HttpError(400, `failed to parse the request body as JSON: ${reason}`)
  }
}

function validate<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json, { reportInput: true })
  if (!result.success) throw new HttpError(422, `invalid request body: ${describeIssues(result.error)}`)
  return result.data
}

/** A required JSON body: 415 without a JSON content type, 400 if unparsable, 422 naming the field. */
export function jsonBody<S extends z.ZodType>(request: FastifyRequest, schema: S): z.output<S> {
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new HttpError(415, 'expected a request with Content-Type: application/json')
  }
  const text = bodyText(request)
  if (text.trim() === '') throw new HttpError(400, 'failed to parse the request body as JSON: the body is empty')
  return validate(schema, parseJsonText(text))
}

/** An optional JSON body: an absent or empty body means "not given". */
export function optionalJsonBody<S extends z.ZodType>(request: FastifyRequest, schema: S): z.output<S> | undefined {
  const text = bodyText(request)
  if (text.trim() === '') return undefined
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new HttpError(415, 'expected a request with Content-Type: application/json')
  }
  return validate(schema, parseJsonText(text))
}

/** Sends an already serialized JSON document. */
export function sendJsonText(reply: FastifyReply, status: number, json: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(json)
}
