import { Component, type ReactNode } from 'react'
import { Banner } from './Banner'

interface State {
  error: Error | null
}

/** A screen that fails to load or render says so, with a retry, instead of blanking the window. */
export class ScreenBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override render(): ReactNode {
    if (this.state.error) {
      return <Banner kind="error" message={`This screen could not be shown: ${this.state.error.message}`} onRetry={() => window.location.reload()} onDismiss={() => this.setState({ error: null })} testId="screen-error" />
    }
    return this.props.children
  }
}
