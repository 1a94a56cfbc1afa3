import type { Transaction } from 'kysely'
import type { Role } from '../../../core/case/types.js'
import type { DemoCity } from '../../../gis-data/generator/index.js'
import type { Database } from '../db/schema.js'
import { upsertUsers, type UserInput } from '../db/users.js'
import { upsertApiClient } from '../db/api-clients.js'
import { hashSecret } from '../auth/tokens.js'

/** One demo account: who it is and what binds it (a unit, or a street's grids for an inspector). */
export interface DemoPerson {
  readonly username: string
  readonly displayName: string
  readonly role: Exclude<Role, 'api-client'>
  readonly unitId?: string
  /** Inspectors: every grid of this street is a duty grid. */
  readonly street?: string
  /** What the account is for, as the README lists it. */
  readonly note: string
}

/**
 * 演示账号 — one person per role in the demo city (海陵区 for the unit roles and inspectors), plus the extra
 * handlers the seed paths need: a second unit for 改派 / 异议, a district government for 二级派遣, and the
 * water company for the manhole-cover safety hazard. All share the password CITYLOOP_DEMO_PASSWORD.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { username: 'receiver', displayName: '受理员 王敏', role: 'receiver', note: '受理, 发核实, 发核查, 自处理审核' },
  { username: 'shift-leader', displayName: '值班长 李强', role: 'shift-leader', note: '立案, 不予立案, 作废, 结案 (核查结果), approvals' },
  { username: 'dispatcher', displayName: '派遣员 张丽', role: 'dispatcher', note: '派遣, 延期/回退/挂账审批, 异议裁定, 快速处置' },
  { username: 'inspector', displayName: '监督员 陈刚', role: 'inspector', street: '321202001', note: 'duty grids: every grid of 城中街道 (海陵区)' },
  { username: 'inspector-east', displayName: '监督员 赵磊', role: 'inspector', street: '321202002', note: 'duty grids: every grid of 城东街道 (海陵区)' },
  { username: 'hl-sanitation', displayName: '海陵区环卫处 处置人员 刘洋', role: 'unit-handler', unitId: 'hl-sanitation', note: '签收, 处置, 延期/回退/挂账 requests' },
  { username: 'hl-sanitation-manager', displayName: '海陵区环卫处 管理员 周静', role: 'unit-manager', unitId: 'hl-sanitation', note: 'the unit manager of 海陵区环卫处' },
  { username: 'hl-government-manager', displayName: '海陵区人民政府 管理员 吴军', role: 'unit-manager', unitId: 'hl-government', note: '二级派遣 to 海陵区环卫处 / 城管执法大队' },
  { username: 'hl-law-enforcement', displayName: '海陵区城管执法大队 处置人员 孙浩', role: 'unit-handler', unitId: 'hl-law-enforcement', note: 'a second unit: 异议, 改派' },
  { username: 'water-supply', displayName: '泰州市自来水公司 处置人员 郑伟', role: 'unit-handler', unitId: 'city-water-supply', note: '上水井盖: the 2-hour arrival of 第9条' },
  { username: 'leader', displayName: '领导 何明', role: 'leader', note: '督办 on any open case' },
  { username: 'gis', displayName: '地理信息维护员 马琳', role: 'gis-maintainer', note: 'keeps the map; no case access' },
  { username: 'admin', displayName: '系统管理员', role: 'admin', note: 'accounts, API clients, working calendar, case rules, jobs' },
]

/** The demo API client: an IoT sensor gateway that may file cases (source 物联传感) and upload their photos. */
export const DEMO_API_CLIENT = Object.freeze({ id: 'demo-sensor', name: '演示物联感知网关', source: 'iot' as const })

/** Stores the demo accounts (replacing them by id) and the demo API client, in the caller's transaction. */
export async function upsertDemoPeople(
  trx: Transaction<Database>,
  city: Pick<DemoCity, 'grids'>,
  secrets: { readonly passwordHash: string; readonly apiKey: string },
): Promise<number> {
  const users: UserInput[] = DEMO_PEOPLE.map((p) => ({
    id: `demo-${p.username}`,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    ...(p.unitId ? { unitId: p.unitId } : {}),
    ...(p.street ? { gridIds: city.grids.filter((g) => g.communityCode.startsWith(p.street!)).map((g) => g.id) } : {}),
    passwordHash: secrets.passwordHash,
  }))
  await upsertUsers(trx, users)
  await upsertApiClient(trx, { ...DEMO_API_CLIENT, keyHash: hashSecret(secrets.apiKey), scopes: ['cases:create', 'photos:create'] })
  return users.length
}
