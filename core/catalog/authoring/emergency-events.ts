/**
 * @module core/catalog/authoring/emergency-events
 * 事件立案条件 (突发事件, 其他事项) — the 2013 emergencies (event class 04) and the 2026 other matters (class 10).
 */
import {
  LONG,
  MAKE_SAFE,
  MAKE_SAFE_FAST,
  ONE_DAY,
  REPAIR,
  fixed,
  hazard,
  nh,
  normal,
  urgent,
  wd,
} from './drafts.js'

/** 道路积雪、结冰 / 道路积雪结冰 */
export const snowAndIce = fixed([
  urgent(
    '主次干道、桥梁坡道积雪或结冰，影响通行',
    'Snow or ice on main roads, bridges or ramps, hindering traffic',
    nh(6, 12, 24),
    '积雪已清除、冰面已处置，通行安全',
  ),
  normal(
    '人行道、背街小巷积雪结冰未清扫',
    'Snow or ice left on pavements or back streets',
    nh(12, 24, 24),
    '积雪已清扫，通行安全',
  ),
])

/** 架空线缆脱落 (2026) / 架空线缆损坏 (2013) */
export const overheadCables = fixed([
  hazard(
    'overhead-line-fall',
    '架空线缆断落、脱落或低垂妨碍通行',
    'Overhead cable broken, fallen or sagging into the way of traffic',
    MAKE_SAFE,
    '断落线缆已清除或重新架设固定，通行安全',
  ),
  normal(
    '架空线缆凌乱、破损或废弃未拆除',
    'Overhead cables tangled, damaged or abandoned and not removed',
    wd(10, 15, 20),
    '线缆已规整、修复或拆除',
  ),
])

/** 路面塌陷 (2013 0401) */
export const roadCollapse = fixed([
  hazard(
    'road-collapse',
    '路面脱空、塌陷',
    'Road surface undermined or collapsed',
    MAKE_SAFE,
    '已设置围挡警示并排险，空洞回填、路面修复平整',
  ),
  normal(
    '路面沉陷、开裂，有塌陷迹象',
    'Road surface sinking or cracking, showing signs of collapse',
    REPAIR,
    '已探测排查并修复，路面平整',
  ),
])

/** 自来水管破裂 (2013 0402) */
export const waterMainBurst = fixed([
  urgent(
    '供水管道破裂，大量跑水',
    'Water main burst, water flooding out',
    nh(2, 4, 6),
    '已关阀止水，管道修复，路面恢复',
  ),
  normal('供水管道渗漏', 'Water pipe seeping', ONE_DAY, '渗漏点已修复'),
])

/** 燃气管道破裂 (2013 0403) */
export const gasMainBurst = fixed([
  urgent('燃气管道破损泄漏', 'Gas pipe damaged and leaking', MAKE_SAFE_FAST, '已关阀、封堵修复，检测无泄漏'),
])

/** 下水道堵塞或破损 (2013 0404) */
export const sewerProblem = fixed([
  urgent('下水道堵塞，污水外溢', 'Sewer blocked and overflowing', MAKE_SAFE, '已疏通，外溢污水清理干净'),
  normal(
    '下水道管道、检查井破损',
    'Sewer pipe or inspection chamber damaged',
    REPAIR,
    '管道、检查井修复，排水通畅',
  ),
])

/** 热力管道破裂 (2013 0405) */
export const heatMainBurst = fixed([
  urgent(
    '热力管道破裂，热水或蒸汽外泄',
    'Heating main burst, hot water or steam escaping',
    nh(2, 4, 6),
    '已关阀止漏，管道修复',
  ),
])

/** 道路积水 (2013 0406) */
export const standingWater = fixed([
  urgent(
    '道路积水深度超过15厘米，影响通行',
    'Water over 15 cm deep on a road, hindering traffic',
    nh(2, 4, 6),
    '积水已排除，道路通行正常',
  ),
  normal('道路低洼处经常性积水', 'Water regularly standing in a low spot', LONG, '排水设施已完善，无积水'),
])

/** 群发性事件 (2013 0409) */
export const massIncident = fixed([
  urgent(
    '公共场所人员聚集，影响城市运行秩序',
    'Crowd gathering in a public place, disrupting city life',
    nh(1, 1, 1),
    '已报告并移交公安等部门处置，现场秩序恢复',
  ),
])
