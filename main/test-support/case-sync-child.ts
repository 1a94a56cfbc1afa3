/**
 * Child process for the case sync crash test: `case-sync-child.ts <file> <centralUrl> <token> <pageSize>
 * <killAfter>` syncs the cases stream into the store (reference data and components are already there);
 * after case page <killAfter> it snapshots and prints the cases cursor, and while applying the next case
 * page it is killed (SIGKILL) — after that page is committed in memory, before any snapshot of it.
 */
import { openLocalStore } from '../local-store.js'
import { silentLog } from '../log.js'
import { createSyncService } from '../sync-service.js'

const [file, centralUrl, token, pageSize, killAfter] = process.argv.slice(2)
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
  cases: { token: () => token, unauthorized: () => {}, closedBefore: () => 0 },
  async onPage(page) {
    if (page.stream !== 'cases') return
    pages++
    if (pages === Number(killAfter)) {
      await store.flush()
      console.log(`flushed ${store.cursor('cases')} ${store.counts().case}`)
    } else if (pages === Number(killAfter) + 1) {
      process.kill(process.pid, 'SIGKILL')
    }
  },
})
await sync.run()
console.log('finished without being killed')
