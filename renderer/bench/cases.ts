/**
 * @module renderer/bench/cases
 * A harness for looking at the case layers (bench/case-map-shots.ts screenshots it): the real CityMap and
 * CaseLayers with the mode/playback bar, over the demo city, fed by a stand-in bridge that answers from
 * files the script serves — /city.json (regions, grids as compact columns, components) and /cases.bin
 * (synthetic cases, renderer/bench/cases-file.ts). Only the calls the map and the case layers make are
 * answered; the case filter's bridge part is applied as main/ does for box and dates.
 */
import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import 'ol/ol.css'
import 'ol-ext/dist/ol-ext.css'
import '../src/shared/theme.css'
import type {
  Bbox,
  BridgeFeatureCollection,
  CaseColumns,
  CaseFilter,
  CityLoopBridge,
  ComponentLayer,
  GridCaseCounts,
  GridLayer,
  RegionLevel,
  RegionProperties,
  Result,
} from '../../contracts/bridge/index.js'
import { CASE_PHASES } from '../../core/case/phase.js'
import { createWorkstationI18n } from '../src/i18n/index.js'
import { CityMap } from '../src/map/CityMap.js'
import { registerCgcs2000 } from '../src/map/projection.js'
import { CaseLayers } from '../src/cases/map/CaseLayers.js'
import CaseMapBar from '../src/cases/map/CaseMapBar.vue'
import { LIGHTS } from '../src/cases/map/case-data.js'
import { loadCasesFile, type CasesFile } from './cases-file.js'

/** What /city.json holds (bench/case-map-shots.ts writes it from the demo city). */
interface HarnessCity {
  readonly bbox: Bbox
  readonly regions: Readonly<Record<RegionLevel, BridgeFeatureCollection<RegionProperties>>>
  readonly grids: Extract<GridLayer, { kind: 'compact' }>
  readonly components: Omit<Extract<ComponentLayer, { kind: 'points' }>, 'kind' | 'total'>
}

declare global {
  interface Window {
    caseHarness?: { readonly map: CityMap; readonly layers: CaseLayers; readonly selected: string[]; readonly boxes: (Bbox | null)[]; readonly picks: number }
  }
}

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })

