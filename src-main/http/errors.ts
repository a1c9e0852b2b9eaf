// One error type for every failure a client can be told about. The error
// handler turns it (and Fastify's own errors) into `{"error": "..."}`.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const notFound = (what: string) => new HttpError(404, what)
export const invalidId = () => new HttpError(400, 'invalid id')

/** Wraps a storage failure in the 500 the contract names, e.g. "failed to save flow: …". */
export async function storageStep<T>(what: string, step: () => Promise<T>, passThrough?: new (...args: never[]) => Error): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (passThrough && error instanceof passThrough) throw error
    throw new HttpError(500, `${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
