#!/usr/bin/env node
// The central API's command line. The server is written in TypeScript and run through tsx, so a fresh
// clone needs no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli.ts')
process.exitCode = await main(process.argv.slice(2))
