import type { ConnectionSource } from '../api/connection'

export type AuthProblem = 'missing' | 'rejected'

interface AuthNoticeProps {
  reason: AuthProblem
  source: ConnectionSource
}

/** Shown instead of the workspace when the API will not accept us. */
export function AuthNotice({ reason, source }: AuthNoticeProps) {
  return (
    <section className="auth-notice" role="alert" data-testid="auth-notice" aria-labelledby="auth-notice-title">
      <h2 id="auth-notice-title">{reason === 'missing' ? 'API token needed' : 'API token rejected'}</h2>
      <p>
        {reason === 'missing'
          ? 'This page can only talk to the Shoggoth server with the API token it prints when it starts.'
          : 'The Shoggoth server did not accept this page’s API token. It may have been restarted with a new one.'}
      </p>
      {source === 'url' ? (
        <p>
          Open the URL printed by <code>npm run serve</code>. It looks like{' '}
          <code>http://127.0.0.1:&lt;port&gt;/app/#token=…</code>
        </p>
      ) : (
        <p>Restart Shoggoth to get a fresh connection.</p>
      )}
    </section>
  )
}
