/**
 * Child process for the store's crash test: `store-child.ts <file> <label> <crash>` opens the store,
 * writes one region labelled <label>, and snapshots it; with crash=1 the writer thread kills the process
 * after the temp file is durable and before the rename.
 */
import { openLocalStore } from '../store/local-store.js'
import { silentLog } from '../log.js'
import { sampleRegion } from './records.js'

const [file, label, crash] = process.argv.slice(2)
const store = await openLocalStore({
  file: file!,
  log: silentLog,
  persistDelayMs: 1e9,
  crashBeforeRename: crash === '1',
})
store.applyPage(
  'reference',
  [{ entity: 'region', op: 'upsert', id: '321202', value: sampleRegion('321202', label!) }],
  label === 'v1' ? '1' : '2',
)
await store.flush()
console.log('flushed')
await store.close()
