/**
 * @module renderer/app/workstation
 * The workstation window's state and the actions that change it: settings, the dialogs, and the
 * responsible-unit lookup (a point, its grid and regions, a component, a category and who handles it
 * there). Every answer comes from the bridge; this module only sequences the calls and drops answers a
 * newer pick has overtaken. App.vue creates it and provides it; components read it with
 * {@link useWorkstation} or {@link useSettings}. (The sync status is shared/sync-state.ts.)
 */
import { computed, reactive, shallowRef, type InjectionKey, type Ref, type ShallowRef, type WritableComputedRef } from 'vue'
import type {
  CatalogClassBrief,
  CityLoopBridge,
  ComponentDetail,
  GridDetail,
  LonLat,
  Location,
  Responsibility,
  SearchHit,
  Settings,
  SettingsPatch,
} from '../../../contracts/bridge/index.js'
import type { BasemapState, CityMap, MapState } from '../map/CityMap.js'
import { injectStrict } from '../shared/inject-strict.js'

/** How a lookup was started. */
export type LookupSource = 'click' | 'search' | 'converter'

/** The responsible-unit lookup shown in the side panel. */
export interface LookupState {
  /** Increments with every pick; answers for an older pick are dropped. */
  seq: number
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  source: LookupSource | null
  point: LonLat | null
  location: Location | null
  grid: GridDetail | null
  component: ComponentDetail | null
  /**
   * The chosen category; kept across picks of places so an operator can click around for one case type,
   * and set to the component's own category when a component is picked.
   */
  category: CatalogClassBrief | null
  responsibility: Responsibility | null
  responsibilityStatus: 'idle' | 'loading' | 'ready' | 'error'
}

/** Everything the UI shows. */
export interface WorkstationState {
  settings: Settings | null
  map: MapState | null
  /** The basemap drawn and whether its tiles arrive (the status bar says so when they do not). */
  basemap: BasemapState | null
  lookup: LookupState
  panelOpen: boolean
  converterOpen: boolean
  settingsOpen: boolean
  /** The last error for the operator, shown as a message. */
  notice: { readonly kind: 'error' | 'info'; readonly text: string; readonly at: number } | null
}

/** The UI's state and actions, provided to every component. */
export interface Workstation {
  readonly bridge: CityLoopBridge
  readonly state: WorkstationState
  readonly map: ShallowRef<CityMap | null>
  /** Looks up a point (and the component there, if one was clicked). */
  pick(point: LonLat, source: LookupSource, componentId?: string): Promise<void>
  /** Goes to a search hit and looks it up. */
  openHit(hit: SearchHit): Promise<void>
  /** Sets the category and asks who is responsible for it at the current point. */
  chooseCategory(category: CatalogClassBrief | null): Promise<void>
  /** Saves settings and applies them. */
  saveSettings(patch: SettingsPatch): Promise<boolean>
  closePanel(): void
  notify(kind: 'error' | 'info', text: string): void
}

/** Injection key of the {@link Workstation}. */
export const WORKSTATION: InjectionKey<Workstation> = Symbol('workstation')

/** The workstation provided by App.vue. */
export function useWorkstation(): Workstation {
  return injectStrict(WORKSTATION)
}

const emptyLookup = (): LookupState => ({
  seq: 0,
  status: 'idle',
  error: null,
  source: null,
  point: null,
  location: null,
  grid: null,
  component: null,
  category: null,
  responsibility: null,
  responsibilityStatus: 'idle',
})

