import type { Kysely } from 'kysely'
import type { CaseRules } from '../../../core/case/profile.js'
import type { RawCommand } from '../../../core/case/commands.js'
import type { Actor, CaseSource, CaseState } from '../../../core/case/types.js'
import type { Rng } from '../../../gis-data/generator/prng.js'
import type { CaseIntake } from '../commands/create-case.js'
import type { Database } from '../db/schema.js'
import { actorOfUser } from '../db/users.js'
import type { CityModel } from '../services/city-model.js'
import { DEMO_API_CLIENT, DEMO_PEOPLE } from './demo-people.js'
import type { DemoPhotoKind } from './demo-photos.js'

// 演示剧本 — who does what in the demo city's case history: the demo accounts (demo-people.ts) in their roles,
// the categories people report in 海陵区, where they report them, and the next step of a case as the proper
// role would take it. Shared by the case seed (demo-cases.ts) and the live activity job (demo-activity.ts).

/** The district the demo accounts work in (海陵区): the demo cases happen here. */
export const DEMO_DISTRICT = '321202'

/** The demo accounts as core's actors, and what the seed needs to place and route cases. */
export interface DemoCast {
  readonly receiver: Actor
  readonly shiftLeader: Actor
  readonly dispatcher: Actor
  readonly leader: Actor
  /** Inspectors with their duty grids. */
  readonly inspectors: readonly Actor[]
  /** The demo sensor gateway (API client), when it exists. */
  readonly sensor?: { readonly actor: Actor; readonly source: CaseSource }
  /** Responsible unit → the demo people who act for it, handlers before managers. */
  readonly unitPeople: ReadonlyMap<string, readonly Actor[]>
  /** Every grid of the district, by id. */
  readonly grids: readonly string[]
  /** Surveyed components of the district for the component categories the script reports, by category key. */
  readonly components: ReadonlyMap<string, readonly DemoComponentRef[]>
  readonly photos: Readonly<Record<DemoPhotoKind, readonly string[]>>
}

/** A component a case can be reported on. */
export interface DemoComponentRef {
  readonly id: string
  readonly lon: number
  readonly lat: number
  readonly gridId: string
}

/**
 * Reads the demo accounts, the district's grids and components; undefined when the demo accounts are not
 * there (a database without `seed demo`).
 */
export async function loadDemoCast(db: Kysely<Database>, photos: DemoCast['photos']): Promise<DemoCast | undefined> {
  const ids = DEMO_PEOPLE.map((p) => `demo-${p.username}`)
  const rows = await db.selectFrom('app_user').selectAll().where('id', 'in', ids).where('active', '=', true).execute()
  const byName = new Map(rows.map((r) => [r.username, actorOfUser(r)]))
  const receiver = byName.get('receiver')
  const shiftLeader = byName.get('shift-leader')
  const dispatcher = byName.get('dispatcher')
  const leader = byName.get('leader')
  const inspectors = rows.filter((r) => r.role === 'inspector' && r.grid_ids.length > 0).map(actorOfUser)
  if (!receiver || !shiftLeader || !dispatcher || !leader || inspectors.length === 0) return undefined
  const unitPeople = new Map<string, Actor[]>()
  for (const r of [...rows].sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.id.localeCompare(b.id))) {
    if (!r.unit_id || (r.role !== 'unit-handler' && r.role !== 'unit-manager')) continue
    unitPeople.set(r.unit_id, [...(unitPeople.get(r.unit_id) ?? []), actorOfUser(r)])
  }
  const client = await db.selectFrom('api_client').select(['id', 'source']).where('id', '=', DEMO_API_CLIENT.id).where('active', '=', true).executeTakeFirst()
  const grids = (await db.selectFrom('unit_grid').select('id').where('district_code', '=', DEMO_DISTRICT).orderBy('id').execute()).map((r) => r.id)
  const componentKeys = [...new Set(TOPICS.filter((t) => t.component).map((t) => t.key))]
  const componentRows = await db
    .selectFrom('component')
    .select(['id', 'category', 'lon', 'lat', 'grid_id'])
    .where('district_code', '=', DEMO_DISTRICT)
    .where('category', 'in', componentKeys)
    .orderBy('id')
    .execute()
  const components = new Map<string, DemoComponentRef[]>()
  for (const c of componentRows) components.set(c.category, [...(components.get(c.category) ?? []), { id: c.id, lon: c.lon, lat: c.lat, gridId: c.grid_id }])
  return {
    receiver,
    shiftLeader,
    dispatcher,
    leader,
    inspectors,
    ...(client ? { sensor: { actor: { id: client.id, role: 'api-client' as const }, source: client.source as CaseSource } } : {}),
    unitPeople,
    grids,
    components,
    photos,
  }
}

