/**
 * @module core/catalog/authoring/nuisance-events
 * 事件立案条件 (市容环境: nuisances, clutter and small street structures) — 2013 event classes 01/05, 2026 matter class 06.
 */
import {
  HALF_DAY,
  LONG,
  MAKE_SAFE,
  MINOR_REPAIR,
  ONE_DAY,
  REPAIR,
  VERY_LONG,
  fixed,
  nh,
  normal,
  urgent,
  wd,
  wh,
} from './drafts.js'

/** 露天烧烤 */
export const openBarbecue = fixed([
  normal(
    '在道路、广场等公共场所露天烧烤',
    'Open-air barbecue in a road, square or other public place',
    wh(2, 2, 4),
    '烧烤设施已撤离，地面清理干净',
  ),
])

/** 乱倒乱排污水、废水 */
export const sewageDumping = fixed([
  normal(
    '向道路、雨水口、绿地乱倒乱排污水、废水',
    'Sewage or waste water poured onto roads, into gullies or onto green space',
    HALF_DAY,
    '已制止并清理现场，责任人已查处',
  ),
])

/** 非正规垃圾填埋场 */
export const informalDump = fixed([
  normal(
    '非正规垃圾堆放点、填埋场',
    'Unauthorised dump or landfill',
    VERY_LONG,
    '垃圾已清运或按规定整治，现场复绿或封闭',
  ),
])

/** 乱丢弃医疗废物 */
export const medicalWaste = fixed([
  urgent(
    '医疗废物（针头、输液器等）被随意丢弃',
    'Medical waste (needles, infusion sets) dumped',
    nh(2, 4, 6),
    '医疗废物已按规定收集转运，现场消毒',
  ),
])

/** 废弃车辆 */
export const abandonedVehicle = fixed([
  normal(
    '长期停放、破损无人使用的机动车占用公共空间',
    'Derelict motor vehicle left in public space',
    LONG,
    '车辆已移走或依法处置',
  ),
  normal(
    '废弃非机动车占用公共空间',
    'Abandoned bicycle or other non-motor vehicle in public space',
    wd(3, 5, 5),
    '车辆已清理',
  ),
])

/** 废弃家具设备 */
export const abandonedFurniture = fixed([
  normal(
    '公共场所乱丢弃废旧家具、家电等大件垃圾',
    'Old furniture, appliances or other bulky waste dumped in public space',
    ONE_DAY,
    '大件垃圾已清运',
  ),
])

/** 乱堆杂物 / 乱堆物堆料 */
export const clutter = fixed([
  normal(
    '在道路、人行道等公共场所乱堆杂物、物料',
    'Goods or materials piled in a road, pavement or other public place',
    HALF_DAY,
    '堆放物已清除，现场整洁',
  ),
])

/** 动物尸体 */
export const animalCarcass = fixed([
  normal(
    '道路、水域等公共场所有动物尸体',
    'Dead animal in a road, waterway or other public place',
    wh(2, 2, 4),
    '动物尸体已清理并无害化处理',
  ),
])

/** 擅自饲养家禽家畜 */
export const backyardLivestock = fixed([
  normal(
    '城区内擅自饲养家禽家畜',
    'Poultry or livestock kept in the city without approval',
    wd(3, 5, 5),
    '家禽家畜已清理，饲养设施已拆除',
  ),
])

/** 违章开设道口 */
export const illegalAccess = fixed([
  normal(
    '擅自开设道路出入口，破坏路缘石或绿化带',
    'Road access opened without approval, breaking a kerb or verge',
    LONG,
    '道口已封闭，路缘石、绿化带恢复原状',
  ),
])

/** 私设地锁、阻车桩 */
export const privateBollards = fixed([
  normal(
    '在公共道路、公共停车区域私设地锁、阻车桩',
    'Private parking locks or bollards on a public road or car park',
    MINOR_REPAIR,
    '地锁、阻车桩已拆除',
  ),
])

/** 非法占绿毁绿 */
export const greenEncroachment = fixed([
  normal(
    '擅自占用、毁坏绿地或在绿地内种菜',
    'Green space occupied, destroyed or turned into a vegetable plot',
    wd(3, 5, 5),
    '占用已清除，绿地恢复',
  ),
])

/** 占用河道 */
export const riverEncroachment = fixed([
  normal(
    '在河道管理范围内违规搭建、堆放或围垦',
    'Building, piling or reclamation within a river corridor without approval',
    LONG,
    '违规设施、堆放物已清除',
  ),
])

/** 公园秩序 */
export const parkDisorder = fixed([
  normal(
    '公园内违规经营、占地或破坏设施',
    'Unauthorised trading, occupation or vandalism in a park',
    ONE_DAY,
    '违规行为已制止，秩序恢复',
  ),
])

/** 边坡(挡土墙)破损 */
export const brokenSlope = fixed([
  normal(
    '边坡、挡土墙局部破损、松动',
    'Slope or retaining wall partly damaged or loose',
    REPAIR,
    '破损部位修复完好',
  ),
  urgent(
    '边坡、挡土墙开裂变形，有坍塌危险',
    'Slope or retaining wall cracked or bulging, in danger of collapse',
    MAKE_SAFE,
    '已设置警示并排险加固，险情排除',
  ),
])

/** 台阶破损 */
export const brokenSteps = fixed([
  normal('公共台阶破损、松动或缺失', 'Public steps broken, loose or missing', REPAIR, '台阶修复，平整稳固'),
])

/** 路缘石缺损 */
export const brokenKerb = fixed([
  normal('路缘石缺失、破损或松动', 'Kerbstone missing, broken or loose', REPAIR, '路缘石补装修复，线形顺直'),
])

/** 盲道缺损 */
export const brokenTactile = fixed([
  normal(
    '盲道砖缺失、破损或走向中断',
    'Tactile paving missing, broken or interrupted',
    REPAIR,
    '盲道修复，连续贯通',
  ),
])

/** 无障碍坡道破损 */
export const brokenAccessRamp = fixed([
  normal(
    '无障碍坡道破损、缺失或不平整',
    'Accessible ramp broken, missing or uneven',
    MINOR_REPAIR,
    '坡道修复，平整可用',
  ),
])
