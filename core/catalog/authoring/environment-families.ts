/**
 * @module core/catalog/authoring/environment-families
 * 部件立案条件模板 (environment) — sanitation facilities, trees and green space, water facilities, ads.
 */
import {
  HALF_DAY,
  MAKE_SAFE,
  MINOR_REPAIR,
  ONE_DAY,
  QUICK,
  REPAIR,
  LONG,
  family,
  nh,
  normal,
  upperFirst,
  urgent,
  wd,
  wh,
} from './drafts.js'

/** 垃圾容器 — litter bins, refuse rooms and collection boxes. */
export const wasteContainer = family((zh, en) => [
  normal(
    `${zh}满溢或周边散落垃圾`,
    `${upperFirst(en)} overflowing or litter around it`,
    QUICK,
    '垃圾已清运，容器及周边整洁',
  ),
  normal(
    `${zh}破损、缺失或倾倒`,
    `${upperFirst(en)} damaged, missing or knocked over`,
    MINOR_REPAIR,
    '容器修复或补设，摆放端正',
  ),
  normal(
    `${zh}脏污、有明显异味`,
    `${upperFirst(en)} filthy or smelling`,
    HALF_DAY,
    '容器清洗干净，无明显异味',
  ),
])

/** 公共厕所 — public toilets. */
export const toilet = family((zh, en) => [
  normal(
    `${zh}设施损坏、停水停电，无法正常使用`,
    `${upperFirst(en)} fittings broken or without water or power, so it cannot be used`,
    ONE_DAY,
    '设施修复，恢复正常使用',
  ),
  normal(
    `${zh}不洁、异味明显`,
    `${upperFirst(en)} dirty or smelling strongly`,
    QUICK,
    '保洁到位，无明显异味',
  ),
  normal(
    `${zh}未按规定时间开放`,
    `${upperFirst(en)} closed during its opening hours`,
    wh(2, 2, 4),
    '按规定时间正常开放',
  ),
])

/** 化粪池 — septic tanks. */
export const septicTank = family((zh, en) => [
  urgent(
    `${zh}满溢、粪水外流`,
    `${upperFirst(en)} overflowing onto the street`,
    HALF_DAY,
    '已清掏疏通，外流粪水清理消毒',
  ),
  normal(`${zh}池体破损、渗漏`, `${upperFirst(en)} cracked or leaking`, REPAIR, '池体修复，无渗漏'),
])

/** 树木 — street and standalone trees. */
export const tree = family((zh, en) => [
  urgent(
    `${zh}倒伏、断枝或有倒伏危险，影响通行安全`,
    `${upperFirst(en)} fallen, with broken branches or about to fall, endangering passers-by`,
    MAKE_SAFE,
    '倒伏树木和断枝已清理，危险树木已扶正加固或移除',
  ),
  normal(
    `${zh}缺株、死亡或有枯枝`,
    `${upperFirst(en)} missing, dead or with dead wood`,
    wd(10, 15, 20),
    '枯枝已修剪，缺株已补植（非种植季节可约定补植时间）',
  ),
  normal(
    `${zh}枝叶遮挡交通标志、路灯或妨碍通行`,
    `${upperFirst(en)} branches hiding signs or lights, or obstructing passage`,
    REPAIR,
    '遮挡枝叶已修剪，通行无妨碍',
  ),
])

/** 古树名木 — heritage trees. */
export const heritageTree = family((zh, en) => [
  urgent(
    `${zh}损伤、倾斜或有倒伏危险`,
    `${upperFirst(en)} injured, leaning or about to fall`,
    MAKE_SAFE,
    '已采取支撑加固等保护措施，险情排除',
  ),
  normal(
    `${zh}长势衰弱或发生病虫害`,
    `${upperFirst(en)} declining or infested with pests`,
    REPAIR,
    '已由专业人员复壮或防治，长势稳定',
  ),
  normal(
    `${zh}保护设施或标牌缺损`,
    `${upperFirst(en)} protective fence or label damaged or missing`,
    REPAIR,
    '保护设施和标牌完好',
  ),
])

