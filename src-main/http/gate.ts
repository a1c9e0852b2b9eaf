// Where API requests wait while the app loads its stored data after it began
// listening. Once open, passing costs one check; if loading failed, every
// request is told why with a 503 instead of seeing empty lists.
import { HttpError } from './errors'

type Pass = (error?: Error) => void

export class Gate {
  private state: 'loading' | 'open' | 'failed' = 'loading'
  private failure: Error | null = null
  private waiting: Pass[] = []
  private resolve!: () => void
  private reject!: (error: Error) => void
  /** Settles with the gate: resolves when it opens, rejects with the load failure. */
  readonly promise: Promise<void>

  constructor() {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve
      this.reject = reject
    })
    // Whoever needs the outcome awaits it; an unobserved failure must not end the process.
    this.promise.catch(() => undefined)
  }

  readonly open = (): void => {
    if (this.state !== 'loading') return
    this.state = 'open'
    this.resolve()
    for (const pass of this.waiting.splice(0)) pass()
  }

  readonly fail = (error: unknown): void => {
    if (this.state !== 'loading') return
    this.state = 'failed'
    this.failure = error instanceof Error ? error : new Error(String(error))
    this.reject(this.failure)
    for (const pass of this.waiting.splice(0)) pass(this.refusal())
  }

  /** Lets a request through now, once loading is done, or with the 503 of a failed load. */
  pass(done: Pass): void {
    if (this.state === 'open') return done()
    if (this.state === 'failed') return done(this.refusal())
    this.waiting.push(done)
  }

  private refusal(): HttpError {
    return new HttpError(503, `the app could not load its data: ${this.failure!.message}`)
  }
}