/** Creates the workstation state over a bridge. */
export function createWorkstation(bridge: CityLoopBridge): Workstation {
  const state = reactive<WorkstationState>({
    settings: null,
    map: null,
    basemap: null,
    lookup: emptyLookup(),
    panelOpen: false,
    converterOpen: false,
    settingsOpen: false,
    notice: null,
  })
  const map = shallowRef<CityMap | null>(null)

  const notify = (kind: 'error' | 'info', text: string) => {
    state.notice = { kind, text, at: Date.now() }
  }

  async function loadResponsibility(seq: number): Promise<void> {
    const lookup = state.lookup
    const point = lookup.point
    const category = lookup.category
    if (!point || !category) {
      lookup.responsibility = null
      lookup.responsibilityStatus = 'idle'
      return
    }
    lookup.responsibilityStatus = 'loading'
    const result = await bridge.lookup.responsible(point[0], point[1], category.key)
    if (seq !== state.lookup.seq || category !== state.lookup.category) return
    if (result.ok) {
      lookup.responsibility = result.value
      lookup.responsibilityStatus = 'ready'
    } else {
      lookup.responsibility = null
      lookup.responsibilityStatus = 'error'
      notify('error', result.error.message)
    }
  }

  async function pick(point: LonLat, source: LookupSource, componentId?: string): Promise<void> {
    const lookup = state.lookup
    const seq = ++lookup.seq
    Object.assign(lookup, { status: 'loading', error: null, source, point, location: null, grid: null, component: null, responsibility: null })
    state.panelOpen = true
    map.value?.select(point)
    let where = point
    if (componentId) {
      const component = await bridge.lookup.byComponentId(componentId)
      if (seq !== lookup.seq) return
      if (component.ok) {
        lookup.component = component.value
        where = [component.value.lon, component.value.lat]
        lookup.point = where
        lookup.location = component.value.location
        // A picked component answers "which category" by itself; the operator can still pick another.
        const category = await bridge.catalog.get(component.value.category)
        if (seq !== lookup.seq) return
        if (category.ok) lookup.category = category.value
      }
    }
    if (!lookup.location) {
      const located = await bridge.lookup.locate(where[0], where[1])
      if (seq !== lookup.seq) return
      if (!located.ok) {
        Object.assign(lookup, { status: 'error', error: located.error.message })
        return
      }
      lookup.location = located.value
    }
    const gridId = lookup.location.grid?.id
    if (gridId) {
      const grid = await bridge.lookup.byGridId(gridId)
      if (seq !== lookup.seq) return
      if (grid.ok) lookup.grid = grid.value
    }
    map.value?.select(where, lookup.grid?.geometry)
    lookup.status = 'ready'
    await loadResponsibility(seq)
  }

  async function openHit(hit: SearchHit): Promise<void> {
    const m = map.value
    switch (hit.kind) {
      case 'component':
        m?.flyTo(hit.center, 18)
        return pick(hit.center, 'search', hit.id)
      case 'grid':
        m?.fitBbox(hit.bbox, 18)
        return pick(hit.center, 'search')
      case 'coordinate':
        m?.flyTo(hit.center, 17)
        return pick(hit.center, 'search')
      case 'region':
        m?.fitBbox(hit.bbox, 16)
        return
    }
  }

  async function chooseCategory(category: CatalogClassBrief | null): Promise<void> {
    state.lookup.category = category
    await loadResponsibility(state.lookup.seq)
  }

  async function saveSettings(patch: SettingsPatch): Promise<boolean> {
    const result = await bridge.settings.set(patch)
    if (!result.ok) {
      notify('error', result.error.message)
      return false
    }
    state.settings = result.value
    return true
  }

  return {
    bridge,
    state,
    map,
    pick,
    openHit,
    chooseCategory,
    saveSettings,
    closePanel: () => {
      state.panelOpen = false
      map.value?.select(undefined)
    },
    notify,
  }
}

/** The settings as components use them. */
export interface SettingsAccess {
  /** The saved settings; null until main/ answered. */
  readonly settings: Readonly<Ref<Settings | null>>
  /** Whether the settings dialog is open (v-model of the dialog). */
  readonly dialogOpen: WritableComputedRef<boolean>
  /** Saves a change and applies it; false (and an error notice) when main/ refused it. */
  save(patch: SettingsPatch): Promise<boolean>
}

/** 设置 — the saved settings, the dialog's open state and saving, over the provided workstation. */
export function useSettings(): SettingsAccess {
  const ws = useWorkstation()
  return {
    settings: computed(() => ws.state.settings),
    dialogOpen: computed({
      get: () => ws.state.settingsOpen,
      set: (open) => (ws.state.settingsOpen = open),
    }),
    save: (patch) => ws.saveSettings(patch),
  }
}