const roleOrder = (role: string) => (role === 'unit-handler' ? 0 : 1)

/** 问题主题 — a category people report here, how often, and what they write. */
export interface Topic {
  readonly key: string
  readonly weight: number
  /** Weights of the category's filing conditions, in catalog order; default: the first only. */
  readonly conditions?: readonly number[]
  /** Clusters in the hot grids (高发): rubbish, small ads, street vending, parked bikes. */
  readonly hot?: boolean
  /** Reported at a surveyed component of this category. */
  readonly component?: boolean
  /** Sources that report it besides people on foot: smart sensors, video analytics. */
  readonly sensed?: readonly ('iot' | 'video')[]
  readonly texts: readonly string[]
}

/**
 * 案件主题 — the mix of a 海陵区 month, weighted toward the common problems (rubbish, small ads, street
 * vending, manhole covers, road damage). Road damage goes to 市政设施管理处, which has no demo account: such
 * cases reach the unit but wait there, or are refused at the desk.
 */
export const TOPICS: readonly Topic[] = [
  { key: '2026:event:06010', weight: 14, hot: true, sensed: ['video'], conditions: [0.8, 0.2], texts: ['路边暴露生活垃圾，无人清理', '绿化带旁堆着几袋装修垃圾', '人行道上散落垃圾，影响通行', '小区门口暴露垃圾有异味'] },
  { key: '2013:event:0102', weight: 5, hot: true, conditions: [0.8, 0.2], texts: ['路口暴露垃圾', '广场角落有一堆垃圾未清理'] },
  { key: '2026:event:06042', weight: 6, hot: true, sensed: ['iot'], conditions: [0.85, 0.15], texts: ['垃圾桶满溢，周边散落垃圾', '菜场旁垃圾箱满溢，气味很大'] },
  { key: '2026:event:06012', weight: 4, conditions: [0.6, 0.4], texts: ['路面有大片油渍和泥沙', '人行道落叶纸屑未清扫'] },
  { key: '2026:event:06014', weight: 3, conditions: [0.85, 0.15], texts: ['渣土车遗撒泥浆一路', '路面遗撒砂石'] },
  { key: '2013:event:0103', weight: 2, conditions: [0.8, 0.2], texts: ['空地积存建筑垃圾未清运'] },
  { key: '2026:event:07001', weight: 10, hot: true, conditions: [0.75, 0.25], texts: ['电线杆上张贴办证小广告', '墙面喷涂小广告', '公交站牌贴满小广告'] },
  { key: '2013:event:0201', weight: 4, hot: true, conditions: [0.75, 0.25], texts: ['楼道口张贴小广告', '配电箱上贴满小广告'] },
  { key: '2026:event:07003', weight: 2, conditions: [0.7, 0.3], texts: ['店招未经审批擅自设置', '户外广告牌松动'] },
  { key: '2026:event:09006', weight: 7, hot: true, sensed: ['video'], texts: ['流动摊贩占道经营', '早市摊点占用人行道', '水果摊占用盲道'] },
  { key: '2026:event:09010', weight: 4, hot: true, sensed: ['video'], texts: ['电动车乱停，堵塞人行道', '非机动车堵住消防通道口'] },
  { key: '2026:event:09011', weight: 3, sensed: ['video'], texts: ['共享单车堆积，占用人行道'] },
  { key: '2026:event:06036', weight: 4, sensed: ['video'], texts: ['人行道上乱堆杂物', '沿街商户门前堆放纸箱'] },
  { key: '2013:event:0507', weight: 2, texts: ['路边乱堆建材'] },
  { key: '2026:event:08002', weight: 2, texts: ['施工围挡超范围占道'] },
  { key: '2013:event:0114', weight: 1, sensed: ['video'], texts: ['绿地内焚烧树叶，烟雾较大'] },
  { key: '2026:event:08009', weight: 2, texts: ['工地出入口道路被渣土车压坏'] },
  { key: '2026:event:08006', weight: 1, texts: ['施工物料堆在围挡外'] },
  { key: '2013:component:0305', weight: 3, component: true, sensed: ['iot'], conditions: [0.6, 0.25, 0.15], texts: ['垃圾箱满溢', '垃圾箱破损倾倒', '垃圾箱脏污有异味'] },
  { key: '2026:component:03005', weight: 2, component: true, sensed: ['iot'], conditions: [0.6, 0.25, 0.15], texts: ['垃圾箱满溢', '垃圾箱破损'] },
  { key: '2013:component:0307', weight: 2, component: true, conditions: [0.2, 0.5, 0.3], texts: ['广告牌匾松动', '牌匾缺字、亮化不全', '牌匾超期未拆除'] },
  { key: '2013:component:0101', weight: 3, component: true, sensed: ['iot'], conditions: [0.25, 0.45, 0.3], texts: ['上水井盖破损移位', '井盖下沉，与路面有高差', '井盖松动，车辆经过有响声'] },
  { key: '2026:component:01001', weight: 1, component: true, sensed: ['iot'], conditions: [0.25, 0.45, 0.3], texts: ['供水井盖破损', '供水井盖凸起'] },
  { key: '2013:component:0110', weight: 1, component: true, conditions: [0.2, 0.4, 0.4], texts: ['热力井盖移位', '热力井盖下沉'] },
  { key: '2026:event:01018', weight: 1, conditions: [0.3, 0.4, 0.3], texts: ['化粪池井盖破损', '化粪池井盖松动'] },
  { key: '2026:event:06013', weight: 3, texts: ['路面坑槽，车辆颠簸', '人行道板松动缺失'] },
  { key: '2013:event:0110', weight: 1.5, texts: ['路面破损，雨天积水'] },
  { key: '2013:event:0401', weight: 1, conditions: [0.5, 0.5], texts: ['路面开裂下沉，有塌陷迹象'] },
]

