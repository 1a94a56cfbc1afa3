/**
 * @module core/catalog/authoring/street-order-events
 * 事件立案条件 (街面秩序) — street order: 2013 event class 05, 2026 matter class 09.
 */
import { HALF_DAY, LONG, MAKE_SAFE_FAST, ONE_DAY, QUICK, fixed, normal, urgent, wd, wh } from './drafts.js'

const TWO_HOURS = wh(2, 2, 4)

/** 无照经营游商 */
export const streetHawker = fixed([
  normal(
    '流动摊贩在道路、广场等公共场所无照经营',
    'Unlicensed hawker trading in a road, square or other public place',
    TWO_HOURS,
    '摊贩已劝离，现场整洁',
  ),
])

/** 早(夜)市管理问题 */
export const nightMarket = fixed([
  normal(
    '早（夜）市超时、超范围经营或散场后脏乱',
    'Morning or night market trading outside its hours or area, or left dirty',
    HALF_DAY,
    '按规定时间和范围经营，场地清理干净',
  ),
])

/** 流浪乞讨 */
export const begging = fixed([
  normal('公共场所有流浪乞讨人员', 'Vagrant or beggar in a public place', TWO_HOURS, '已劝导或护送至救助站'),
])

/** 废品收购乱象 / 占道废品收购 */
export const scrapCollection = fixed([
  normal(
    '废品收购点占道经营或堆放杂乱',
    'Scrap collector trading on the street or piling scrap untidily',
    ONE_DAY,
    '占道已清除，堆放规范',
  ),
])

/** 店外经营 */
export const outsideShop = fixed([
  normal(
    '临街店铺超出门窗外墙经营、摆放商品',
    'Shop trading or displaying goods outside its front',
    QUICK,
    '商品、设施已收回店内',
  ),
])

/** 占道经营 */
export const streetStall = fixed([
  normal(
    '占用道路、桥梁、广场等公共场所摆摊设点经营',
    'Stall set up in a road, bridge, square or other public place',
    QUICK,
    '摊点已撤离，现场整洁',
  ),
])

/** 非法出版物销售 */
export const illegalPublications = fixed([
  normal(
    '街头兜售非法出版物、音像制品',
    'Illegal publications or recordings sold on the street',
    TWO_HOURS,
    '已制止并移交查处',
  ),
])

/** 机动车乱停放 */
export const motorParking = fixed([
  normal(
    '机动车在人行道、绿地或禁停区域乱停放',
    'Car parked on a pavement, green space or in a no-parking zone',
    TWO_HOURS,
    '车辆已驶离或依法处理',
  ),
])

/** 非机动车乱停放 */
export const bikeParking = fixed([
  normal(
    '非机动车未在停放点停放，堵塞人行道或出入口',
    'Bicycles or e-bikes parked outside the bays, blocking a pavement or entrance',
    TWO_HOURS,
    '车辆已规整或移至停放点',
  ),
])

/** 共享单车乱象 */
export const sharedBikes = fixed([
  normal(
    '共享单车乱停乱放、过量投放或损坏废弃',
    'Shared bikes parked anyhow, oversupplied, or broken and abandoned',
    HALF_DAY,
    '单车已规整、调运或回收',
  ),
])

/** 占用消防通道 */
export const blockedFireLane = fixed([
  urgent(
    '车辆或物品占用、堵塞消防通道',
    'Fire lane blocked by vehicles or goods',
    MAKE_SAFE_FAST,
    '消防通道已畅通',
  ),
])

/** 临街屠宰 */
export const streetSlaughter = fixed([
  normal(
    '临街或在公共场所屠宰畜禽',
    'Animals slaughtered on the street or in a public place',
    TWO_HOURS,
    '已制止，现场清理消毒',
  ),
])

/** 畜力车进城 */
export const animalCart = fixed([
  normal('畜力车在城区道路行驶', 'Animal-drawn cart on city streets', TWO_HOURS, '已劝离城区'),
])

/** 无证餐饮 */
export const unlicensedFood = fixed([
  normal('无证照经营餐饮', 'Food business without a licence', wd(3, 5, 5), '已取得证照或停止经营'),
])

/** 违规设置停车场 */
export const illegalCarPark = fixed([
  normal(
    '未经批准擅自设置经营性停车场',
    'Paid car park set up without approval',
    LONG,
    '已补办手续或停止经营',
  ),
])

/** 违规占用桥下空间 */
export const underBridgeUse = fixed([
  normal(
    '桥下空间违规堆物、搭建或经营',
    'Goods piled, structures built or business done under a bridge',
    wd(3, 5, 5),
    '桥下空间已清理',
  ),
])

/** 履带车(铁轮车)违规上路行驶 */
export const trackedVehicle = fixed([
  normal(
    '履带车、铁轮车未采取保护措施在城市道路行驶',
    'Tracked or steel-wheeled vehicle driven on a city road without protection',
    TWO_HOURS,
    '已制止，路面受损的已责令修复',
  ),
])

/** 占用无障碍通道 */
export const blockedAccessRoute = fixed([
  normal(
    '占用盲道、无障碍通道堆物或停车',
    'Tactile path or accessible route blocked by goods or vehicles',
    TWO_HOURS,
    '占用已清除，通道畅通',
  ),
])

/** 农贸市场秩序问题 */
export const farmersMarket = fixed([
  normal(
    '农贸市场周边占道经营、脏乱或秩序混乱',
    'Street trading, dirt or disorder around a farmers’ market',
    HALF_DAY,
    '周边秩序恢复，环境整洁',
  ),
])

/** 占道洗车 */
export const streetCarWash = fixed([
  normal(
    '在道路、人行道上洗车、修车',
    'Washing or repairing cars in a road or on a pavement',
    TWO_HOURS,
    '已停止，现场清理干净',
  ),
])

/** 占道促销宣传 */
export const streetPromotion = fixed([
  normal(
    '未经批准占用道路、广场开展促销、宣传活动',
    'Promotion or publicity event in a road or square without approval',
    TWO_HOURS,
    '活动已停止或补办手续，现场清理',
  ),
])

/** 黑车拉客 (2013) */
export const illegalTaxi = fixed([
  normal(
    '非法营运车辆在车站、路口等处拉客',
    'Unlicensed taxi touting at a station or junction',
    TWO_HOURS,
    '已驱离并移交查处',
  ),
])
