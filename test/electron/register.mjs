// `node --import ./test/electron/register.mjs out/main/index.js` runs the built
// Electron main process under plain Node, with `electron` resolved to a stub.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