/** What people write about each of the four 第9条 hazards. */
export const HAZARD_TEXTS: Readonly<Record<string, readonly string[]>> = {
  'manhole-cover': ['井盖缺失，路面有洞口，行人车辆有危险', '井盖破碎移位，已有电动车险些掉入'],
  'road-collapse': ['路面塌陷出一个大坑，约一米见方', '路面脱空下沉，有继续塌陷的危险'],
  'overhead-line-fall': ['架空线缆断落垂到路面', '通信线缆脱落横在人行道上'],
  'pole-tilt': ['灯杆严重倾斜，有倒塌危险', '立杆被车撞歪，随时可能倒下'],
}

/** 处置 notes, per unit kind. */
const HANDLE_NOTES = ['已清理完毕，恢复整洁', '已安排人员到场处置完毕', '已整改到位', '已清除并复查现场']
const REASONS = {
  notAccept: ['经核实为重复上报', '不属于数字城管受理范围', '核实现场无此问题'],
  notRegister: ['属在建道路质保期内，由建设单位自行修复', '不符合立案条件', '已由属地当日处置'],
  void: ['上报信息有误，重新上报', '同一问题已立案'],
  dispute: ['该点位不在本单位管辖范围', '权属不清，请中心协调'],
  extension: ['需采购材料，申请延期', '涉及多部门协调，申请延期'],
  return: ['权属为其他单位，申请回退', '非本单位职责'],
  park: ['涉及拆迁，暂无法处置', '需待雨季结束后施工'],
  supervise: ['请加快处置进度', '群众反映强烈，请尽快处理'],
  refuseSelf: ['照片不清，请按正常流程处置'],
} as const

