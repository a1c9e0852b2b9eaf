import { appBridge } from './connection'
import { createAppEvents } from './app-events'

/** The window's shared app-wide stream, through the app's bridge (the preload in Electron, the shim in a browser). */
export const followAppEvents = createAppEvents((path, handlers) => appBridge().openStream(path, handlers))
