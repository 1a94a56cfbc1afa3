/**
 * @module contracts/bridge
 * The workstation bridge contract (`window.cityloop`): the CityLoopBridge interface (bridge.ts), its
 * payloads by group (settings.ts, map.ts, cases.ts, shapes.ts), `Result` (result.ts), the method and
 * event names with their channels (channels.ts), each method's argument schemas (params.ts) and the one
 * client factory (client.ts). Browser mode's HTTP transport (http-transport.ts) is imported by path.
 * The preload and the page's client import client.ts and channels.ts directly, which need no schemas.
 */
export * from './bridge.js'
export * from './cases.js'
export * from './channels.js'
export * from './client.js'
export * from './map.js'
export * from './params.js'
export * from './result.js'
export * from './settings.js'
export * from './shapes.js'