/**
 * 命运 — the side paths one case takes (drawn when it is reported): verification, self-handling, refusals,
 * dispute, requests, rework, and which step runs late. An empty fate takes the straight path.
 */
export interface Fate {
  readonly verify?: 'confirmed' | 'unfounded'
  readonly notAccept?: boolean
  readonly selfHandle?: 'approve' | 'refuse'
  readonly notRegister?: boolean
  readonly void?: boolean
  /** 快速处置 by the center's team (a hazard whose unit has nobody to send). */
  readonly rapid?: boolean
  /** A district government passes the case to one of its own units (二级派遣). */
  readonly subDispatch?: boolean
  readonly dispute?: 'uphold' | 'redispatch'
  readonly extension?: 'approve' | 'refuse'
  readonly returnCase?: boolean
  readonly park?: boolean
  readonly supervise?: boolean
  readonly rework?: boolean
  readonly unqualified?: boolean
}

/** The next step: who gives which command. */
export interface Move {
  readonly actor: Actor
  readonly command: RawCommand
}

/** What {@link nextMove} reads besides the case. */
export interface MoveContext {
  readonly cast: DemoCast
  readonly model: CityModel
  readonly rules: CaseRules
  readonly rng: Rng
  readonly fate: Fate
  /** Side paths already taken (they do not show in the state when refused). */
  readonly done: Set<string>
  /** The case's point (for 到场反馈) and the unit intake proposed. */
  readonly lon: number
  readonly lat: number
  readonly proposedUnitId: string | null
}

/**
 * 下一步 — the command the proper role would give next on this case, following its fate; undefined when
 * the case is closed or waits on someone with no demo account (a unit without one).
 */
