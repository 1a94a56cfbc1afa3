// A JSON import, not a file read beside this module: bundled into electron/dist/main.mjs, the version comes
// along, wherever the app is installed.
import pkg from '../package.json' with { type: 'json' }

/** The workstation's version, from package.json. */
export const WORKSTATION_VERSION: string = pkg.version
