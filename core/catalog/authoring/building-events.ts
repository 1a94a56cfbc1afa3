/**
 * @module core/catalog/authoring/building-events
 * 事件立案条件 (市容环境: buildings and street fixtures) — shared by 2013 event class 01 and 2026 matter class 06.
 */
import {
  LONG,
  MAKE_SAFE,
  ONE_DAY,
  REPAIR,
  VERY_LONG,
  fixed,
  hazard,
  normal,
  urgent,
  wd,
  wh,
} from './drafts.js'

/** 私搭乱建 */
export const illegalBuilding = fixed([
  normal(
    '正在搭建的违法建（构）筑物',
    'Illegal building or structure under construction',
    ONE_DAY,
    '已责令停止施工，立案查处',
  ),
  normal(
    '已建成的违法建（构）筑物',
    'Completed illegal building or structure',
    VERY_LONG,
    '违法建（构）筑物已拆除或依法处理完毕，现场清理干净',
  ),
])

/** 店面无证装修 */
export const unlicensedShopfront = fixed([
  normal(
    '店面未经审批擅自装修、改变外立面',
    'Shopfront renovated or altered without approval',
    wd(2, 3, 5),
    '已补办手续或恢复原状',
  ),
])

/** 违章接坡 */
export const illegalRamp = fixed([
  normal(
    '擅自在人行道、路缘石处接坡',
    'Ramp built onto a pavement or kerb without approval',
    REPAIR,
    '接坡已拆除，路面恢复原状',
  ),
])

/** 建筑物外立面污损 / 不洁 */
export const dirtyFacade = fixed([
  normal(
    '建筑物外立面污损、乱涂写或明显脏污',
    'Building façade defaced, scrawled on or visibly dirty',
    LONG,
    '外立面清洗或粉刷完毕，整洁美观',
  ),
  urgent(
    '外立面附着物、装饰构件松动，有坠落隐患',
    'Façade fixtures or ornaments loose and in danger of falling',
    MAKE_SAFE,
    '松动构件已加固或拆除，无坠落隐患',
  ),
])

/** 临街阳台、屋顶脏乱差 */
export const untidyBalcony = fixed([
  normal(
    '临街阳台、屋顶堆放杂物或乱搭乱挂，影响市容',
    'Street-facing balcony or roof cluttered or hung with clutter',
    REPAIR,
    '杂物已清理，阳台、屋顶整洁',
  ),
])

/** 擅自在临街的建筑物上挂彩旗 */
export const bunting = fixed([
  normal(
    '未经批准在临街建筑物上悬挂彩旗、横幅',
    'Flags or banners hung on a street-facing building without approval',
    ONE_DAY,
    '彩旗、横幅已拆除',
  ),
])

/** 沿街晾挂 */
export const streetLaundry = fixed([
  normal(
    '在临街门窗、阳台外或道路两侧设施上晾挂衣物',
    'Laundry hung outside street-facing windows and balconies or on roadside fixtures',
    wh(2, 4, 4),
    '晾挂物已收回，现场整洁',
  ),
])

/** 擅自架设管线、杆线设施 */
export const illegalLines = fixed([
  normal(
    '擅自架设管线、杆线设施',
    'Cables, pipes or poles strung up without approval',
    LONG,
    '擅自架设的管线、杆线已拆除',
  ),
  hazard(
    'overhead-line-fall',
    '擅自架设的线缆低垂、脱落，妨碍通行安全',
    'Unauthorised cable sagging or fallen, endangering traffic',
    MAKE_SAFE,
    '低垂、脱落线缆已拆除或规整固定，通行安全',
  ),
])

/** 空调室外机低挂 */
export const lowAirConditioner = fixed([
  normal(
    '空调室外机安装高度低于2米或冷凝水滴漏影响行人',
    'Air-conditioner outdoor unit below 2 m, or dripping on pedestrians',
    LONG,
    '室外机已移至规定高度或冷凝水已接管排放',
  ),
])
