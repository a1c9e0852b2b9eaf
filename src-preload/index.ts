// The bridge between the sandboxed renderer and the main process: one small
// typed object. Only types come from the main side, so the two cannot drift.
import { contextBridge, ipcRenderer } from 'electron'
import { CONNECTION_CHANNEL, type Connection, type ShoggothBridge } from '../src-main/contract/bridge'

const bridge: ShoggothBridge = {
  connection: () => ipcRenderer.invoke(CONNECTION_CHANNEL) as Promise<Connection>,
}

contextBridge.exposeInMainWorld('shoggoth', bridge)