function fakeBridge(city: HarnessCity, cases: CasesFile): CityLoopBridge {
  const ids = Array.from({ length: cases.n }, (_, i) => `C${String(i).padStart(7, '0')}`)
  const gridBoxes = city.grids.ids.map((_, g) => {
    let w = Infinity
    let s = Infinity
    let e = -Infinity
    let n = -Infinity
    for (let k = city.grids.ringStart[g]!; k < city.grids.ringStart[g + 1]!; k++) {
      const x = city.grids.coords[2 * k]!
      const y = city.grids.coords[2 * k + 1]!
      w = Math.min(w, x)
      e = Math.max(e, x)
      s = Math.min(s, y)
      n = Math.max(n, y)
    }
    return [w, s, e, n] as const
  })
  const matches = (filter: CaseFilter, i: number, local: boolean) => {
    const box = filter.bbox
    if (box && (cases.lon[i]! < box[0] || cases.lon[i]! > box[2] || cases.lat[i]! < box[1] || cases.lat[i]! > box[3])) return false
    if (filter.from && cases.createdAt[i]! < Date.parse(filter.from)) return false
    if (filter.to && cases.createdAt[i]! >= Date.parse(filter.to)) return false
    if (!local) return true
    if (filter.phases && !filter.phases.includes(CASE_PHASES[cases.phase[i]!]!)) return false
    if (filter.lights && !filter.lights.includes(LIGHTS[cases.light[i]!]!)) return false
    if (filter.hazardOnly && !cases.hazard[i]) return false
    return true
  }
  const impl = {
    layers: {
      regions: (level: RegionLevel) => ok(city.regions[level]),
      grids: (query: { bbox: Bbox; limit?: number }) => {
        const [w, s, e, n] = query.bbox
        const keep = gridBoxes.flatMap((b, g) => (b[2] >= w && b[0] <= e && b[3] >= s && b[1] <= n ? [g] : []))
        if (keep.length > (query.limit ?? 20_000)) return ok<GridLayer>({ kind: 'summary', total: keep.length, minZoom: 15 })
        const coords: number[] = []
        const ringStart: number[] = [0]
        for (const g of keep) {
          coords.push(...city.grids.coords.slice(2 * city.grids.ringStart[g]!, 2 * city.grids.ringStart[g + 1]!))
          ringStart.push(coords.length / 2)
        }
        return ok<GridLayer>({
          kind: 'compact',
          total: keep.length,
          ids: keep.map((g) => city.grids.ids[g]!),
          areaClasses: keep.map((g) => city.grids.areaClasses[g]!).join(''),
          communityCodes: keep.map((g) => city.grids.communityCodes[g]!),
          coords,
          ringStart,
        })
      },
      components: () => ok<ComponentLayer>({ kind: 'points', total: city.components.ids.length, ...city.components }),
    },
    cases: {
      layer: (filter: CaseFilter) => {
        const keep: number[] = []
        for (let i = 0; i < cases.n; i++) if (matches(filter, i, true)) keep.push(i)
        return ok<CaseColumns>({
          total: keep.length,
          ids: keep.map((i) => ids[i]!),
          lon: keep.map((i) => cases.lon[i]!),
          lat: keep.map((i) => cases.lat[i]!),
          phase: keep.map((i) => cases.phase[i]!),
          light: keep.map((i) => cases.light[i]!),
          hazard: keep.map((i) => cases.hazard[i]!),
          createdAt: keep.map((i) => cases.createdAt[i]!),
          onSiteDeadline: keep.map((i) => cases.onSiteDeadline[i]!),
          grid: keep.map((i) => cases.grid[i]!),
          gridIds: city.grids.ids,
        })
      },
      gridCounts: (filter: CaseFilter) => {
        const counts = new Map<string, number>()
        let total = 0
        for (let i = 0; i < cases.n; i++) {
          if (!matches(filter, i, true)) continue
          total++
          const g = cases.grid[i]!
          if (g >= 0) counts.set(city.grids.ids[g]!, (counts.get(city.grids.ids[g]!) ?? 0) + 1)
        }
        return ok<GridCaseCounts>({ total, gridIds: [...counts.keys()], counts: [...counts.values()], max: Math.max(0, ...counts.values()) })
      },
    },
  } as Record<string, Record<string, (...args: never[]) => unknown>>
  const missing = (name: string) => () => Promise.resolve({ ok: false, error: { code: 'NOT_READY', message: `${name}: not in the harness` } })
  return new Proxy({} as CityLoopBridge, {
    get: (_, group: string) =>
      group === 'on'
        ? () => () => {}
        : new Proxy({}, { get: (__, method: string) => impl[group]?.[method] ?? missing(`${group}.${method}`) }),
  })
}

async function start(): Promise<void> {
  registerCgcs2000()
  const params = new URL(location.href).searchParams
  const language = params.get('lang') === 'en' ? 'en' : 'zh-CN'
  const [city, cases] = await Promise.all([
    fetch('/city.json').then((r) => r.json() as Promise<HarnessCity>),
    loadCasesFile('/cases.bin'),
  ])
  const bridge = fakeBridge(city, cases)
  const i18n = createWorkstationI18n(language)
  const t = (key: string) => i18n.global.t(key)
  const selected: string[] = []
  const boxes: (Bbox | null)[] = []
  let picks = 0
  const map = new CityMap({
    target: document.getElementById('map')!,
    bridge,
    t,
    language: language === 'en' ? 'en' : 'zh',
    onPick: () => picks++,
    onError: (message) => console.error(`map: ${message}`),
  })
  await map.start({ basemap: 'none', tiandituToken: '', tiandituMatrixSet: 'c', customBasemapUrl: '', customBasemapProjection: 'EPSG:3857' }, city.bbox)
  const layers = new CaseLayers({
    map,
    bridge,
    t,
    language,
    onSelect: (id) => {
      selected.push(id)
      layers.setSelected(id)
    },
    onBox: (bbox) => boxes.push(bbox),
  })
  await layers.setFilter({})
  createApp(CaseMapBar, { layers })
    .use(i18n)
    .mount(document.getElementById('bar')!)
  window.caseHarness = {
    map,
    layers,
    selected,
    boxes,
    get picks() {
      return picks
    },
  }
  document.body.dataset.ready = '1'
}

void start()