export function nextMove(state: CaseState, ctx: MoveContext): Move | undefined {
  const { cast, fate, done, rng } = ctx
  const once = (flag: string, wanted: unknown) => {
    if (!wanted || done.has(flag)) return false
    done.add(flag)
    return true
  }
  const desk = () => (rng.next() < 0.12 ? cast.shiftLeader : cast.receiver)
  const photo = (kind: DemoPhotoKind) => rng.pick(cast.photos[kind])
  const unitId = state.subUnitId ?? state.assignedUnitId
  const handler = () => {
    const people = unitId ? cast.unitPeople.get(unitId) : undefined
    return people && people.length > 0 ? (rng.next() < 0.85 ? people[0]! : rng.pick(people)) : undefined
  }
  switch (state.status) {
    case 'reported': {
      const reporter = cast.inspectors.find((i) => i.id === state.reporterId)
      if (reporter && state.source === 'inspector' && once('self-handle', fate.selfHandle)) {
        return { actor: reporter, command: { action: 'self-handle', note: '已现场自行处置', afterPhotoIds: [photo('after')] } }
      }
      if (once('verify', fate.verify) && !state.verification) {
        return { actor: cast.receiver, command: { action: 'request-verify', inspectorId: inspectorFor(cast, state.gridId).id } }
      }
      if (state.verification?.result === 'unfounded' || once('not-accept', fate.notAccept)) {
        return { actor: desk(), command: { action: 'not-accept', reason: rng.pick(REASONS.notAccept) } }
      }
      return { actor: desk(), command: { action: 'accept' } }
    }
    case 'verifying': {
      const inspector = cast.inspectors.find((i) => i.id === state.inspectorId) ?? inspectorFor(cast, state.gridId)
      const unfounded = fate.verify === 'unfounded'
      return {
        actor: inspector,
        command: { action: 'verify-result', result: unfounded ? 'unfounded' : 'confirmed', note: unfounded ? '现场未发现所述问题' : '现场核实情况属实', photoIds: [photo(unfounded ? 'after' : 'before')] },
      }
    }
    case 'self-handled':
      if (fate.selfHandle === 'refuse' && once('refuse-self-handle', true)) {
        return { actor: cast.receiver, command: { action: 'refuse-self-handle', note: rng.pick(REASONS.refuseSelf) } }
      }
      return { actor: cast.receiver, command: { action: 'approve-self-handle' } }
    case 'accepted':
      if (once('not-register', fate.notRegister)) return { actor: cast.shiftLeader, command: { action: 'not-register', reason: rng.pick(REASONS.notRegister) } }
      if (once('void', fate.void)) return { actor: cast.shiftLeader, command: { action: 'void', reason: rng.pick(REASONS.void) } }
      return { actor: cast.shiftLeader, command: { action: 'register' } }
    case 'registered': {
      if (fate.rapid && ctx.rules.rapidHandling) {
        return {
          actor: cast.dispatcher,
          command: { action: 'rapid-handle', team: '数字城管快速处置队', costYuan: 200 + 50 * rng.int(0, 16), note: '快速处置队到场设置围挡并完成抢修', afterPhotoIds: [photo('after')] },
        }
      }
      // Back from a unit (approved return): the desk sends it to another one.
      const unit = state.previousUnitIds.length > 0 ? otherUnit(ctx, state) : (ctx.proposedUnitId ?? otherUnit(ctx, state))
      if (!unit) return undefined
      return { actor: cast.dispatcher, command: { action: 'dispatch', unitId: unit } }
    }
    case 'dispatched': {
      const assigned = state.assignedUnitId
      const manager = assigned ? cast.unitPeople.get(assigned)?.find((p) => p.role === 'unit-manager') : undefined
      const subUnits = assigned ? subUnitsOf(ctx, assigned) : []
      if (manager && !state.subUnitId && subUnits.length > 0 && once('sub-dispatch', fate.subDispatch)) {
        return { actor: manager, command: { action: 'sub-dispatch', subUnitId: rng.pick(subUnits) } }
      }
      const person = handler()
      if (!person) return undefined
      if (once('dispute', fate.dispute) && otherUnit(ctx, state)) return { actor: person, command: { action: 'dispute', reason: rng.pick(REASONS.dispute) } }
      return { actor: person, command: { action: 'sign' } }
    }
    case 'disputed': {
      const unit = fate.dispute === 'redispatch' ? otherUnit(ctx, state) : undefined
      return unit
        ? { actor: cast.dispatcher, command: { action: 'arbitrate', decision: 'redispatch', unitId: unit, note: '经协调改派' } }
        : { actor: cast.dispatcher, command: { action: 'arbitrate', decision: 'uphold', note: '经核查属该单位职责，维持派遣' } }
    }
    case 'handling': {
      const person = handler()
      if (!person) return undefined
      if (state.safetyHazard && !state.onSite) {
        const jitter = () => (rng.next() - 0.5) * 0.0002
        return { actor: person, command: { action: 'report-arrival', lon: ctx.lon + jitter(), lat: ctx.lat + jitter(), photoId: photo('arrival'), measures: '已设置围挡和警示标志，专人值守' } }
      }
      if (once('supervise', fate.supervise)) return { actor: cast.leader, command: { action: 'supervise', note: rng.pick(REASONS.supervise) } }
      if (state.counters.extensionCount < ctx.rules.maxExtensions && once('extension', fate.extension)) {
        return { actor: person, command: { action: 'request-extension', duration: { amount: rng.int(1, 3), unit: 'working-days' }, reason: rng.pick(REASONS.extension) } }
      }
      if (otherUnit(ctx, state) && once('return', fate.returnCase)) return { actor: person, command: { action: 'request-return', reason: rng.pick(REASONS.return) } }
      if (once('park', fate.park)) return { actor: person, command: { action: 'request-park', reason: rng.pick(REASONS.park) } }
      return { actor: person, command: { action: 'handle', note: rng.pick(HANDLE_NOTES), afterPhotoIds: [photo('after')] } }
    }
    case 'extension-requested':
      return { actor: cast.dispatcher, command: { action: fate.extension === 'refuse' ? 'refuse-extension' : 'approve-extension' } }
    case 'return-requested':
      return { actor: cast.dispatcher, command: { action: 'approve-return' } }
    case 'park-requested':
      return { actor: cast.dispatcher, command: { action: 'approve-park' } }
    case 'parked':
      return { actor: cast.dispatcher, command: { action: 'resume', note: '具备处置条件，恢复处置' } }
    case 'handled':
      return { actor: desk(), command: { action: 'request-check', inspectorId: inspectorFor(cast, state.gridId).id } }
    case 'checking': {
      const inspector = cast.inspectors.find((i) => i.id === state.inspectorId) ?? inspectorFor(cast, state.gridId)
      if (state.assignedUnitId && once('rework', fate.rework)) {
        return { actor: inspector, command: { action: 'check-result', outcome: 'rehandle', note: '现场仍未整改到位', photoIds: [photo('before')] } }
      }
      if (once('unqualified', fate.unqualified)) return { actor: cast.shiftLeader, command: { action: 'check-result', outcome: 'close-unqualified', note: '超期整改，不合格办结' } }
      const by = rng.next() < 0.9 ? inspector : cast.shiftLeader
      return { actor: by, command: { action: 'check-result', outcome: 'close', note: '核查已处置到位', photoIds: [photo('check')] } }
    }
    default:
      return undefined
  }
}

