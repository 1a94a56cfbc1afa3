/**
 * @module core/catalog/authoring/green-water-events
 * 事件立案条件 (市容环境: greenery, water and pollution) — 2013 event class 01/05, 2026 matter class 06.
 */
import {
  HALF_DAY,
  MAKE_SAFE,
  MAKE_SAFE_FAST,
  ONE_DAY,
  REPAIR,
  fixed,
  normal,
  urgent,
  wd,
  wh,
} from './drafts.js'

/** 病虫害 */
export const plantPests = fixed([
  normal(
    '园林树木、绿地植物发生病虫害',
    'Pests or disease in trees or green-space plants',
    REPAIR,
    '已防治，病虫害得到控制',
  ),
])

/** 非法伐树 */
export const illegalFelling = fixed([
  urgent(
    '擅自砍伐、移植城市树木',
    'City trees felled or moved without approval',
    MAKE_SAFE_FAST,
    '砍伐行为已制止并移交查处',
  ),
])

/** 堤岸破损 / 河堤破损 */
export const brokenEmbankment = fixed([
  normal(
    '堤岸、护坡局部破损、松动',
    'Embankment or revetment partly damaged or loose',
    REPAIR,
    '破损部位修复完好',
  ),
  urgent(
    '堤岸出现坍塌、渗漏等险情',
    'Embankment collapsing or seeping',
    MAKE_SAFE,
    '已设置警示并抢险，险情排除',
  ),
])

/** 水域秩序乱象 */
export const waterDisorder = fixed([
  normal(
    '水域内违规捕捞、游泳、停泊船只或设置网箱',
    'Illegal fishing, swimming, mooring or fish cages in a waterway',
    HALF_DAY,
    '违规行为已制止，设施已清除',
  ),
])

/** 水域不洁 */
export const dirtyWater = fixed([
  normal(
    '水面漂浮垃圾、油污或水生植物过度生长',
    'Floating garbage, oil or overgrown water plants',
    ONE_DAY,
    '水面漂浮物已打捞清理',
  ),
])

/** 河道污染 */
export const riverPollution = fixed([
  normal(
    '河道水体发黑发臭或有异常排污',
    'River water black and foul-smelling, or abnormal discharge into it',
    wd(1, 2, 3),
    '污染源已查明并处置，水体无异常',
  ),
])

/** 油烟污染 */
export const cookingFumes = fixed([
  normal(
    '餐饮单位油烟未经净化直排或净化设施未正常使用',
    'Restaurant fumes discharged without a working purifier',
    wd(3, 5, 5),
    '油烟净化设施已安装并正常使用',
  ),
])

/** 商业噪音 (2013) — the commercial part of 噪声扰民. */
export const commercialNoise = fixed([
  normal(
    '商业经营活动使用高音广播、音响招揽顾客',
    'Shops using loudspeakers or music to attract customers',
    wh(2, 2, 4),
    '噪声源已停止使用',
  ),
])

/** 噪声扰民 */
export const noiseNuisance = fixed([
  normal(
    '商业经营活动使用高音广播、音响招揽顾客',
    'Shops using loudspeakers or music to attract customers',
    wh(2, 2, 4),
    '噪声源已停止使用',
  ),
  normal(
    '广场舞、娱乐活动等社会生活噪声扰民',
    'Square dancing, entertainment or other neighbourhood noise disturbing residents',
    wh(2, 2, 4),
    '已劝导，音量降低或活动停止',
  ),
])
