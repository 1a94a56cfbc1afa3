/**
 * @module renderer/cases/store
 * 案件工作台状态 — the one state of the case features: the session, the filter that feeds both the case list
 * (cases.list) and the map (CaseLayers.setFilter), the list page, the selected case and its detail, the
 * outbox, and the units the workstation has seen. Every answer comes from the bridge; this module sequences
 * the calls, drops answers a newer request overtook and turns outbox events into operator feedback.
 */
import { markRaw, provide, reactive, shallowRef, type InjectionKey, type ShallowRef } from 'vue'
import type {
  Bbox,
  CaseCommandInput,
  CaseDetail,
  CaseFilter,
  CaseList,
  CaseListQuery,
  CaseSummary,
  CatalogClassBrief,
  CityLoopBridge,
  Language,
  LightColor,
  LonLat,
  OutboxEntry,
  OutboxStatus,
  Session,
  Unsubscribe,
} from '../../../contracts/bridge/index.js'
import type { CaseAction, CaseSource } from '../../../core/case/types.js'
import type { CasePhase } from '../../../core/case/phase.js'
import { CREATE_ROLES } from '../../../core/case/create.js'
import type { CityMap } from '../map/CityMap.js'
import { CaseLayers } from './map/CaseLayers.js'
import { createTaskQueue, type TaskQueueStore } from './tasks.js'
import { withPlayback, type PlaybackWindow } from './map/case-filter.js'
import { injectStrict } from '../shared/inject-strict.js'

/** How the list is sorted (cases.list `sort`). */
export type CaseSort = NonNullable<CaseListQuery['sort']>

/** The filter bar's state; {@link toCaseFilter} turns it into the bridge's {@link CaseFilter}. */
export interface CaseFilterState {
  phases: CasePhase[]
  lights: LightColor[]
  /** Chosen categories, kept whole so the select can show their labels. */
  categories: CatalogClassBrief[]
  sources: CaseSource[]
  unitIds: string[]
  /** Created between (ISO), or null. */
  range: [string, string] | null
  hazardOnly: boolean
  text: string
  /** Box drawn on the map, or null. */
  bbox: Bbox | null
  sort: CaseSort
}

/** A unit's names as lists and selects show them. */
export interface UnitName {
  readonly id: string
  readonly name: string
  readonly nameEn: string
}

/** Most cases one list request brings (the bridge's ceiling). */
export const LIST_LIMIT = 2000

/** The state of the case features. */
export interface CasesState {
  session: Session | null
  signInOpen: boolean
  listOpen: boolean
  outboxOpen: boolean
  /** The "record case" tool is armed: the next map click opens the new-case dialog. */
  recording: boolean
  /** The new-case dialog's point, or null when it is closed. */
  newCasePoint: LonLat | null
  /** The component clicked with the point, if any. */
  newCaseComponentId: string | null
  /** What the case layers show (CaseLayers.info), for the status bar. */
  mapInfo: { total: number; shown: number; hazards: number } | null
  filter: CaseFilterState
  /** The frame the map's time playback shows; the list shows the same cases (null: no playback). */
  playback: PlaybackWindow | null
  list: {
    status: 'idle' | 'loading' | 'ready' | 'error'
    error: string | null
    total: number
    /** Raw (not deeply reactive): up to 2,000 rows. */
    cases: readonly CaseSummary[]
    byPhase: Partial<Record<CasePhase, number>>
    byLight: Partial<Record<LightColor, number>>
  }
  selectedId: string | null
  /** Where the selection came from; the list scrolls to it when it came from the map. */
  selectedFrom: 'list' | 'map' | 'other' | null
  /** Increments with every selection, so the list can scroll again to the same case. */
  selectSeq: number
  detail: CaseDetail | null
  detailStatus: 'idle' | 'loading' | 'ready' | 'error'
  detailError: string | null
  outbox: OutboxStatus | null
  /** Units seen in lists, lookups and details, by id. */
  units: Record<string, UnitName>
  /** Case numbers seen, by id (for the outbox panel). */
  numbers: Record<string, string>
}

