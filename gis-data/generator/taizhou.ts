/**
 * 泰州市区 — the four districts of the demo city where they really are, with real-sounding streets (街道).
 * Centres sit near each district's built-up core; `at` places a street's seed relative to the district centre
 * in units of the district's radius (x east, y north), so 城东 ends up east and 城北 north.
 */

/** One street (街道) of a district. */
export interface StreetSpec {
  readonly name: string
  readonly nameEn: string
  readonly at: readonly [number, number]
}

/** One district (区) of the demo city. */
export interface DistrictSpec {
  /** GB/T 2260 / 统计用区划代码 county-level code. */
  readonly code: string
  readonly name: string
  readonly nameEn: string
  /** Short pinyin used in unit ids, e.g. 'hl' → 'hl-sanitation'. */
  readonly slug: string
  readonly centre: readonly [number, number]
  /** Relative radius: the urban core of 海陵 is the largest, the development zone the smallest. */
  readonly weight: number
  readonly streets: readonly StreetSpec[]
}

/**
 * 区 — 海陵, 高港, 姜堰 and 泰州医药高新区 (code 321271: 统计用区划代码 numbers development zones 71–79).
 * 海陵 has seven real 街道; six are used here (红旗 is left out) to keep 3–6 streets per district.
 */
export const TAIZHOU_DISTRICTS: readonly DistrictSpec[] = [
  {
    code: '321202',
    name: '海陵区',
    nameEn: 'Hailing District',
    slug: 'hl',
    centre: [119.918, 32.482],
    weight: 1.15,
    streets: [
      { name: '城中街道', nameEn: 'Chengzhong Subdistrict', at: [0, 0] },
      { name: '城东街道', nameEn: 'Chengdong Subdistrict', at: [0.65, 0] },
      { name: '城西街道', nameEn: 'Chengxi Subdistrict', at: [-0.65, 0] },
      { name: '城南街道', nameEn: 'Chengnan Subdistrict', at: [0, -0.65] },
      { name: '城北街道', nameEn: 'Chengbei Subdistrict', at: [-0.2, 0.65] },
      { name: '京泰路街道', nameEn: 'Jingtai Road Subdistrict', at: [0.55, 0.55] },
    ],
  },
  {
    code: '321203',
    name: '高港区',
    nameEn: 'Gaogang District',
    slug: 'gg',
    centre: [119.882, 32.318],
    weight: 0.95,
    streets: [
      { name: '口岸街道', nameEn: "Kou'an Subdistrict", at: [-0.15, -0.1] },
      { name: '刁铺街道', nameEn: 'Diaopu Subdistrict', at: [0.55, 0.35] },
      { name: '许庄街道', nameEn: 'Xuzhuang Subdistrict', at: [0.55, -0.45] },
      { name: '白马街道', nameEn: 'Baima Subdistrict', at: [0.05, 0.7] },
    ],
  },
  {
    code: '321204',
    name: '姜堰区',
    nameEn: 'Jiangyan District',
    slug: 'jy',
    centre: [120.128, 32.508],
    weight: 1.0,
    streets: [
      { name: '罗塘街道', nameEn: 'Luotang Subdistrict', at: [0, 0] },
      { name: '三水街道', nameEn: 'Sanshui Subdistrict', at: [0.2, -0.65] },
      { name: '天目山街道', nameEn: 'Tianmushan Subdistrict', at: [-0.65, 0.1] },
      { name: '梁徐街道', nameEn: 'Liangxu Subdistrict', at: [0.45, 0.5] },
    ],
  },
  {
    code: '321271',
    name: '泰州医药高新区',
    nameEn: 'Taizhou Medical Hi-Tech Zone',
    slug: 'gx',
    centre: [119.972, 32.418],
    weight: 0.9,
    streets: [
      { name: '明珠街道', nameEn: 'Mingzhu Subdistrict', at: [0, 0] },
      { name: '寺巷街道', nameEn: 'Sixiang Subdistrict', at: [0.6, 0.25] },
      { name: '凤凰街道', nameEn: 'Fenghuang Subdistrict', at: [-0.55, 0.3] },
      { name: '野徐街道', nameEn: 'Yexu Subdistrict', at: [0.1, -0.65] },
    ],
  },
]

/**
 * Points known to lie in each district (tests check them): 海陵 old town north, 高港 口岸, 姜堰 town, and the
 * China Medical City core of the 高新区.
 */
export const REFERENCE_POINTS: readonly {
  readonly districtCode: string
  readonly lon: number
  readonly lat: number
}[] = [
  { districtCode: '321202', lon: 119.92, lat: 32.49 },
  { districtCode: '321203', lon: 119.88, lat: 32.32 },
  { districtCode: '321204', lon: 120.13, lat: 32.51 },
  { districtCode: '321271', lon: 119.97, lat: 32.42 },
]
