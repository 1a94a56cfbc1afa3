/**
 * @module core/catalog/authoring/street-families
 * 部件立案条件模板 (street furniture and traffic) — kiosks, devices, signs, barriers, bridges, parking.
 */
import {
  HALF_DAY,
  MAKE_SAFE,
  MINOR_REPAIR,
  ONE_DAY,
  REPAIR,
  LONG,
  family,
  normal,
  nh,
  upperFirst,
  urgent,
  wd,
} from './drafts.js'

/** 亭 — kiosks, booths and shelters. */
export const kiosk = family((zh, en) => [
  normal(
    `${zh}破损、倾斜或门窗设施缺失`,
    `${upperFirst(en)} damaged, tilting or missing doors or windows`,
    REPAIR,
    '亭体修复、扶正，门窗设施齐全',
  ),
  normal(
    `${zh}污损、乱张贴或周边脏乱`,
    `${upperFirst(en)} defaced, fly-posted or surrounded by litter`,
    ONE_DAY,
    '亭体清洗干净，周边整洁',
  ),
  normal(
    `${zh}废弃闲置未拆除`,
    `${upperFirst(en)} abandoned and not removed`,
    wd(10, 15, 20),
    '废弃亭体已拆除，地面恢复平整',
  ),
])

/** 设备 — machines and electronic equipment in public space. */
export const device = family((zh, en) => [
  normal(
    `${zh}破损、故障或倾斜`,
    `${upperFirst(en)} damaged, out of order or tilting`,
    REPAIR,
    '设备修复或更换，运行正常、安放稳固',
  ),
  normal(
    `${zh}外观污损或被乱张贴`,
    `${upperFirst(en)} defaced or fly-posted`,
    MINOR_REPAIR,
    '外观清洁，无张贴物',
  ),
])

/** 标牌 — signs, name plates and notice boards. */
export const sign = family((zh, en) => [
  normal(
    `${zh}缺失、破损或倾斜`,
    `${upperFirst(en)} missing, damaged or tilting`,
    REPAIR,
    '标牌补装或修复，安装端正牢固',
  ),
  normal(
    `${zh}污损、字迹模糊或内容错误`,
    `${upperFirst(en)} defaced, illegible or wrong`,
    LONG,
    '标牌清洁，内容正确、清晰可辨',
  ),
])

/** 交通标志 — traffic signs and markings: a sign about to fall is urgent. */
export const trafficSign = family((zh, en) => [
  urgent(
    `${zh}倾倒或悬挂松动，有坠落危险`,
    `${upperFirst(en)} toppled or loose, in danger of falling`,
    MAKE_SAFE,
    '标志已加固或拆除，无坠落隐患',
  ),
  normal(
    `${zh}缺失、破损、被遮挡或标线不清`,
    `${upperFirst(en)} missing, damaged, hidden or with faded markings`,
    REPAIR,
    '标志标线完整、清晰可见',
  ),
])

/** 隔离设施 — railings, bollards, barrels and other barriers. */
export const barrier = family((zh, en) => [
  normal(
    `${zh}缺失、破损或倾倒`,
    `${upperFirst(en)} missing, damaged or knocked over`,
    wd(2, 3, 5),
    '设施补装或修复，安装牢固、线形顺直',
  ),
  normal(
    `${zh}污损或油漆剥落`,
    `${upperFirst(en)} dirty or with peeling paint`,
    LONG,
    '设施清洗或重新涂装，外观整洁',
  ),
])

/** 桥隧 — bridges, underpasses and tunnels. */
export const bridge = family((zh, en) => [
  urgent(
    `${zh}结构损坏、明显变形或有坠物危险`,
    `${upperFirst(en)} structurally damaged, visibly deformed or shedding debris`,
    MAKE_SAFE,
    '已设置围挡警示并排除险情，经检测安全后恢复通行',
  ),
  normal(
    `${zh}栏杆、踏步或桥（路）面破损`,
    `${upperFirst(en)} railing, steps or deck damaged`,
    REPAIR,
    '破损部位修复，通行安全',
  ),
  normal(
    `${zh}照明、排水设施损坏或积水`,
    `${upperFirst(en)} lighting or drainage broken, or water standing`,
    wd(2, 3, 5),
    '照明、排水设施恢复正常，无积水',
  ),
])

/** 公共设施 — benches, fitness kit, flower stands and similar amenities. */
export const amenity = family((zh, en) => [
  normal(
    `${zh}破损、松动或缺失`,
    `${upperFirst(en)} damaged, loose or missing`,
    REPAIR,
    '设施修复或补装，安装牢固、使用安全',
  ),
  normal(`${zh}污损或被乱张贴`, `${upperFirst(en)} dirty or fly-posted`, ONE_DAY, '设施清洁，无张贴物'),
])

/** 停车设施 — car parks, garages, cycle stands. */
export const parking = family((zh, en) => [
  normal(
    `${zh}设施破损或标识标线不清`,
    `${upperFirst(en)} equipment damaged or signs and markings unclear`,
    REPAIR,
    '设施修复，标识标线清晰',
  ),
  normal(
    `${zh}车辆停放无序、超出划定范围`,
    `${upperFirst(en)} with vehicles parked untidily or outside the marked area`,
    HALF_DAY,
    '车辆在划定范围内有序停放',
  ),
])

/** 候车设施 — bus shelters and taxi stands. */
export const transitStop = family((zh, en) => [
  normal(
    `${zh}顶棚、座椅或站牌破损`,
    `${upperFirst(en)} roof, seats or timetable board damaged`,
    REPAIR,
    '候车设施修复完好',
  ),
  normal(`${zh}污损或被乱张贴`, `${upperFirst(en)} dirty or fly-posted`, ONE_DAY, '候车设施清洁，无张贴物'),
])

/** 交通信号灯 — signals out of order are urgent. */
export const trafficLight = family((zh, en) => [
  urgent(
    `${zh}不亮、故障或显示错误`,
    `${upperFirst(en)} dark, faulty or showing wrong aspects`,
    nh(2, 4, 6),
    '信号灯恢复正常运行',
  ),
  normal(
    `${zh}灯具破损或被遮挡`,
    `${upperFirst(en)} head damaged or hidden`,
    REPAIR,
    '灯具修复，遮挡物已清除',
  ),
])

/** 文物、牌楼 — monuments and gateways. */
export const monument = family((zh, en) => [
  normal(
    `${zh}本体或附属设施损坏`,
    `${upperFirst(en)} or its fittings damaged`,
    LONG,
    '已采取保护措施并按规定修缮',
  ),
  normal(
    `${zh}周边乱张贴、乱涂写或脏乱`,
    `${upperFirst(en)} fly-posted, scrawled on or surrounded by litter`,
    ONE_DAY,
    '张贴涂写已清除，周边整洁',
  ),
])

/** 地下空间 — civil-defence works and basements. */
export const underground = family((zh, en) => [
  normal(
    `${zh}出入口设施破损或积水`,
    `${upperFirst(en)} entrance damaged or flooded`,
    REPAIR,
    '出入口设施修复，积水已排除',
  ),
  normal(
    `${zh}违规住人、经营或堆放杂物`,
    `${upperFirst(en)} illegally lived in, used for business or filled with clutter`,
    LONG,
    '违规使用已停止，杂物已清理',
  ),
])
