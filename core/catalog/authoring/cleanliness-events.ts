/**
 * @module core/catalog/authoring/cleanliness-events
 * 事件立案条件 (市容环境: waste, cleanliness and roads) — shared by 2013 event class 01 and 2026 matter class 06.
 */
import {
  HALF_DAY,
  LONG,
  MAKE_SAFE,
  MAKE_SAFE_FAST,
  MINOR_REPAIR,
  ONE_DAY,
  QUICK,
  REPAIR,
  fixed,
  hazard,
  normal,
  urgent,
  wd,
  wh,
} from './drafts.js'

/** 暴露垃圾 */
export const exposedGarbage = fixed([
  normal(
    '道路、广场等公共场所暴露垃圾（1平方米以内）',
    'Exposed garbage in a road, square or other public place (up to 1 m²)',
    QUICK,
    '垃圾清理完毕，地面无残留',
  ),
  normal(
    '成片暴露垃圾（超过1平方米）',
    'Exposed garbage over more than 1 m²',
    HALF_DAY,
    '垃圾清理完毕，地面无残留',
  ),
])

/** 积存垃圾渣土 */
export const accumulatedWaste = fixed([
  normal(
    '积存垃圾或渣土未及时清运',
    'Accumulated garbage or spoil not removed',
    ONE_DAY,
    '垃圾渣土已清运，地面清扫干净',
  ),
  normal(
    '大量积存垃圾渣土（超过5立方米）',
    'Large accumulation of garbage or spoil (over 5 m³)',
    wd(2, 3, 3),
    '垃圾渣土已全部清运，地面清扫干净',
  ),
])

/** 道路不洁 */
export const dirtyRoad = fixed([
  normal(
    '道路、人行道存在明显污迹、油渍或泥沙',
    'Road or pavement visibly stained, oily or muddy',
    QUICK,
    '路面清洗干净，无污迹',
  ),
  normal(
    '路面积存落叶、纸屑等未清扫',
    'Leaves or litter lying unswept on the road',
    wh(2, 2, 4),
    '路面清扫干净',
  ),
])

const roadWearCondition = normal(
  '道路路面坑槽、破损、沉陷或人行道板松动缺失',
  'Potholes, broken or sunken surface, or loose or missing paving slabs',
  REPAIR,
  '破损部位修复，路面平整',
)

/** 道路破损 (2013) — wear only: 2013 files road collapse under 事件 0401 路面塌陷. */
export const roadWear = fixed([roadWearCondition])

/** 道路破损 (2026) — 2026 has no 突发事件 class, so road collapse (第9条) is filed here. */
export const roadDamage = fixed([
  roadWearCondition,
  hazard(
    'road-collapse',
    '路面脱空、塌陷',
    'Road surface undermined or collapsed',
    MAKE_SAFE,
    '已设置围挡警示并排险，空洞回填、路面修复平整',
  ),
])

/** 道路遗撒 — spills on the road (general). */
export const roadSpill = fixed([
  normal(
    '车辆运输过程中遗撒渣土、砂石、泥浆等',
    'Spoil, sand or mud spilled from vehicles',
    QUICK,
    '遗撒物已清除，路面清洗干净',
  ),
  urgent(
    '遗撒油污等易滑物影响行车安全',
    'Oil or other slippery spill endangering traffic',
    MAKE_SAFE_FAST,
    '油污已清除，路面防滑处理完毕',
  ),
])

/** 施工道路遗撒 — spills from construction transport (2013 事件 03). */
export const constructionSpill = fixed([
  normal(
    '施工工地及渣土运输车辆遗撒渣土、泥浆',
    'Spoil or mud spilled by a building site or its trucks',
    QUICK,
    '遗撒物已清除，路面清洗干净，责任单位已查处',
  ),
])

/** 沙(河)滩不洁 */
export const dirtyBeach = fixed([
  normal(
    '沙滩、河滩垃圾杂物堆积',
    'Garbage or debris on a beach or riverbank',
    ONE_DAY,
    '垃圾杂物已清理干净',
  ),
])

/** 交通标线不清晰 */
export const fadedMarkings = fixed([
  normal(
    '交通标线磨损、缺失或模糊不清',
    'Road markings worn, missing or unclear',
    LONG,
    '标线已重新施划，清晰完整',
  ),
])

/** 绿地脏乱 */
export const dirtyGreen = fixed([
  normal(
    '绿地内有垃圾、杂物或枯枝落叶堆积',
    'Garbage, clutter or dead leaves in green space',
    HALF_DAY,
    '绿地内垃圾杂物已清理干净',
  ),
])

/** 绿化弃料 */
export const greenWaste = fixed([
  normal(
    '绿化修剪、养护产生的枝叶、渣土等弃料未及时清运',
    'Prunings or soil from green maintenance left lying',
    ONE_DAY,
    '绿化弃料已清运，现场整洁',
  ),
])

/** 非装饰性吊挂 / 树挂 */
export const strayHangings = fixed([
  normal(
    '树木、杆线上吊挂塑料袋、布条、杂物等',
    'Plastic bags, rags or rubbish hanging in trees or on wires and poles',
    ONE_DAY,
    '吊挂物已清除',
  ),
])

/** 焚烧垃圾、树叶 */
export const openBurning = fixed([
  urgent(
    '露天焚烧垃圾、树叶、秸秆等',
    'Open burning of garbage, leaves or straw',
    MAKE_SAFE_FAST,
    '明火已熄灭，焚烧残留物清理完毕',
  ),
])

/** 垃圾未分类 */
export const unsortedWaste = fixed([
  normal(
    '投放点垃圾混投混放、未按规定分类',
    'Waste at a collection point mixed instead of sorted',
    ONE_DAY,
    '垃圾已按规定分类，投放点整洁',
  ),
])

/** 垃圾站(箱)满溢 */
export const binOverflow = fixed([
  normal(
    '垃圾箱、垃圾桶满溢或周边散落垃圾',
    'Litter bin overflowing or litter around it',
    QUICK,
    '垃圾已清运，容器及周边整洁',
  ),
  normal(
    '垃圾站（中转站）满溢或渗滤液外流',
    'Refuse station overflowing or leaking leachate',
    HALF_DAY,
    '垃圾已清运，渗滤液清理，站点整洁',
  ),
])

/** 遮阳篷(棚、伞)破损 */
export const brokenAwning = fixed([
  normal(
    '临街遮阳篷、雨棚、遮阳伞破损、褪色或设置不规范',
    'Street awning, canopy or parasol torn, faded or badly placed',
    REPAIR,
    '已修复、更换或拆除，设置规范',
  ),
  urgent(
    '遮阳篷、雨棚松动，有坠落隐患',
    'Awning or canopy loose and in danger of falling',
    MAKE_SAFE,
    '已加固或拆除，无坠落隐患',
  ),
])

/** 节庆装饰物破损 */
export const brokenDecorations = fixed([
  normal(
    '节庆灯笼、彩灯等装饰物破损、脱落或过期未撤',
    'Festive lanterns or lights broken, fallen or left up after the festival',
    MINOR_REPAIR,
    '装饰物已修复或撤除',
  ),
])