/** The case features' state and actions, provided to every case component. */
export interface CaseStore {
  readonly bridge: CityLoopBridge
  readonly state: CasesState
  readonly layers: ShallowRef<CaseLayers | null>
  /** 待办: the signed-in account's queue and its alerts. */
  readonly tasks: TaskQueueStore
  /** Reads the session and the outbox and listens to their events. */
  start(): Promise<void>
  stop(): void
  /** Puts the case layers on the map (when the session may see cases). */
  attachMap(map: CityMap, t: (key: string) => string, language: Language): void
  setLanguage(t: (key: string) => string, language: Language): void
  /** Signs in; null on success, else the API's reason. */
  signIn(username: string, password: string): Promise<string | null>
  signOut(): Promise<void>
  /** True when the signed-in role may record cases (CREATE_ROLES). */
  canCreate(): boolean
  /** Changes the filter and reloads the list and the map. */
  setFilter(patch: Partial<CaseFilterState>): void
  resetFilter(): void
  /** Narrows the list to the playback frame the map shows (null: playback off). */
  setPlayback(window: PlaybackWindow | null): void
  reload(): Promise<void>
  /** Selects a case (or none) and loads its detail. */
  select(id: string | null, from: 'list' | 'map' | 'other'): Promise<void>
  refreshDetail(): Promise<void>
  /** Queues a command; null when the bridge refused it (the reason was shown). */
  submit(command: CaseCommandInput): Promise<OutboxEntry | null>
  dismiss(clientId: string): Promise<void>
  flush(): Promise<void>
  rememberUnits(units: readonly (UnitName | null | undefined)[]): void
  unitName(id: string | null | undefined, language: Language): string
}

/** Injection key of the {@link CaseStore}. */
export const CASES: InjectionKey<CaseStore> = Symbol('CaseStore')

/**
 * Creates the case store and provides it to the calling component's descendants (the app's root calls it once).
 * Case components reach it with {@link useCaseStore}.
 */
export function provideCaseStore(bridge: CityLoopBridge, feedback: Feedback): CaseStore {
  const store = createCaseStore(bridge, feedback)
  provide(CASES, store)
  return store
}

/** The case store provided by the app ({@link provideCaseStore}); throws when a case component is mounted without it. */
export function useCaseStore(): CaseStore {
  return injectStrict(CASES, 'The case store (CASES, renderer/src/cases/store.ts)')
}

/** The filter a fresh session starts with: every open case, most urgent first. */
export function defaultFilter(): CaseFilterState {
  return {
    phases: [],
    lights: [],
    categories: [],
    sources: [],
    unitIds: [],
    range: null,
    hazardOnly: false,
    text: '',
    bbox: null,
    sort: 'deadline',
  }
}

/** The bridge's filter for the filter bar's state: empty choices are no restriction. */
export function toCaseFilter(f: CaseFilterState): CaseFilter {
  const text = f.text.trim()
  return {
    ...(f.phases.length ? { phases: [...f.phases] } : {}),
    ...(f.lights.length ? { lights: [...f.lights] } : {}),
    ...(f.categories.length ? { categories: f.categories.map((c) => c.key) } : {}),
    ...(f.sources.length ? { sources: [...f.sources] } : {}),
    ...(f.unitIds.length ? { unitIds: [...f.unitIds] } : {}),
    ...(f.range ? { from: f.range[0], to: f.range[1] } : {}),
    ...(f.hazardOnly ? { hazardOnly: true } : {}),
    ...(f.bbox ? { bbox: [...f.bbox] as unknown as Bbox } : {}),
    ...(text ? { text } : {}),
  }
}

/** The case an outbox entry is about: its id, once known. */
export function entryCaseId(entry: OutboxEntry): string | null {
  if (entry.result) return entry.result.caseId
  return entry.command.kind === 'action' ? (entry.command.caseId ?? null) : null
}

/** The action an outbox entry carries ('create' for a new case). */
export function entryAction(entry: OutboxEntry): CaseAction | 'create' {
  return entry.command.kind === 'create' ? 'create' : entry.command.action
}

/** How the store reports what the operator should hear about (the app turns it into messages). */
export interface Feedback {
  /** Called when a command the operator gave changes state (queued → sending → applied / rejected). */
  onCommand(entry: OutboxEntry, previous: OutboxEntry['state'] | undefined): void
  onError(message: string): void
}