/** 绿地 — green space, woodland, planters. */
export const greenSpace = family((zh, en) => [
  normal(
    `${zh}黄土裸露、植物缺株或死亡`,
    `${upperFirst(en)} with bare soil or missing or dead plants`,
    wd(10, 15, 20),
    '裸土已覆盖，缺株已补植（非种植季节可约定补植时间）',
  ),
  normal(
    `${zh}被踩踏、毁损或堆放杂物`,
    `${upperFirst(en)} trampled, damaged or used to pile goods`,
    MINOR_REPAIR,
    '杂物已清除，受损绿化已修复',
  ),
])

/** 树池 — tree pits and tree guards. */
export const treePit = family((zh, en) => [
  normal(
    `${zh}缺损或树池箅子缺失、松动`,
    `${upperFirst(en)} damaged, or its grille missing or loose`,
    REPAIR,
    '树池修复，箅子补装稳固、与路面平顺',
  ),
  normal(
    `${zh}内杂物堆积或黄土裸露`,
    `${upperFirst(en)} filled with litter or bare soil`,
    ONE_DAY,
    '杂物已清除，裸土已覆盖',
  ),
])

/** 防汛设施 — flood walls and flood monitoring. */
export const floodDefence = family((zh, en) => [
  urgent(
    `${zh}破损、渗漏或坍塌，有防汛安全隐患`,
    `${upperFirst(en)} broken, seeping or collapsed, a flood risk`,
    MAKE_SAFE,
    '已设置警示并抢修，险情排除',
  ),
  normal(
    `${zh}局部破损或附属设施缺失`,
    `${upperFirst(en)} partly damaged or missing fittings`,
    LONG,
    '破损部位修复完好',
  ),
])

/** 排水泵站 — pumping stations. */
export const pumpStation = family((zh, en) => [
  urgent(`${zh}设备故障或停运`, `${upperFirst(en)} out of order or stopped`, nh(2, 4, 6), '泵站恢复正常运行'),
  normal(`${zh}附属设施破损`, `${upperFirst(en)} ancillary structures damaged`, REPAIR, '附属设施修复完好'),
])

/** 排放口 — outfalls. */
export const outfall = family((zh, en) => [
  normal(
    `${zh}污水直排或排放异常`,
    `${upperFirst(en)} discharging sewage or abnormal effluent`,
    ONE_DAY,
    '排放源已查明并处置，排放正常',
  ),
  normal(`${zh}堵塞或破损`, `${upperFirst(en)} blocked or damaged`, REPAIR, '已疏通或修复，排水通畅'),
])

/** 水域设施 — waterside structures, railings and piers. */
export const waterside = family((zh, en) => [
  urgent(
    `${zh}缺失、破损，有落水危险`,
    `${upperFirst(en)} missing or broken, so people could fall into the water`,
    MAKE_SAFE,
    '已设置临时防护并修复，无落水隐患',
  ),
  normal(`${zh}污损或标识缺失`, `${upperFirst(en)} dirty or unsigned`, LONG, '设施清洁，标识齐全'),
])

/** 广告牌匾 — outdoor ads and shop signs as components. */
export const adStructure = family((zh, en) => [
  urgent(
    `${zh}破损、松动，有坠落隐患`,
    `${upperFirst(en)} damaged or loose and in danger of falling`,
    MAKE_SAFE,
    '已加固或拆除，无坠落隐患',
  ),
  normal(
    `${zh}污损、缺字或亮化不全`,
    `${upperFirst(en)} dirty, missing characters or partly unlit`,
    REPAIR,
    '画面清洁完整，亮化正常',
  ),
  normal(
    `${zh}未经审批设置或超期未拆除`,
    `${upperFirst(en)} put up without approval or kept beyond its permit`,
    LONG,
    '已补办手续或拆除',
  ),
])

/** 危险源、工地 — hazard sites and building sites as components. */
export const riskSite = family((zh, en) => [
  urgent(
    `${zh}防护设施缺失或警示标识不全`,
    `${upperFirst(en)} without protection or adequate warning signs`,
    MAKE_SAFE,
    '防护设施完好，警示标识齐全',
  ),
  normal(
    `${zh}围挡、标牌破损或周边脏乱`,
    `${upperFirst(en)} hoarding or sign damaged, or its surroundings dirty`,
    MINOR_REPAIR,
    '围挡标牌修复，周边整洁',
  ),
])
