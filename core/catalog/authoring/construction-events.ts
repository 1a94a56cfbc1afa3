/**
 * @module core/catalog/authoring/construction-events
 * 事件立案条件 (施工管理) — construction: 2013 event class 03, 2026 matter class 08.
 */
import {
  HALF_DAY,
  MAKE_SAFE,
  MAKE_SAFE_FAST,
  MINOR_REPAIR,
  ONE_DAY,
  QUICK,
  REPAIR,
  fixed,
  normal,
  urgent,
  wd,
  wh,
} from './drafts.js'

/** 施工扰民 */
export const constructionNoise = fixed([
  urgent(
    '夜间（22时至次日6时）违规施工作业产生噪声',
    'Noisy construction at night (22:00–06:00) without a permit',
    MAKE_SAFE_FAST,
    '夜间施工已停止或已出示夜间施工许可',
  ),
  normal(
    '施工作业噪声、振动扰民',
    'Construction noise or vibration disturbing residents',
    ONE_DAY,
    '已采取降噪减振措施',
  ),
])

/** 施工占道 */
export const constructionOccupation = fixed([
  normal(
    '施工超范围、超期占用道路',
    'Works occupying a road beyond the permitted area or time',
    MINOR_REPAIR,
    '超范围、超期占道已清除，道路恢复通行',
  ),
])

/** 无证掘路 */
export const unlicensedDigging = fixed([
  normal(
    '未经许可挖掘城市道路',
    'City road dug up without a permit',
    HALF_DAY,
    '已责令停工，补办手续或恢复路面',
  ),
])

/** 工地扬尘 */
export const siteDust = fixed([
  normal(
    '施工工地未采取覆盖、洒水等防尘措施，扬尘明显',
    'Visible dust from a building site without covers or spraying',
    HALF_DAY,
    '防尘措施落实到位，无明显扬尘',
  ),
])

/** 施工废弃料 */
export const constructionWaste = fixed([
  normal(
    '施工废弃料、建筑垃圾未及时清运或乱倒',
    'Construction waste left lying or dumped',
    ONE_DAY,
    '建筑垃圾已清运，现场整洁',
  ),
])

/** 施工物料乱堆放 */
export const materialPiling = fixed([
  normal(
    '施工物料在围挡外或道路上乱堆乱放',
    'Building materials piled outside the hoarding or on the road',
    ONE_DAY,
    '物料已移入围挡内规范堆放',
  ),
])

/** 施工工地围挡问题 */
export const siteHoarding = fixed([
  normal(
    '施工工地围挡破损、缺失或设置不规范',
    'Site hoarding damaged, missing or irregular',
    MINOR_REPAIR,
    '围挡修复，设置规范',
  ),
  urgent(
    '施工围挡倾斜，有倒塌危险',
    'Site hoarding leaning and in danger of collapse',
    MAKE_SAFE,
    '围挡已加固或拆除重设',
  ),
])

/** 施工工地道路未硬化 */
export const unpavedSiteRoad = fixed([
  normal(
    '施工工地主要道路、出入口未硬化',
    'Site roads or gates not hard-surfaced',
    wd(3, 5, 5),
    '道路、出入口已硬化',
  ),
])

/** 施工工地出入口道路破损 */
export const siteGateRoad = fixed([
  normal(
    '工地出入口及周边道路因施工车辆碾压破损',
    'Road at a site gate damaged by construction traffic',
    REPAIR,
    '路面修复平整',
  ),
])

/** 施工完成后未场光地净 */
export const uncleanedSite = fixed([
  normal(
    '施工结束后现场遗留材料、垃圾未清理',
    'Materials or rubbish left behind after works finished',
    wd(2, 3, 3),
    '现场已清理，场光地净',
  ),
])

/** 渣土运输车辆未安装密闭装置 */
export const uncoveredTruck = fixed([
  normal(
    '渣土运输车辆未密闭或密闭装置损坏',
    'Spoil truck without a working cover',
    wh(2, 2, 4),
    '车辆已整改密闭，违规行为已查处',
  ),
])

/** 施工工地车轮夹带 */
export const muddyWheels = fixed([
  normal(
    '车辆驶出工地车轮带泥，污染道路',
    'Vehicles leaving a site with muddy wheels, soiling the road',
    QUICK,
    '冲洗设施正常使用，路面清洗干净',
  ),
])

/** 违规高空悬吊作业 */
export const unsafeAerialWork = fixed([
  urgent(
    '违规进行高空悬吊作业，未设置警示防护',
    'Suspended work at height without permits, warnings or protection',
    MAKE_SAFE_FAST,
    '作业已停止或安全防护、警示设施到位',
  ),
])

/** 预埋件设施裸露 */
export const exposedFixtures = fixed([
  normal(
    '道路、人行道上预埋件、钢筋头等裸露',
    'Embedded fixtures or rebar ends sticking out of a road or pavement',
    MINOR_REPAIR,
    '裸露物已切除或覆盖，路面平整',
  ),
])

/** 施工公示牌污损 */
export const siteNoticeBoard = fixed([
  normal(
    '施工公示牌缺失、污损或信息不全',
    'Site notice board missing, defaced or incomplete',
    REPAIR,
    '公示牌设置规范，信息完整',
  ),
])

/** 无证建设 */
export const unlicensedConstruction = fixed([
  normal(
    '未取得建设工程规划许可证进行建设',
    'Building without a planning permit',
    ONE_DAY,
    '已责令停止建设并立案查处',
  ),
])
