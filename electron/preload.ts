/**
 * The one preload: exposes exactly the CityLoopBridge as `window.cityloop` — the contract's own client
 * (createBridgeClient) over ipcRenderer: one `ipcRenderer.invoke` per method on its contract channel, and
 * `on` for the contract's events only. No generic send(channel), no Node, no Electron object crosses into
 * the page. Runs sandboxed, so it is bundled (electron/build.ts) into dist/preload.cjs with the contract
 * inlined.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
// client.ts and channels.ts directly: the preload needs no schemas (nor typebox) in its bundle.
import { EVENT_CHANNELS } from '../contracts/bridge/channels.js'
import { createBridgeClient } from '../contracts/bridge/client.js'
import type { Result } from '../contracts/bridge/result.js'

const bridge = createBridgeClient({
  async invoke(channel, args) {
    try {
      return (await ipcRenderer.invoke(channel, ...args)) as Result<unknown>
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: `the workstation did not answer ${channel}: ${String(error)}`,
        },
      }
    }
  },
  subscribe(event, listener) {
    const channel = EVENT_CHANNELS[event]
    // The page gets the payload only, never the IPC event (it holds the sender).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  },
})

contextBridge.exposeInMainWorld('cityloop', bridge)
