/**
 * Entry of the script browser mode injects ahead of the app (`/cityloop-bridge.js`, bundled by
 * main/web-host.ts): installs `window.cityloop` over HTTP + WebSocket.
 */
import { installBrowserBridge } from './http-transport.js'

installBrowserBridge()
