/**
 * @module core/catalog/authoring/utility-families
 * 部件立案条件模板 (utilities) — condition templates for manhole covers, poles, lights, cabinets and pipes.
 * Every manhole-cover and pole family carries its 第9条 hazard (泰州办法: arrive within 2 hours).
 */
import {
  MAKE_SAFE,
  MAKE_SAFE_FAST,
  MINOR_REPAIR,
  ONE_DAY,
  REPAIR,
  LONG,
  family,
  hazard,
  normal,
  upperFirst,
  urgent,
} from './drafts.js'

/** 井盖 — manhole covers of every owner (also 沟槽盖板). */
export const cover = family((zh, en) => [
  hazard(
    'manhole-cover',
    `${zh}丢失、破损/移位`,
    `${upperFirst(en)} missing, broken or displaced`,
    MAKE_SAFE,
    '井盖已补装或更换，盖座稳固、与路面平顺，安全警示设施已撤除',
  ),
  normal(
    `${zh}下沉、凸起，与周边路面高差明显`,
    `${upperFirst(en)} sunken or raised well above or below the surrounding surface`,
    REPAIR,
    '井盖与周边路面高差不超过2厘米，井周路面修复平整',
  ),
  normal(
    `${zh}松动、有响动或权属标识不清`,
    `${upperFirst(en)} loose, rattling or without a legible owner mark`,
    MINOR_REPAIR,
    '井盖安装稳固无响动，权属标识清晰可辨',
  ),
])

/** 雨水箅子 — gully gratings: a cover hazard plus blockage. */
export const grate = family((zh, en) => [
  hazard(
    'manhole-cover',
    `${zh}丢失、破损/移位`,
    `${upperFirst(en)} missing, broken or displaced`,
    MAKE_SAFE,
    '箅子已补装或更换，安放稳固、与路面平顺，安全警示设施已撤除',
  ),
  normal(
    `${zh}堵塞，进水不畅`,
    `${upperFirst(en)} blocked so that water cannot drain`,
    ONE_DAY,
    '箅子及雨水口内杂物已清除，排水通畅',
  ),
])

/** 立杆 — poles of every owner: tilt is the 第9条 hazard. */
export const pole = family((zh, en) => [
  hazard(
    'pole-tilt',
    `${zh}倾斜、倒伏或有倒塌危险`,
    `${upperFirst(en)} tilting, fallen or in danger of falling`,
    MAKE_SAFE,
    '立杆已扶正加固或拆除，现场无倒塌隐患，警示设施已撤除',
  ),
  normal(
    `${zh}杆体破损、锈蚀或附属设施松动`,
    `${upperFirst(en)} damaged or rusted, or its fittings loose`,
    REPAIR,
    '杆体已修复或更换，附属设施安装牢固',
  ),
  normal(
    `${zh}废弃未拆除，影响通行或市容`,
    `${upperFirst(en)} abandoned and not removed, obstructing passage or spoiling the street`,
    LONG,
    '废弃立杆已拆除，地面恢复平整',
  ),
])

/** 路灯 — street lights: pole tilt (hazard), outage, open access doors. */
export const streetLight = family((zh, en) => [
  hazard(
    'pole-tilt',
    `${zh}灯杆倾斜、倒伏或有倒塌危险`,
    `${upperFirst(en)} pole tilting, fallen or in danger of falling`,
    MAKE_SAFE,
    '灯杆已扶正加固或更换，现场无倒塌隐患',
  ),
  normal(
    `${zh}不亮、闪烁或白天长亮`,
    `${upperFirst(en)} out, flickering or lit in daytime`,
    MINOR_REPAIR,
    '路灯按规定时间正常亮灭',
  ),
  urgent(
    `${zh}检修门缺失或灯具破损，线路裸露`,
    `${upperFirst(en)} access door missing or lantern broken, wiring exposed`,
    MAKE_SAFE,
    '检修门已补装锁闭，灯具修复，无带电部位裸露',
  ),
])

