/**
 * 责任单位类型 — the kinds of responsible unit a category defaults to when no routing rule names a unit
 * (seed 第6条: the center fixes the 责任主体 for each category). A city maps each type to real units
 * through its routing rules and unit list.
 */
export const UNIT_TYPES = [
  'municipal-works', // 市政设施管理 (roads, bridges, municipal manholes)
  'landscaping', // 园林绿化
  'sanitation', // 环境卫生 (环卫)
  'power', // 供电
  'street-lighting', // 路灯管理
  'telecom', // 通信运营
  'gas', // 燃气
  'water-supply', // 供水
  'drainage', // 排水
  'traffic-police', // 公安交警
  'transport', // 交通运输 (bus stops, taxi stands)
  'law-enforcement', // 城管综合执法
  'district-government', // 区人民政府 / 管委会 (属地兜底)
  'street-office', // 街道办事处
  'public-security', // 公安 (non-traffic)
  'housing', // 住房城乡建设 / 物业
  'ecology-environment', // 生态环境
  'water-affairs', // 水利 (rivers, flood walls)
  'market-regulation', // 市场监管
  'rapid-response', // 数字城管中心快速处置队 (seed 第9条第三款)
] as const

/** One of {@link UNIT_TYPES}. */
export type UnitType = (typeof UNIT_TYPES)[number]

/** Chinese and English names of each unit type, for pickers and docs. */
export const UNIT_TYPE_NAMES: Readonly<Record<UnitType, { readonly zh: string; readonly en: string }>> = {
  'municipal-works': { zh: '市政设施管理', en: 'Municipal works' },
  landscaping: { zh: '园林绿化', en: 'Landscaping' },
  sanitation: { zh: '环境卫生', en: 'Sanitation' },
  power: { zh: '供电', en: 'Power supply' },
  'street-lighting': { zh: '路灯管理', en: 'Street lighting' },
  telecom: { zh: '通信运营', en: 'Telecommunications' },
  gas: { zh: '燃气', en: 'Gas' },
  'water-supply': { zh: '供水', en: 'Water supply' },
  drainage: { zh: '排水', en: 'Drainage' },
  'traffic-police': { zh: '公安交警', en: 'Traffic police' },
  transport: { zh: '交通运输', en: 'Transport' },
  'law-enforcement': { zh: '城管综合执法', en: 'Urban law enforcement' },
  'district-government': { zh: '区人民政府(管委会)', en: 'District government' },
  'street-office': { zh: '街道办事处', en: 'Street office' },
  'public-security': { zh: '公安', en: 'Public security' },
  housing: { zh: '住房城乡建设', en: 'Housing and construction' },
  'ecology-environment': { zh: '生态环境', en: 'Ecology and environment' },
  'water-affairs': { zh: '水利', en: 'Water affairs' },
  'market-regulation': { zh: '市场监管', en: 'Market regulation' },
  'rapid-response': { zh: '快速处置队', en: 'Rapid-response team' },
}

/** True when `value` is one of {@link UNIT_TYPES}. */
export function isUnitType(value: unknown): value is UnitType {
  return typeof value === 'string' && (UNIT_TYPES as readonly string[]).includes(value)
}
