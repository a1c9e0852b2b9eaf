// The bridge between the sandboxed renderer and the main process: one small
// typed object. Only types come from the main side, so the two cannot drift.
// Streams run here (fetch + eventsource-parser), with the token the main
// process hands over; the page never builds a URL with the token in it.
import { contextBridge, ipcRenderer } from 'electron'
import {
  CONNECTION_CHANNEL,
  NOTIFY_CHANNEL,
  type Connection,
  type NotifyRequest,
  type ShoggothBridge,
} from '../src-main/contract/bridge'
import { createStreamOpener } from './bridge'

let connection: Promise<Connection> | null = null
// The backend does not move while the window lives: ask once.
const connect = (): Promise<Connection> => (connection ??= ipcRenderer.invoke(CONNECTION_CHANNEL) as Promise<Connection>)

const bridge: ShoggothBridge = {
  connection: connect,
  openStream: createStreamOpener(connect),
  notify: (request: NotifyRequest) => ipcRenderer.invoke(NOTIFY_CHANNEL, { title: request.title, body: request.body }) as Promise<boolean>,
}

contextBridge.exposeInMainWorld('shoggoth', bridge)
