import type { CategoryClass, Edition } from '../../core/catalog/types.js'
import { categoryKey } from '../../core/catalog/category-key.js'
import { formatComponentCode } from '../../core/codes/component-code.js'
import type { Component, ComponentDataSource, ComponentStatus } from '../../core/component/types.js'
import type { Router } from '../../core/routing/route.js'
import type { LaidGrid } from './grids.js'
import { pointInCell } from './lattice.js'
import type { Rng } from './prng.js'
import { weightedSampler } from './prng.js'

/** 管理部件 of the demo city: a Component plus the administrative codes of its grid (standards.md §3.2). */
export interface DemoComponent extends Component {
  readonly districtCode: string
  readonly streetCode: string
  readonly communityCode: string
}

/** What the component generator needs besides the grids. */
export interface ComponentOptions {
  readonly count: number
  /** Component small classes of both editions (events are ignored). */
  readonly classes: readonly CategoryClass[]
  readonly router: Router
  /** Share of 2013-edition (16-digit) ids: older survey data; the rest are 2026 (17-digit). */
  readonly share2013?: number
}

// How common a class is, by the first name fragment that matches; everything else weighs 1. Street trees,
// lamps, bins and drain covers dominate any real 部件普查, monuments and bridges are rare.
const COMMONNESS: readonly (readonly [RegExp, number])[] = [
  [/古树名木/, 0.3],
  [/(雨水|污水)井盖|雨水箅子/, 14],
  [/(上水|供水|电力|通信|通讯|电信)井盖/, 7],
  [/(无主|不明)井盖/, 1],
  [/井盖|盖板/, 3],
  [/行道树/, 60],
  [/^路灯$/, 40],
  [/垃圾箱/, 25],
  [/^立杆$|电力立杆|通信立杆|综合杆/, 14],
  [/立杆/, 2],
  [/交通标志|路名牌|门.*牌/, 8],
  [/交通护栏|隔离/, 7],
  [/护栏/, 3],
  [/护树|树池|独立树/, 8],
  [/牌匾|广告/, 9],
  [/消防|电子眼|交接箱|变压器|配电箱/, 5],
  [/座椅|存车|非机动车停放|花架|公交站/, 4],
  [/绿地|景观灯|宣传栏|停车/, 3],
  // 泰州 has no metro: no 轨道交通设施 in the survey (the class stays deliberately unrouted, see routing.ts).
  [/轨道交通/, 0],
  [/桥|地下通道|隧道|泵站|管廊/, 0.4],
]

const STATUS_2013: readonly (readonly [ComponentStatus, number])[] = [
  ['intact', 88],
  ['damaged', 7],
  ['missing', 1.5],
  ['discarded', 2.5],
  ['removed', 1],
]
const STATUS_2026: readonly (readonly [ComponentStatus, number])[] = [
  ['intact', 95],
  ['damaged', 3.5],
  ['missing', 0.5],
  ['discarded', 0.5],
  ['removed', 0.5],
]
const SOURCE_2013: readonly (readonly [ComponentDataSource, number])[] = [
  ['实测', 55],
  ['地形图', 25],
  ['基础地理数据', 15],
  ['其他', 5],
]
const SOURCE_2026: readonly (readonly [ComponentDataSource, number])[] = [
  ['实测', 80],
  ['基础地理数据', 15],
  ['其他', 5],
]
// Survey windows: the 2013-edition 部件普查 and its updates; 2026-edition records from its effective date on.
const DATES: Readonly<Record<Edition, readonly [string, string]>> = {
  '2013': ['2014-03-01', '2026-06-30'],
  '2026': ['2026-07-01', '2026-10-31'],
}
/** How much denser components are in 核心区 than in 一般区 and the fringe. */
const AREA_DENSITY = { A: 3, B: 2, C: 1 } as const

/**
 * 部件普查数据 — scatters `count` components over the grids: denser in the core, spread over every component
 * class of both editions with common classes far more frequent, ids from formatComponentCode with a sequence
 * per (district, class), owner and maintainer from the city's routing (absent where only the rapid-response
 * fallback would answer: nobody owns such a thing).
 */
