import { useApi } from '../shell/ApiContext'
import { CopyField } from './CopyField'
import './settings.css'

/** A ready command line that lists the flows, with the token filled in. */
export function curlLine(apiBase: string, token: string | null): string {
  const url = `${apiBase.replace(/\/+$/, '')}/api/flows`
  return token ? `curl -H "Authorization: Bearer ${token}" ${url}` : `curl ${url}`
}

const mask = (token: string) => '•'.repeat(Math.min(token.length, 24))

/** The API base, the token and a curl line, for scripts and other tools. */
export function ApiAccessSection() {
  const { connection } = useApi()
  return (
    <section className="settings-section" aria-labelledby="settings-api">
      <h2 id="settings-api" className="settings-section__title">
        API access
      </h2>
      <p className="settings-hint">Scripts and other tools can use the same loopback API as this window. Keep the token private: it gives full access to your flows.</p>
      <CopyField label="API base" value={connection.apiBase} testId="settings-api-base" />
      {connection.token ? (
        <CopyField label="API token" value={connection.token} masked={mask(connection.token)} testId="settings-token" />
      ) : (
        <p className="settings-hint" data-testid="settings-no-token">
          This server runs without a token (<code>--insecure-no-token</code>): any program on this machine can call it.
        </p>
      )}
      <CopyField
        label="Try it with curl"
        value={curlLine(connection.apiBase, connection.token)}
        masked={connection.token ? curlLine(connection.apiBase, mask(connection.token)) : undefined}
        testId="settings-curl"
      />
    </section>
  )
}