/** The inspector whose duty grids hold the grid; else the first one (a task can go to any inspector). */
export function inspectorFor(cast: DemoCast, gridId: string | undefined): Actor {
  return cast.inspectors.find((i) => gridId !== undefined && (i.gridIds ?? []).includes(gridId)) ?? cast.inspectors[0]!
}

/** Sub-units of a unit that have demo people. */
function subUnitsOf(ctx: MoveContext, unitId: string): string[] {
  return (ctx.model.router?.units ?? []).filter((u) => u.parentId === unitId && ctx.cast.unitPeople.has(u.id)).map((u) => u.id)
}

/** Another unit of the district with demo people, for 改派: not the current one, not one that had it. */
function otherUnit(ctx: MoveContext, state: CaseState): string | undefined {
  const units = (ctx.model.router?.units ?? []).filter(
    (u) => u.jurisdiction.includes(DEMO_DISTRICT) && ctx.cast.unitPeople.has(u.id) && u.id !== state.assignedUnitId && !state.previousUnitIds.includes(u.id),
  )
  return units.length > 0 ? units[Math.floor(ctx.rng.next() * units.length)]!.id : undefined
}

/** A report, ready for fileCase: who files it, what, and as what source. */
export interface DemoIntake {
  readonly actor: Actor
  readonly input: CaseIntake
  /** An API client's own source. */
  readonly clientSource?: CaseSource
  readonly topic: Topic
  /** The unit routing proposes, and whether a demo account acts for it. */
  readonly unitId: string | null
  readonly handleable: boolean
  readonly hazard: boolean
}