/** Creates the case store over a bridge. `feedback` turns outbox progress into messages. */
export function createCaseStore(bridge: CityLoopBridge, feedback: Feedback): CaseStore {
  const state = reactive<CasesState>({
    session: null,
    signInOpen: false,
    listOpen: true,
    outboxOpen: false,
    recording: false,
    newCasePoint: null,
    newCaseComponentId: null,
    mapInfo: null,
    filter: defaultFilter(),
    playback: null,
    list: { status: 'idle', error: null, total: 0, cases: markRaw([]), byPhase: {}, byLight: {} },
    selectedId: null,
    selectedFrom: null,
    selectSeq: 0,
    detail: null,
    detailStatus: 'idle',
    detailError: null,
    outbox: null,
    units: {},
    numbers: {},
  })
  const layers = shallowRef<CaseLayers | null>(null)
  const tasks = createTaskQueue(bridge)
  const unsubscribe: Unsubscribe[] = []
  let map: { map: CityMap; t: (key: string) => string; language: Language } | null = null
  let listRequest = 0
  /** The filter last given to the case layers (and to which instance). */
  const mapFilter: { layers: CaseLayers | null; key: string } = { layers: null, key: '' }
  let detailRequest = 0
  let reloadTimer: ReturnType<typeof setTimeout> | undefined
  /** Commands given in this window, with the state last seen, so feedback is given once per change. */
  const watched = new Map<string, OutboxEntry['state']>()

  const visible = () => Boolean(state.session?.user && state.session.casesVisible)

  function rememberUnits(units: readonly (UnitName | null | undefined)[]): void {
    for (const u of units) {
      if (u && !state.units[u.id]) state.units[u.id] = { id: u.id, name: u.name, nameEn: u.nameEn }
    }
  }

  function unitName(id: string | null | undefined, language: Language): string {
    if (!id) return ''
    const u = state.units[id]
    return u ? (language === 'en' ? u.nameEn || u.name : u.name) : id
  }

  function applyList(value: CaseList): void {
    state.list.total = value.total
    state.list.cases = markRaw([...value.cases])
    state.list.byPhase = { ...value.byPhase }
    state.list.byLight = { ...value.byLight }
    const seen: UnitName[] = []
    for (const c of value.cases) {
      if (c.unit) seen.push(c.unit)
      state.numbers[c.id] = c.number
    }
    rememberUnits(seen)
  }

  async function reload(): Promise<void> {
    clearTimeout(reloadTimer)
    if (!visible()) return
    const id = ++listRequest
    state.list.status = 'loading'
    const filter = toCaseFilter(state.filter)
    // The map gets the filter only when it changed: a reload after `cases-changed` must not overtake the
    // layers' own refresh (CaseLayers.setFilter with the held filter drops an answer on its way).
    const key = JSON.stringify(filter)
    const mapLayers = layers.value
    const toMap = mapLayers && (mapLayers !== mapFilter.layers || key !== mapFilter.key)
    if (toMap) Object.assign(mapFilter, { layers: mapLayers, key })
    const [list] = await Promise.all([
      // The map applies playback itself (CaseLayers.setPlayback); the list gets the frame as a time range.
      bridge.cases.list({ ...withPlayback(filter, state.playback), sort: state.filter.sort, limit: LIST_LIMIT }),
      toMap ? mapLayers.setFilter(filter).catch((e: unknown) => feedback.onError(String(e))) : undefined,
    ])
    if (id !== listRequest) return
    if (list.ok) {
      applyList(list.value)
      state.list.status = 'ready'
      state.list.error = null
    } else {
      state.list.status = 'error'
      state.list.error = list.error.message
    }
  }

  /** Reloads soon; bursts of events (a sync page, several commands) cause one reload. */
  function reloadSoon(delay = 250): void {
    clearTimeout(reloadTimer)
    reloadTimer = setTimeout(() => void reload(), delay)
  }

  async function loadDetail(id: string, quiet: boolean): Promise<void> {
    const request = ++detailRequest
    if (!quiet) {
      state.detailStatus = 'loading'
      state.detailError = null
    }
    const result = await bridge.cases.get(id)
    if (request !== detailRequest || state.selectedId !== id) return
    if (result.ok) {
      state.detail = markRaw(result.value)
      state.detailStatus = 'ready'
      state.detailError = null
      state.numbers[id] = result.value.record.number
      if (result.value.summary.unit) rememberUnits([result.value.summary.unit])
    } else if (!quiet || !state.detail) {
      state.detailStatus = 'error'
      state.detailError = result.error.message
    }
  }

  async function select(id: string | null, from: 'list' | 'map' | 'other'): Promise<void> {
    if (id === state.selectedId && id && state.detail) {
      state.selectSeq++
      state.selectedFrom = from
      layers.value?.flash(id)
      return
    }
    state.selectedId = id
    state.selectedFrom = id ? from : null
    state.selectSeq++
    state.detail = null
    layers.value?.setSelected(id)
    if (!id) {
      state.detailStatus = 'idle'
      return
    }
    if (from !== 'map') layers.value?.flash(id)
    await loadDetail(id, false)
  }

  function createLayers(): void {
    if (!map || layers.value || !visible()) return
    const { map: cityMap, t, language } = map
    layers.value = new CaseLayers({
      map: cityMap,
      bridge,
      t,
      language: language === 'en' ? 'en' : 'zh',
      onSelect: (caseId: string) => void select(caseId, 'map'),
      onBox: (bbox: Bbox | null) => setFilter({ bbox }),
    })
    const created = layers.value
    const info = () => (state.mapInfo = { ...created.info })
    created.subscribe(info)
    info()
    created.setSelected(state.selectedId)
  }

  function dropLayers(): void {
    layers.value?.dispose()
    layers.value = null
    state.mapInfo = null
  }

  function applySession(session: Session): void {
    const before = state.session
    const wasVisible = visible()
    const sameUser = before?.user?.id === session.user?.id
    state.session = session
    tasks.sessionChanged(session)
    if (visible()) {
      if (!wasVisible || !sameUser) {
        createLayers()
        void reload()
      }
    } else {
      dropLayers()
      state.recording = false
      state.newCasePoint = null
      state.filter.bbox = null
      state.list.cases = markRaw([])
      state.list.total = 0
      state.list.status = 'idle'
      void select(null, 'other')
    }
  }

  function applyOutbox(status: OutboxStatus): void {
    state.outbox = status
    for (const entry of status.entries) {
      if (entry.result) state.numbers[entry.result.caseId] = entry.result.number
      if (!watched.has(entry.clientId)) continue
      const previous = watched.get(entry.clientId)
      if (previous === entry.state) continue
      watched.set(entry.clientId, entry.state)
      feedback.onCommand(entry, previous)
      if (entry.state === 'applied' || entry.state === 'rejected') {
        const caseId = entryCaseId(entry)
        if (caseId && caseId === state.selectedId) void loadDetail(caseId, true)
        reloadSoon()
        tasks.refreshSoon()
      }
    }
  }

  async function start(): Promise<void> {
    unsubscribe.push(
      bridge.on('session', (session) => applySession(session)),
      bridge.on('outbox', (status) => applyOutbox(status)),
      bridge.on('cases-changed', (change) => {
        reloadSoon()
        tasks.refreshSoon()
        void layers.value?.refresh()
        if (state.selectedId && change.ids.includes(state.selectedId)) void loadDetail(state.selectedId, true)
      }),
    )
    tasks.start()
    const [session, outbox] = await Promise.all([bridge.auth.session(), bridge.commands.status()])
    if (session.ok) applySession(session.value)
    if (outbox.ok) applyOutbox(outbox.value)
  }

  function setFilter(patch: Partial<CaseFilterState>): void {
    Object.assign(state.filter, patch)
    void reload()
  }

  return {
    bridge,
    state,
    layers,
    tasks,
    start,
    stop() {
      tasks.stop()
      unsubscribe.forEach((u) => u())
      unsubscribe.length = 0
      clearTimeout(reloadTimer)
      dropLayers()
    },
    attachMap(cityMap, t, language) {
      map = { map: cityMap, t, language }
      createLayers()
      if (layers.value) void reload()
    },
    setLanguage(t, language) {
      if (map) map = { ...map, t, language }
      layers.value?.setLanguage(t, language === 'en' ? 'en' : 'zh')
    },
    async signIn(username, password) {
      const result = await bridge.auth.signIn(username, password)
      if (!result.ok) return result.error.message
      applySession(result.value)
      const outbox = await bridge.commands.status()
      if (outbox.ok) applyOutbox(outbox.value)
      return null
    },
    async signOut() {
      const result = await bridge.auth.signOut()
      if (result.ok) applySession(result.value)
      else feedback.onError(result.error.message)
    },
    canCreate: () => Boolean(state.session?.user && CREATE_ROLES.includes(state.session.user.role)),
    setFilter,
    resetFilter() {
      state.filter = defaultFilter()
      layers.value?.clearBox()
      void reload()
    },
    setPlayback(window) {
      const same = window && state.playback ? window.from === state.playback.from && window.to === state.playback.to : window === state.playback
      if (same) return
      state.playback = window ? { from: window.from, to: window.to } : null
      reloadSoon(120)
    },
    reload,
    select,
    async refreshDetail() {
      if (state.selectedId) await loadDetail(state.selectedId, false)
    },
    async submit(command) {
      const result = await bridge.commands.submit(command)
      if (!result.ok) {
        feedback.onError(result.error.message)
        return null
      }
      const entry = result.value
      watched.set(entry.clientId, entry.state)
      feedback.onCommand(entry, undefined)
      // The entry may already have moved on (the outbox event can arrive before this answer).
      const now = state.outbox?.entries.find((e) => e.clientId === entry.clientId)
      if (now && now.state !== entry.state) applyOutbox(state.outbox!)
      return entry
    },
    async dismiss(clientId) {
      const result = await bridge.commands.dismiss(clientId)
      if (result.ok) applyOutbox(result.value)
      else feedback.onError(result.error.message)
    },
    async flush() {
      const result = await bridge.commands.flush()
      if (result.ok) applyOutbox(result.value)
      else feedback.onError(result.error.message)
    },
    rememberUnits,
    unitName,
  }
}

/** 登记案件: opens the new-case dialog at a clicked point (and the component clicked there, if any); disarms the tool. */
export function openNewCase(store: { state: Pick<CasesState, 'newCasePoint' | 'newCaseComponentId' | 'recording'> }, point: LonLat, component?: string): void {
  store.state.recording = false
  store.state.newCaseComponentId = component ?? null
  store.state.newCasePoint = point
}