export function generateComponents(
  grids: readonly LaidGrid[],
  options: ComponentOptions,
  rng: Rng,
): DemoComponent[] {
  let offset = 0
  const byEdition = (['2013', '2026'] as const).map((edition) => {
    const classes = options.classes.filter((c) => c.kind === 'component' && c.edition === edition)
    if (classes.length === 0) throw new RangeError(`no ${edition} component classes in the catalog`)
    const keys = classes.map((c) => categoryKey(edition, 'component', c.code))
    const first = offset
    offset += classes.length
    return { edition, classes, keys, first, draw: weightedSampler(classes.map(commonness)) }
  })
  const classCount = offset
  // Sequences per (district, class) and owners per (place, class) live in flat arrays indexed by numbers:
  // a million components must not build a million map keys. The demo's rules go no finer than streets, so
  // owners are cached per (street, class) and cost a few thousand routing look-ups; a city with
  // community-level rules is cached per community.
  const byCommunity = options.router.rules.some((r) => r.regions?.some((code) => code.length > 9))
  const gridDistrict = numberBy(grids.map((g) => g.districtCode))
  const gridPlace = numberBy(grids.map((g) => (byCommunity ? g.grid.communityCode : g.streetCode)))
  const sequences = new Int32Array(countOf(gridDistrict) * classCount)
  const owners: (string | null | undefined)[] = new Array(countOf(gridPlace) * classCount)
  const drawGrid = weightedSampler(grids.map((g) => AREA_DENSITY[g.grid.areaClass]))
  const drawStatus = [STATUS_2013, STATUS_2026].map(table)
  const drawSource = [SOURCE_2013, SOURCE_2026].map(table)
  const days = [dayRange(...DATES['2013']), dayRange(...DATES['2026'])]
  const share2013 = options.share2013 ?? 0.6

  const out: DemoComponent[] = new Array(options.count)
  for (let n = 0; n < options.count; n++) {
    const e = rng.next() < share2013 ? 0 : 1
    const { edition, classes, keys, first, draw } = byEdition[e]!
    const k = draw(rng.next())
    const cls = classes[k]!
    const g = drawGrid(rng.next())
    const laid = grids[g]!
    const sequence = ++sequences[gridDistrict[g]! * classCount + first + k]!
    const [lon, lat] = pointInCell(laid.cell, 0.05 + 0.9 * rng.next(), 0.05 + 0.9 * rng.next())
    const ownerSlot = gridPlace[g]! * classCount + first + k
    let owner = owners[ownerSlot]
    if (owner === undefined) owners[ownerSlot] = owner = ownerOf(options.router, cls, keys[k]!, laid)
    const dayList = days[e]!
    const component: Mutable<DemoComponent> = {
      id: formatComponentCode(laid.districtCode, cls.code, sequence),
      edition,
      category: keys[k]!,
      name: cls.name,
      status: drawStatus[e]!(rng.next()),
      lon,
      lat,
      gridId: laid.grid.id,
      districtCode: laid.districtCode,
      streetCode: laid.streetCode,
      communityCode: laid.grid.communityCode,
      initialDate: dayList[Math.floor(rng.next() * dayList.length)]!,
      dataSource: drawSource[e]!(rng.next()),
    }
    if (owner) {
      component.ownerUnitId = owner
      component.maintainerUnitId = owner
    }
    out[n] = component
  }
  return out
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function countOf(numbers: Int32Array): number {
  return numbers.reduce((max, n) => Math.max(max, n + 1), 0)
}

// Numbers each distinct value in order of first appearance: ['a', 'b', 'a'] → [0, 1, 0].
function numberBy(values: readonly string[]): Int32Array {
  const index = new Map<string, number>()
  const out = new Int32Array(values.length)
  values.forEach((v, k) => {
    let n = index.get(v)
    if (n === undefined) index.set(v, (n = index.size))
    out[k] = n
  })
  return out
}

function commonness(cls: CategoryClass): number {
  for (const [pattern, weight] of COMMONNESS) if (pattern.test(cls.name)) return weight
  return 1
}

function table<T>(rows: readonly (readonly [T, number])[]): (u: number) => T {
  const draw = weightedSampler(rows.map(([, w]) => w))
  return (u) => rows[draw(u)]![0]
}

function ownerOf(router: Router, cls: CategoryClass, category: string, laid: LaidGrid): string | null {
  const result = router.route({
    categoryKey: category,
    defaultUnitType: cls.defaultUnitType,
    place: {
      districtCode: laid.districtCode,
      streetCode: laid.streetCode,
      communityCode: laid.grid.communityCode,
    },
  })
  return result.basis.kind === 'fallback' ? null : result.unit.id
}

// Every calendar day from `first` to `last` as 'YYYY-MM-DD' (UTC arithmetic on fixed dates, no clock).
function dayRange(first: string, last: string): string[] {
  const days: string[] = []
  const end = Date.parse(`${last}T00:00:00Z`)
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10))
  return days
}