/** 地灯、景观灯 — low-level and decorative lights. */
export const lamp = family((zh, en) => [
  normal(`${zh}不亮或灯具破损`, `${upperFirst(en)} out or broken`, REPAIR, '灯具修复，按规定时间正常亮灭'),
  urgent(
    `${zh}线路裸露，有漏电隐患`,
    `${upperFirst(en)} with exposed wiring and a risk of electric shock`,
    MAKE_SAFE,
    '线路已包封或断电修复，无带电部位裸露',
  ),
])

/** 箱体 — cabinets and transformers: open doors with live parts are urgent. */
export const cabinet = family((zh, en) => [
  urgent(
    `${zh}箱门缺失、破损，带电部位裸露`,
    `${upperFirst(en)} door missing or broken, live parts exposed`,
    MAKE_SAFE,
    '箱门已修复并锁闭，无带电部位裸露',
  ),
  normal(
    `${zh}箱体破损、倾斜或污损`,
    `${upperFirst(en)} body damaged, tilting or defaced`,
    REPAIR,
    '箱体修复、扶正，外观整洁',
  ),
])

/** 电力设施 — power facilities and pylons. */
export const powerFacility = family((zh, en) => [
  urgent(
    `${zh}破损、带电部位裸露或有倒塌危险`,
    `${upperFirst(en)} damaged, with live parts exposed or in danger of collapse`,
    MAKE_SAFE,
    '已断电或隔离，险情排除，设施修复',
  ),
  normal(
    `${zh}防护设施或警示标识缺损、周边堆物`,
    `${upperFirst(en)} guard or warning sign missing or damaged, or goods piled against it`,
    REPAIR,
    '防护设施和警示标识完好，周边堆物已清除',
  ),
])

/** 燃气设施 — gas pipes, regulators and markers. */
export const gasFacility = family((zh, en) => [
  urgent(
    `${zh}泄漏或有明显燃气异味`,
    `${upperFirst(en)} leaking, or a clear smell of gas`,
    MAKE_SAFE_FAST,
    '泄漏点已封堵修复，检测无泄漏',
  ),
  normal(
    `${zh}破损、锈蚀或防护设施、标识缺失`,
    `${upperFirst(en)} damaged or rusted, or its guard or marker missing`,
    REPAIR,
    '设施修复，防护设施和标识齐全',
  ),
])

/** 管道 — exposed water, heat or cross-river pipes. */
export const pipe = family((zh, en) => [
  urgent(
    `${zh}渗漏、爆裂`,
    `${upperFirst(en)} leaking or burst`,
    MAKE_SAFE,
    '已关阀止漏，管道修复，现场清理干净',
  ),
  normal(
    `${zh}保温层、外护层破损或锈蚀`,
    `${upperFirst(en)} insulation or outer casing damaged or rusted`,
    REPAIR,
    '保温层、外护层修复完好',
  ),
])

/** 消防设施 — hydrants and other fire facilities. */
export const fireFacility = family((zh, en) => [
  urgent(
    `${zh}（消火栓等）损坏、漏水或缺失`,
    `${upperFirst(en)} (hydrants etc.) broken, leaking or missing`,
    MAKE_SAFE,
    '消防设施修复或补装，出水正常、无渗漏',
  ),
  normal(
    `${zh}被遮挡、圈占或标识缺失`,
    `${upperFirst(en)} obstructed, fenced in or without its sign`,
    MINOR_REPAIR,
    '遮挡物、圈占已清除，标识完好',
  ),
])

/** 水井 — wells: an open shaft is urgent (not a 井盖 class, so not flagged as the cover hazard). */
export const well = family((zh, en) => [
  urgent(
    `${zh}井口盖板或防护设施缺失，有坠落危险`,
    `${upperFirst(en)} lid or guard missing, so people could fall in`,
    MAKE_SAFE,
    '井口已加盖或设置防护，无坠落隐患',
  ),
  normal(`${zh}废弃未封填`, `${upperFirst(en)} disused and not filled in`, LONG, '废弃水井已按规定封填'),
])
