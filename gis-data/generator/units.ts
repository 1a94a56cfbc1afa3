import type { ResponsibleUnit } from '../../core/routing/types.js'
import type { UnitType } from '../../core/routing/unit-type.js'
import type { DistrictSpec } from './taizhou.js'

/** Ids of the city-wide units, so routing rules and tests can name them without string typos. */
export const UNIT_IDS = {
  municipalWorks: 'city-municipal-works',
  landscaping: 'city-landscaping',
  power: 'state-grid-taizhou',
  streetLighting: 'city-street-lighting',
  telecom: { ct: 'telecom-ct', cmcc: 'telecom-cmcc', cu: 'telecom-cu' },
  gas: 'towngas-taizhou',
  waterSupply: 'city-water-supply',
  drainage: 'city-drainage',
  trafficPolice: 'traffic-police',
  publicSecurity: 'city-public-security',
  rapidResponse: 'center-rapid-response',
} as const

/** Id of a district's own unit of a kind: 'hl-sanitation', 'gx-government'. */
export function districtUnitId(
  spec: DistrictSpec,
  kind: 'sanitation' | 'law-enforcement' | 'government',
): string {
  return `${spec.slug}-${kind}`
}

interface UnitRow {
  readonly id: string
  readonly name: string
  readonly nameEn: string
  readonly type: UnitType
  readonly phone: string
}

// Phone numbers are fictional (0523-8xxxxxxx, the 泰州 area code), not the real offices' numbers.
const CITY_UNITS: readonly UnitRow[] = [
  {
    id: UNIT_IDS.municipalWorks,
    name: '泰州市市政设施管理处',
    nameEn: 'Taizhou Municipal Facilities Management Office',
    type: 'municipal-works',
    phone: '0523-86201101',
  },
  {
    id: UNIT_IDS.landscaping,
    name: '泰州市园林绿化管理处',
    nameEn: 'Taizhou Landscaping Management Office',
    type: 'landscaping',
    phone: '0523-86201202',
  },
  {
    id: UNIT_IDS.power,
    name: '国网泰州供电公司',
    nameEn: 'State Grid Taizhou Power Supply Company',
    type: 'power',
    phone: '0523-86203303',
  },
  {
    id: UNIT_IDS.streetLighting,
    name: '泰州市路灯管理所',
    nameEn: 'Taizhou Street Lighting Management Station',
    type: 'street-lighting',
    phone: '0523-86204404',
  },
  {
    id: UNIT_IDS.telecom.ct,
    name: '中国电信泰州分公司',
    nameEn: 'China Telecom Taizhou Branch',
    type: 'telecom',
    phone: '0523-86205505',
  },
  {
    id: UNIT_IDS.telecom.cmcc,
    name: '中国移动泰州分公司',
    nameEn: 'China Mobile Taizhou Branch',
    type: 'telecom',
    phone: '0523-86206606',
  },
  {
    id: UNIT_IDS.telecom.cu,
    name: '中国联通泰州分公司',
    nameEn: 'China Unicom Taizhou Branch',
    type: 'telecom',
    phone: '0523-86207707',
  },
  {
    id: UNIT_IDS.gas,
    name: '泰州港华燃气有限公司',
    nameEn: 'Taizhou Towngas Co., Ltd.',
    type: 'gas',
    phone: '0523-86208808',
  },
  {
    id: UNIT_IDS.waterSupply,
    name: '泰州市自来水有限公司',
    nameEn: 'Taizhou Water Supply Co., Ltd.',
    type: 'water-supply',
    phone: '0523-86209909',
  },
  {
    id: UNIT_IDS.drainage,
    name: '泰州市排水管理处',
    nameEn: 'Taizhou Drainage Management Office',
    type: 'drainage',
    phone: '0523-86210010',
  },
  {
    id: UNIT_IDS.trafficPolice,
    name: '泰州市公安局交通警察支队',
    nameEn: 'Taizhou Traffic Police Detachment',
    type: 'traffic-police',
    phone: '0523-86211011',
  },
  {
    id: UNIT_IDS.publicSecurity,
    name: '泰州市公安局',
    nameEn: 'Taizhou Public Security Bureau',
    type: 'public-security',
    phone: '0523-86211212',
  },
]

/**
 * 责任单位 — the demo city's responsible units (seed 第5条): city-wide utilities and bureaus, each district's
 * 环卫处, 城管执法大队 and government (the 高新区 has a 管委会 instead), and the center's own 快速处置队,
 * which handles what nobody else can (seed 第9条第三款).
 */
export function buildUnits(districts: readonly DistrictSpec[]): ResponsibleUnit[] {
  const city = CITY_UNITS.map(({ id, name, nameEn, type, phone }): ResponsibleUnit => ({
    id,
    name,
    nameEn,
    type,
    jurisdiction: [],
    phone,
  }))
  const perDistrict = districts.flatMap((spec, k): ResponsibleUnit[] => {
    const government = districtUnitId(spec, 'government')
    const zone = spec.code.endsWith('71')
    const short = spec.name.replace(/区$/, '')
    const enShort = spec.nameEn.replace(/ District$/, '')
    // 0523-87 + district number + unit number, e.g. 0523-87102200 for the second district's 环卫处.
    const phone = (n: number) => `0523-87${k}0${n}${n}00`
    return [
      {
        id: government,
        name: zone ? `${spec.name}管委会` : `${spec.name}人民政府`,
        nameEn: zone ? `${spec.nameEn} Administrative Committee` : `${enShort} District People's Government`,
        type: 'district-government',
        jurisdiction: [spec.code],
        phone: phone(1),
      },
      {
        id: districtUnitId(spec, 'sanitation'),
        name: `${short}区环境卫生管理处`,
        nameEn: `${enShort} Sanitation Office`,
        type: 'sanitation',
        jurisdiction: [spec.code],
        parentId: government,
        phone: phone(2),
      },
      {
        id: districtUnitId(spec, 'law-enforcement'),
        name: `${short}区城市管理综合行政执法大队`,
        nameEn: `${enShort} Urban Management Law Enforcement Brigade`,
        type: 'law-enforcement',
        jurisdiction: [spec.code],
        parentId: government,
        phone: phone(3),
      },
    ]
  })
  const center: ResponsibleUnit = {
    id: UNIT_IDS.rapidResponse,
    name: '泰州市数字化城市管理中心快速处置队',
    nameEn: 'Taizhou Digital City Management Center Rapid-Response Team',
    type: 'rapid-response',
    jurisdiction: [],
    phone: '0523-86212312',
  }
  return [...city, ...perDistrict, center]
}
