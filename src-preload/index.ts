// The bridge between the sandboxed renderer and the main process: one small
// typed object. Only types come from the main side, so the two cannot drift.
// Streams run here (fetch + eventsource-parser), with the token the main
// process hands over; the page never builds a URL with the token in it.
import { contextBridge, ipcRenderer } from 'electron'
import {
  CONNECTION_CHANNEL,
  NOTIFY_CHANNEL,
  NOTIFY_CLICKED_CHANNEL,
  type Connection,
  type NotifyMessage,
  type NotifyRequest,
  type ShoggothBridge,
} from '../src-main/contract/bridge'
import { createStreamOpener } from './bridge'
import { createClickBook } from './click-book'

let connection: Promise<Connection> | null = null
// The backend does not move while the window lives: ask once.
const connect = (): Promise<Connection> => (connection ??= ipcRenderer.invoke(CONNECTION_CHANNEL) as Promise<Connection>)

const bridge: ShoggothBridge = {
  connection: connect,
  openStream: createStreamOpener(connect),
  notify: (request: NotifyRequest, onClick?: () => void) => {
    const message: NotifyMessage = { title: request.title, body: request.body }
    if (typeof onClick === 'function') message.clickId = clicks.remember(onClick)
    return ipcRenderer.invoke(NOTIFY_CHANNEL, message) as Promise<boolean>
  },
}

// The main process names a clicked notification by the number it was shown with.
const clicks = createClickBook()
ipcRenderer.on(NOTIFY_CLICKED_CHANNEL, (_event, clickId: unknown) => clicks.clicked(clickId))

contextBridge.exposeInMainWorld('shoggoth', bridge)