/** What a report is about: a topic, optionally forced to a condition, a place, a source. */
export interface IntakeWish {
  readonly source: CaseSource
  readonly topic: Topic
  readonly conditionIndex?: number
  /** Grid to report in; default drawn by source. */
  readonly gridId?: string
  /** Report at this component (its point). */
  readonly component?: DemoComponentRef
  readonly text?: string
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = ['先生', '女士', '师傅', '阿姨', '大爷']

/** Builds the report a person (or sensor) of `source` would send, located and routed like intake will. */
export function buildIntake(cast: DemoCast, model: CityModel, rng: Rng, wish: IntakeWish): DemoIntake {
  const { topic, source } = wish
  const category = model.category(topic.key)
  if (!category) throw new Error(`demo cases: the catalog has no category ${topic.key}; load both catalogs first`)
  const weights = topic.conditions ?? [1]
  const ci = wish.conditionIndex ?? pickWeighted(rng, weights)
  const condition = category.conditions[Math.min(ci, category.conditions.length - 1)]!
  let lon: number
  let lat: number
  let componentId: string | undefined
  if (wish.component) {
    ;({ lon, lat } = wish.component)
    componentId = wish.component.id
  } else {
    ;[lon, lat] = pointIn(model, rng, wish.gridId ?? rng.pick(cast.grids))
  }
  const where = model.locator.locate(lon, lat)
  const place = {
    ...(where.district ? { districtCode: where.district.code } : {}),
    ...(where.street ? { streetCode: where.street.code } : {}),
    ...(where.community ? { communityCode: where.community.code } : {}),
  }
  const unitId = model.router?.route({ categoryKey: topic.key, defaultUnitType: category.defaultUnitType, place }).unit.id ?? null
  const hazard = condition.safetyHazard !== undefined
  const text = wish.text ?? (condition.safetyHazard ? rng.pick(HAZARD_TEXTS[condition.safetyHazard]!) : rng.pick(topic.texts))
  const address = `${where.district?.name ?? ''}${where.street?.name ?? ''}${where.community?.name ?? ''}${where.grid ? `（网格 ${where.grid.id.slice(-6)}）` : ''}`
  const withPhoto = source !== 'public' || rng.next() < 0.5
  const input: CaseIntake = {
    lon: round7(lon),
    lat: round7(lat),
    categoryKey: topic.key,
    conditionId: condition.id,
    address,
    description: text,
    ...(componentId ? { componentId } : {}),
    ...(withPhoto ? { photoIds: [rng.pick(cast.photos.before)] } : {}),
    ...(source === 'public' ? { reporterName: `${rng.pick([...SURNAMES])}${rng.pick(GIVEN)}`, reporterContact: `13${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}` } : {}),
  }
  let actor: Actor
  let clientSource: CaseSource | undefined
  if (source === 'inspector') {
    actor = where.grid ? inspectorFor(cast, where.grid.id) : cast.inspectors[0]!
  } else if (source === 'iot' && cast.sensor) {
    actor = cast.sensor.actor
    clientSource = cast.sensor.source
  } else if (source === 'leader') {
    actor = cast.leader
  } else {
    actor = cast.receiver
  }
  const sent: CaseIntake = actor.role === 'inspector' || actor.role === 'api-client' ? input : { ...input, source }
  return {
    actor,
    input: sent,
    ...(clientSource ? { clientSource } : {}),
    topic,
    unitId,
    handleable: unitId !== null && cast.unitPeople.has(unitId),
    hazard,
  }
}

/** A point inside a grid (rejection sampling in its box; the box centre if the grid is a sliver). */
export function pointIn(model: CityModel, rng: Rng, gridId: string): [number, number] {
  const grid = model.locator.grid(gridId)
  if (!grid) throw new Error(`demo cases: no grid ${gridId}`)
  const ring = grid.geometry.coordinates[0]!
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of ring) {
    w = Math.min(w, x!)
    e = Math.max(e, x!)
    s = Math.min(s, y!)
    n = Math.max(n, y!)
  }
  for (let i = 0; i < 30; i++) {
    const lon = w + (e - w) * (0.1 + 0.8 * rng.next())
    const lat = s + (n - s) * (0.1 + 0.8 * rng.next())
    if (model.locator.gridAt(lon, lat)?.id === gridId) return [lon, lat]
  }
  return [(w + e) / 2, (s + n) / 2]
}

/** An index drawn in proportion to the weights. */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0)
  let u = rng.next() * total
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!
    if (u < 0) return i
  }
  return weights.length - 1
}

/** A UUID (v4 layout) drawn from the PRNG, so a seed gives the same case ids every time. */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7
