import type { CategoryClass } from '../../core/catalog/types.js'
import { categoryKey } from '../../core/catalog/category-key.js'
import type { RoutingRule } from '../../core/routing/types.js'
import type { UnitType } from '../../core/routing/unit-type.js'
import type { DistrictSpec } from './taizhou.js'
import { districtUnitId, UNIT_IDS } from './units.js'

const c13 = (...codes: string[]) => codes.map((c) => `2013:component:${c}`)
const e13 = (...codes: string[]) => codes.map((c) => `2013:event:${c}`)
const e26 = (...codes: string[]) => codes.map((c) => `2026:event:${c}`)
/** A 2026 component class and its mirror matter '〈部件〉异常' (same 5-digit code, kind event). */
const both26 = (...codes: string[]) => codes.flatMap((c) => [`2026:component:${c}`, `2026:event:${c}`])

/** Telecom: covers, cabinets, booths, poles, base stations and fallen overhead cables. */
const TELECOM = [
  ...c13('0107', '0108', '0109', '0115', '0122', '0124'),
  ...e13('0408'),
  ...both26('01007', '01008', '01009', '01027', '01031', '01041', '01043', '01062'),
  ...e26('10002'),
]

/**
 * Unit types the demo city has no unit for, whose classes the district government takes instead (属地管理;
 * it is the 二级平台 and dispatches on to its own bureaus). market-regulation and transport are not here:
 * see the unrouted classes below.
 */
const TERRITORIAL_TYPES: ReadonlySet<UnitType> = new Set([
  'district-government',
  'street-office',
  'housing',
  'water-affairs',
  'ecology-environment',
])

/**
 * Classes left deliberately unrouted: no rule names them and the city has no unit of their default type
 * (market-regulation, transport), so a case about one reaches the center's 快速处置队 (seed 第9条第三款).
 * 自动售货机 (2013 0125, 2026 01045) and 车辆加油(气、电)站 (2026 05003) have no 市场监管 unit here, and
 * 轨道交通设施 (2026 02032): 泰州 has no metro, so nobody is set up to answer for one.
 */
export const UNROUTED_CATEGORIES: readonly string[] = [...c13('0125'), ...both26('01045', '05003', '02032')]

/**
 * 派遣规则 — the demo city's routing rules (seed 第6条: the center fixes who handles each category), for both
 * catalog editions. 城管执法 takes whole event big classes in each district, with the 环卫, 园林, 市政 and
 * 交警 items inside them carved out by longer (small-class) matches; 市容环卫 components go to each
 * district's 环卫处; telecom is split between the three operators by district; three street-level rules
 * show the narrowest region winning. `classes` (both catalogs) supplies the 属地 list.
 */
export function buildRoutingRules(
  districts: readonly DistrictSpec[],
  classes: readonly CategoryClass[],
): RoutingRule[] {
  const [hailing, gaogang, jiangyan, gaoxin] = districts
  if (!hailing || !gaogang || !jiangyan || !gaoxin)
    throw new RangeError('buildRoutingRules expects the four 泰州 districts')
  const territorial = classes
    .filter((c) => TERRITORIAL_TYPES.has(c.defaultUnitType))
    .map((c) => categoryKey(c.edition, c.kind, c.code))
  const city: RoutingRule[] = [
    rule('landscaping', UNIT_IDS.landscaping, [
      '2013:component:04',
      '2026:component:04',
      '2026:event:04',
      ...both26('01014'),
      ...e13('0106', '0109'),
      ...e26('06017', '06018', '06019', '06021', '06022', '06045', '06047'),
    ]),
    rule(
      'municipal-works-events',
      UNIT_IDS.municipalWorks,
      [...e13('0110'), ...e26('06013', '06048', '06049', '06050', '06051', '06052', '08014', '09017')],
      undefined,
      'road, kerb and step damage reported as 市容 or 施工 events',
    ),
    rule('traffic-police-events', UNIT_IDS.trafficPolice, [
      ...e13('0505', '0509'),
      ...e26('06016', '09009', '09014', '09016', '09018'),
    ]),
    rule(
      'transport-facilities',
      UNIT_IDS.municipalWorks,
      [
        ...c13('0128', '0203', '0204', '0605'),
        ...both26('01020', '01032', '02004', '02005', '02026', '02028', '02031', '02042', '02044'),
      ],
      undefined,
      'no transport unit in the demo city: 市政 keeps bus shelters and taxi stands',
    ),
    rule(
      'telecom-ct',
      UNIT_IDS.telecom.ct,
      TELECOM,
      [hailing.code, gaoxin.code],
      '海陵 and 高新区 lines belong to 电信',
    ),
    rule('telecom-cmcc', UNIT_IDS.telecom.cmcc, TELECOM, [gaogang.code], '高港 lines belong to 移动'),
    rule('telecom-cu', UNIT_IDS.telecom.cu, TELECOM, [jiangyan.code], '姜堰 lines belong to 联通'),
  ]
  const perDistrict = districts.flatMap((spec): RoutingRule[] => [
    rule(
      `${spec.slug}-sanitation`,
      districtUnitId(spec, 'sanitation'),
      [
        '2013:component:03',
        '2026:component:03',
        '2026:event:03',
        ...both26('01018'),
        ...e13('0102', '0103', '0104', '0108', '0112', '0116', '0407'),
        ...e26('06010', '06011', '06012', '06014', '06032', '06035', '06037', '06041', '06042', '10001'),
      ],
      [spec.code],
    ),
    rule(
      `${spec.slug}-law-enforcement`,
      districtUnitId(spec, 'law-enforcement'),
      [
        '2013:event:01',
        '2013:event:02',
        '2013:event:03',
        '2013:event:05',
        '2026:event:06',
        '2026:event:07',
        '2026:event:08',
        '2026:event:09',
        // Signs, billboards and kiosks are 城管 business even where they sit in the 市容 or 公用设施 class.
        ...c13('0121', '0137', '0306', '0307'),
        ...both26('01040', '01044', '01065', '03006', '03007'),
      ],
      [spec.code],
    ),
    rule(
      `${spec.slug}-territorial`,
      districtUnitId(spec, 'government'),
      territorial,
      [spec.code],
      '属地管理: no 街道办, 住建, 水利 or 生态环境 unit in the demo city',
    ),
  ])
  // Street-level overrides: the same category match as a district rule, a narrower region, so they win there.
  const streets: RoutingRule[] = [
    rule(
      'telecom-cmcc-chengbei',
      UNIT_IDS.telecom.cmcc,
      TELECOM,
      [`${hailing.code}005`],
      '城北街道 was wired by 移动',
    ),
    rule(
      'hl-chengzhong-lighting',
      districtUnitId(hailing, 'government'),
      [...c13('0120'), ...both26('01039')],
      [`${hailing.code}001`],
      '城中 old-town scenic lighting is run by the district',
    ),
    rule(
      'gx-sixiang-sanitation',
      districtUnitId(gaoxin, 'government'),
      ['2013:component:03', '2026:component:03'],
      [`${gaoxin.code}002`],
      '寺巷 (China Medical City core): the 管委会 contracts its own cleaning',
    ),
  ]
  return [...city, ...perDistrict, ...streets]
}

function rule(
  id: string,
  unitId: string,
  categories: string[],
  regions?: string[],
  note?: string,
): RoutingRule {
  return { id, categories, unitId, ...(regions ? { regions } : {}), ...(note ? { note } : {}) }
}
