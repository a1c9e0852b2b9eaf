import type { HealthStatus } from './useHealth'
import { ConnectionStatus } from './ConnectionStatus'

export function Header({ health }: { health: HealthStatus }) {
  return (
    <header className="app-header">
      <h1 className="brand">Shoggoth</h1>
      <ConnectionStatus status={health} />
    </header>
  )
}
