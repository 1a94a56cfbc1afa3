/**
 * Child process for the sync crash test: `sync-child.ts <file> <centralUrl> <pageSize> <killAfter>`
 * syncs into the store; after page <killAfter> it snapshots and prints the two cursors, and while
 * applying the next page it is killed (SIGKILL) — after that page is committed in memory, before any
 * snapshot of it.
 */
import { openLocalStore } from '../local-store.js'
import { silentLog } from '../log.js'
import { createSyncService } from '../sync-service.js'

const [file, centralUrl, pageSize, killAfter] = process.argv.slice(2)
const store = await openLocalStore({
  file: file!,
  log: silentLog,
  persistDelayMs: 1e9,
  maxPersistDelayMs: 1e9,
})
let pages = 0
const sync = createSyncService({
  store,
  centralUrl: centralUrl!,
  log: silentLog,
  pageSize: Number(pageSize),
  async onPage() {
    pages++
    if (pages === Number(killAfter)) {
      await store.flush()
      console.log(`flushed ${store.cursor('reference')} ${store.cursor('components')}`)
    } else if (pages === Number(killAfter) + 1) {
      process.kill(process.pid, 'SIGKILL')
    }
  },
})
await sync.run()
console.log('finished without being killed')
