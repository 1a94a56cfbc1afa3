/**
 * @module renderer/cases/tasks
 * 待办 in the window: the signed-in account's queue (bridge `cases.tasks`), refreshed when cases change, after
 * a command and every half minute, and the alerts it raises — a new case in the queue, an escalation, a 第9条
 * hazard whose 2-hour arrival clock has less than 30 minutes left. The header shows a badge per queue; the
 * app turns alerts into toasts.
 */
import { reactive } from 'vue'
import type { CityLoopBridge, Session, TaskEntry, TaskQueue, TaskQueueKind } from '../../../contracts/bridge/index.js'

/** How long before a hazard's 到场 deadline it is called out. */
export const HAZARD_WARNING_MS = 30 * 60_000
/** How often the queue is asked for while nothing else triggers it. */
export const TASK_POLL_MS = 30_000

/** Something the operator should notice in the queue. */
export interface TaskAlert {
  readonly kind: 'new' | 'escalation' | 'hazard'
  readonly entry: TaskEntry
  /** Raised once per key. */
  readonly key: string
}

/**
 * The alerts `next` raises after `previous` (null: the first answer since sign-in, which raises no "new" or
 * escalation alert — the queue is not news — but does call out hazards about to miss their arrival).
 * Keys in `raised` are not raised again.
 */
export function taskAlerts(previous: TaskQueue | null, next: TaskQueue, now: number, raised: ReadonlySet<string>): TaskAlert[] {
  const out: TaskAlert[] = []
  const before = new Map(previous?.tasks.map((t) => [t.case.id, t]) ?? [])
  for (const entry of next.tasks) {
    const id = entry.case.id
    const was = before.get(id)
    const escalation = entry.todo.find((x) => x.startsWith('escalation:'))
    if (previous && escalation && !was?.todo.includes(escalation)) out.push({ kind: 'escalation', entry, key: `escalation:${id}:${escalation}` })
    else if (previous && !was) out.push({ kind: 'new', entry, key: `new:${id}:${entry.case.version}` })
    const arrival = entry.case.onSiteDeadline ? Date.parse(entry.case.onSiteDeadline) - now : NaN
    if (arrival > 0 && arrival <= HAZARD_WARNING_MS) out.push({ kind: 'hazard', entry, key: `hazard:${id}:${entry.case.onSiteDeadline}` })
  }
  return out.filter((a) => !raised.has(a.key))
}

/** The queue's state in the window. */
export interface TaskQueueState {
  queue: TaskQueue | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** The queue whose list is open (a header badge was clicked), or null. */
  open: TaskQueueKind | null
  /** Queues with tasks that arrived since the operator last opened them (the badge is marked). */
  unseen: TaskQueueKind[]
  /** Alerts not yet shown; the app takes them (and empties this). */
  alerts: TaskAlert[]
}

/** The queue of a window: state, refresh and the hooks the case store drives. */
export interface TaskQueueStore {
  readonly state: TaskQueueState
  refresh(): Promise<void>
  /** Refreshes shortly (several triggers in a row ask once). */
  refreshSoon(): void
  /** The session changed: a new account starts a new queue; signed out, none. */
  sessionChanged(session: Session): void
  openQueue(kind: TaskQueueKind | null): void
  start(): void
  stop(): void
}

/** Creates the queue over the bridge. */
export function createTaskQueue(bridge: CityLoopBridge, options: { readonly now?: () => number } = {}): TaskQueueStore {
  const now = options.now ?? Date.now
  const state = reactive<TaskQueueState>({ queue: null, status: 'idle', error: null, open: null, unseen: [], alerts: [] })
  const raised = new Set<string>()
  let userId: string | null = null
  let request = 0
  let soon: ReturnType<typeof setTimeout> | undefined
  let poll: ReturnType<typeof setInterval> | undefined

  async function refresh(): Promise<void> {
    if (!userId) return
    const mine = ++request
    const asked = userId
    if (!state.queue) state.status = 'loading'
    const result = await bridge.cases.tasks()
    if (mine !== request || asked !== userId) return
    if (!result.ok) {
      state.status = 'error'
      state.error = result.error.message
      return
    }
    const next = result.value
    const alerts = taskAlerts(state.queue as TaskQueue | null, next, now(), raised)
    for (const a of alerts) raised.add(a.key)
    for (const a of alerts) {
      if (a.kind !== 'hazard' && !state.unseen.includes(a.entry.queue) && state.open !== a.entry.queue) state.unseen.push(a.entry.queue)
    }
    state.queue = next
    state.status = 'ready'
    state.error = null
    if (alerts.length) state.alerts.push(...alerts)
  }

  function refreshSoon(): void {
    clearTimeout(soon)
    soon = setTimeout(() => void refresh(), 300)
  }

  return {
    state,
    refresh,
    refreshSoon,
    sessionChanged(session) {
      const id = session.user?.id ?? null
      if (id === userId) return
      userId = id
      request++
      raised.clear()
      Object.assign(state, { queue: null, status: 'idle', error: null, open: null, unseen: [], alerts: [] })
      if (id) void refresh()
    },
    openQueue(kind) {
      state.open = state.open === kind ? null : kind
      if (kind) state.unseen = state.unseen.filter((q) => q !== kind)
    },
    start() {
      poll = setInterval(() => void refresh(), TASK_POLL_MS)
    },
    stop() {
      clearInterval(poll)
      clearTimeout(soon)
    },
  }
}
