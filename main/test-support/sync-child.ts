/**
 * Child process for the sync crash tests: `sync-child.ts <file> <centralUrl> <stream> <pageSize> <killAfter>
 * [token]` syncs into the store (with a token, the cases stream too); after page <killAfter> of <stream>
 * (`all`: of any stream) it snapshots and prints `flushed <JSON: cursors and counts>`, and while applying the
 * next such page it is killed (SIGKILL) — after that page is committed in memory, before any snapshot of it.
 */
import { silentLog } from '../log.js'
import { openLocalStore } from '../store/local-store.js'
import { createSyncService } from '../sync/sync-service.js'

const [file, centralUrl, stream, pageSize, killAfter, token] = process.argv.slice(2)
if (!['all', 'reference', 'components', 'cases'].includes(stream ?? ''))
  throw new Error(`stream: all, reference, components or cases, not ${stream}`)
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
  ...(token ? { cases: { token: () => token, unauthorized: () => {}, closedBefore: () => 0 } } : {}),
  async onPage(page) {
    if (stream !== 'all' && page.stream !== stream) return
    pages++
    if (pages === Number(killAfter)) {
      await store.flush()
      const cursors = {
        reference: store.cursor('reference'),
        components: store.cursor('components'),
        cases: store.cursor('cases'),
      }
      console.log(`flushed ${JSON.stringify({ cursors, counts: store.counts() })}`)
    } else if (pages === Number(killAfter) + 1) {
      process.kill(process.pid, 'SIGKILL')
    }
  },
})
await sync.run()
// Not killed: the test fails on the exit (a run too short for <killAfter> pages).
console.log('finished without being killed')
process.exit(0)
