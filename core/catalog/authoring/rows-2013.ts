/**
 * @module core/catalog/authoring/rows-2013
 * GB/T 30428.2-2013 as authored (standards.md §4.1): big classes and every small class, with its default
 * unit type and condition family. Codes marked [S] there are used as given; names-only entries get the next
 * free code after the last known one and carry {@link POSITION_UNCERTAIN}.
 */
import type { BigClassRow, ClassRow } from './drafts.js'
import { POSITION_UNCERTAIN as U, row } from './drafts.js'
import * as adv from './advertising-events.js'
import * as bld from './building-events.js'
import * as cln from './cleanliness-events.js'
import * as con from './construction-events.js'
import * as emg from './emergency-events.js'
import * as gw from './green-water-events.js'
import * as nui from './nuisance-events.js'
import * as ord from './street-order-events.js'
import * as env from './environment-families.js'
import * as st from './street-families.js'
import * as ut from './utility-families.js'

const SEQ = 'numbering uncertain: sequential code assigned (standards.md §4.1)'
const BJAPP = 'code from one source (BJAPP 0217–0219); position uncertain (standards.md §4.1)'

/** 部件大类 (2013). */
export const COMPONENT_BIG_CLASSES_2013: readonly BigClassRow[] = [
  { code: '01', name: '公用设施', nameEn: 'Public utilities' },
  { code: '02', name: '道路交通', nameEn: 'Roads and traffic' },
  { code: '03', name: '市容环境', nameEn: 'City appearance and environment' },
  { code: '04', name: '园林绿化', nameEn: 'Landscaping and greening' },
  { code: '05', name: '房屋土地', nameEn: 'Buildings and land' },
  { code: '06', name: '其他设施', nameEn: 'Other facilities' },
]

/** 事件大类 (2013). */
export const EVENT_BIG_CLASSES_2013: readonly BigClassRow[] = [
  { code: '01', name: '市容环境', nameEn: 'City appearance and environment' },
  { code: '02', name: '宣传广告', nameEn: 'Publicity and advertising' },
  { code: '03', name: '施工管理', nameEn: 'Construction management' },
  { code: '04', name: '突发事件', nameEn: 'Emergencies' },
  { code: '05', name: '街面秩序', nameEn: 'Street order' },
  { code: '06', name: '其他事件', nameEn: 'Other events' },
]

/** 部件小类 (2013). */
export const COMPONENTS_2013: readonly ClassRow[] = [
  row('0101', '上水井盖', 'Water-supply manhole cover', 'water-supply', ut.cover),
  row('0102', '污水井盖', 'Sewer manhole cover', 'drainage', ut.cover),
  row('0103', '雨水井盖', 'Storm-drain manhole cover', 'drainage', ut.cover),
  row('0104', '雨水箅子', 'Gully grating', 'drainage', ut.grate),
  row('0105', '电力井盖', 'Power manhole cover', 'power', ut.cover),
  row('0106', '路灯井盖', 'Street-lighting manhole cover', 'street-lighting', ut.cover),
  row('0107', '通信井盖', 'Telecom manhole cover', 'telecom', ut.cover),
  row('0108', '电视井盖', 'Cable-TV manhole cover', 'telecom', ut.cover),
  row('0109', '网络井盖', 'Network manhole cover', 'telecom', ut.cover),
  row('0110', '热力井盖', 'Heating manhole cover', 'housing', ut.cover),
  row('0111', '燃气井盖', 'Gas manhole cover', 'gas', ut.cover),
  row('0112', '公安井盖', 'Police manhole cover', 'public-security', ut.cover),
  row('0113', '消防设施', 'Fire-fighting facility', 'water-supply', ut.fireFacility),
  row('0114', '无主井盖', 'Ownerless (unidentified) manhole cover', 'municipal-works', ut.cover),
  row('0115', '通信交接箱', 'Telecom cross-connect cabinet', 'telecom', ut.cabinet),
  row('0116', '电力设施', 'Power facility', 'power', ut.powerFacility),
  row('0117', '立杆', 'Utility pole', 'power', ut.pole),
  row('0118', '路灯', 'Street light', 'street-lighting', ut.streetLight),
  row('0119', '地灯', 'In-ground light', 'street-lighting', ut.lamp),
  row('0120', '景观灯', 'Decorative light', 'street-lighting', ut.lamp),
  row('0121', '报刊亭', 'Newsstand', 'law-enforcement', st.kiosk),
  row('0122', '电话亭', 'Telephone booth', 'telecom', st.kiosk),
  row('0123', '邮筒', 'Postbox', 'district-government', st.amenity),
  row('0124', '信息亭', 'Information kiosk', 'telecom', st.kiosk),
  row('0125', '自动售货机', 'Vending machine', 'market-regulation', st.device),
  row('0126', '健身设施', 'Outdoor fitness equipment', 'street-office', st.amenity),
  row('0127', '中水井盖', 'Reclaimed-water manhole cover', 'drainage', ut.cover),
  row('0128', '公交井盖', 'Bus-system manhole cover', 'transport', ut.cover, U),
  row('0129', '输油(气)井盖', 'Oil or gas pipeline manhole cover', 'gas', ut.cover, U),
  row('0130', '特殊井盖', 'Special-purpose manhole cover', 'municipal-works', ut.cover, U),
  row('0131', '民用水井', 'Private water well', 'water-affairs', ut.well, U),
  row('0132', '供水器', 'Public standpipe', 'water-supply', st.device, U),
  row('0133', '高压线铁塔', 'High-voltage pylon', 'power', ut.powerFacility, U),
  row('0134', '变压器(箱)', 'Transformer', 'power', ut.cabinet, U),
  row('0135', '燃气调压站(箱)', 'Gas pressure regulator', 'gas', ut.gasFacility, U),
  row('0136', '监控电子眼', 'CCTV camera', 'public-security', st.device, U),
  row('0137', '售货亭', 'Sales kiosk', 'law-enforcement', st.kiosk, U),
  row('0138', '治安岗亭', 'Police booth', 'public-security', st.kiosk, U),
  row('0201', '停车场', 'Car park', 'traffic-police', st.parking),
  row('0202', '停车咪表', 'Parking meter', 'traffic-police', st.device),
  row('0203', '公交站亭', 'Bus shelter', 'transport', st.transitStop),
  row('0204', '出租车站牌', 'Taxi-stand sign', 'transport', st.transitStop),
  row('0205', '过街天桥', 'Pedestrian overpass', 'municipal-works', st.bridge),
  row('0206', '地下通道', 'Pedestrian underpass', 'municipal-works', st.bridge),
  row('0207', '高架立交桥', 'Elevated interchange', 'municipal-works', st.bridge),
  row('0208', '跨河桥', 'River bridge', 'municipal-works', st.bridge),
  row('0209', '交通标志牌', 'Traffic sign', 'traffic-police', st.trafficSign),
  row('0211', '交通护栏', 'Traffic railing', 'traffic-police', st.barrier),
  row('0212', '存车支架', 'Bicycle rack', 'street-office', st.parking),
  row('0213', '路名牌', 'Street-name sign', 'municipal-works', st.sign),
  row('0214', '交通信号灯', 'Traffic signal', 'traffic-police', st.trafficLight, U),
  row('0215', '交通信号设施', 'Traffic-signal control cabinet', 'traffic-police', ut.cabinet, U),
  row('0217', '道路信息显示屏', 'Road information display', 'traffic-police', st.device, BJAPP),
  row('0218', '道路隔音屏', 'Roadside noise barrier', 'municipal-works', st.barrier, BJAPP),
  row('0219', '交通岗亭', 'Traffic-police booth', 'traffic-police', st.kiosk, BJAPP),
  row('0301', '公共厕所', 'Public toilet', 'sanitation', env.toilet),
  row('0302', '化粪池', 'Septic tank', 'sanitation', env.septicTank),
  row('0303', '公厕指示牌', 'Public-toilet sign', 'sanitation', st.sign),
  row('0304', '垃圾间(楼)', 'Refuse room', 'sanitation', env.wasteContainer),
  row('0305', '垃圾箱', 'Litter bin', 'sanitation', env.wasteContainer),
  row('0306', '灯箱霓虹灯', 'Light box or neon sign', 'law-enforcement', env.adStructure),
  row('0307', '广告牌匾', 'Billboard or shop sign', 'law-enforcement', env.adStructure),
  row('0308', '环保监测站', 'Environmental monitoring station', 'ecology-environment', st.device, U),
  row('0309', '气象监测站', 'Weather station', 'district-government', st.device, U),
  row('0310', '污水口监测站', 'Outfall monitoring station', 'ecology-environment', st.device, U),
  row('0311', '噪声显示屏', 'Noise display', 'ecology-environment', st.device, U),
  row('0401', '古树名木', 'Heritage tree', 'landscaping', env.heritageTree),
  row('0402', '行道树', 'Street tree', 'landscaping', env.tree),
  row('0403', '护树设施', 'Tree guard or tree-pit grille', 'landscaping', env.treePit),
  row('0404', '花架花钵', 'Flower stand or planter', 'landscaping', st.amenity),
  row('0405', '绿地', 'Green space', 'landscaping', env.greenSpace),
  row('0406', '雕塑', 'Sculpture', 'landscaping', st.amenity),
  row('0407', '街头座椅', 'Street bench', 'landscaping', st.amenity),
  row('0408', '绿地护栏', 'Green-space railing', 'landscaping', st.barrier, U),
  row('0409', '绿地维护设施', 'Green-space maintenance facility', 'landscaping', st.amenity, U),
  row('0410', '喷泉', 'Fountain', 'landscaping', st.device, U),
  row('0501', '宣传栏', 'Notice board', 'street-office', st.sign),
  row('0502', '人防工事', 'Civil-defence works', 'district-government', st.underground),
  row('0503', '公房地下室', 'Public-housing basement', 'housing', st.underground),
  row('0601', '重大危险源', 'Major hazard installation', 'district-government', env.riskSite, U),
  row('0602', '工地', 'Building site', 'housing', env.riskSite, U),
  row('0603', '水域附属设施', 'Waterside facility', 'water-affairs', env.waterside, U),
  row('0604', '水域护栏', 'Waterside railing', 'water-affairs', env.waterside, U),
  row('0605', '港监设施', 'Harbour-control facility', 'transport', st.device, U),
  row('0606', '防汛墙', 'Flood wall', 'water-affairs', env.floodDefence, U),
]

/** 事件小类 (2013). */
export const EVENTS_2013: readonly ClassRow[] = [
  row('0101', '私搭乱建', 'Illegal construction', 'law-enforcement', bld.illegalBuilding, SEQ),
  row('0102', '暴露垃圾', 'Exposed garbage', 'sanitation', cln.exposedGarbage, SEQ),
  row('0103', '积存垃圾渣土', 'Accumulated garbage or spoil', 'sanitation', cln.accumulatedWaste, SEQ),
  row('0104', '道路不洁', 'Dirty road', 'sanitation', cln.dirtyRoad, SEQ),
  row('0105', '水域不洁', 'Dirty waterway', 'water-affairs', gw.dirtyWater, SEQ),
  row('0106', '绿地脏乱', 'Littered green space', 'landscaping', cln.dirtyGreen, SEQ),
  row('0107', '废弃车辆', 'Abandoned vehicle', 'law-enforcement', nui.abandonedVehicle, SEQ),
  row('0108', '废弃家具设备', 'Dumped furniture or appliances', 'sanitation', nui.abandonedFurniture, SEQ),
  row('0109', '非装饰性树挂', 'Rubbish hanging in trees', 'landscaping', cln.strayHangings, SEQ),
  row('0110', '道路破损', 'Damaged road', 'municipal-works', cln.roadWear, SEQ),
  row('0111', '河堤破损', 'Damaged riverbank', 'water-affairs', gw.brokenEmbankment, SEQ),
  row('0112', '道路遗撒', 'Road spill', 'sanitation', cln.roadSpill, SEQ),
  row('0113', '建筑物外立面不洁', 'Dirty building façade', 'street-office', bld.dirtyFacade, SEQ),
  row('0114', '焚烧树叶垃圾', 'Burning leaves or garbage', 'law-enforcement', cln.openBurning, SEQ),
  row('0115', '油烟污染', 'Cooking-fume pollution', 'law-enforcement', gw.cookingFumes, SEQ),
  row('0116', '动物尸体', 'Dead animal', 'sanitation', nui.animalCarcass, SEQ),
  row(
    '0117',
    '擅自饲养家禽家畜',
    'Unauthorised poultry or livestock',
    'street-office',
    nui.backyardLivestock,
    SEQ,
  ),
  row('0201', '非法小广告', 'Illegal small ads', 'law-enforcement', adv.flyposting),
  row(
    '0202',
    '违章张贴悬挂广告牌匾',
    'Illegally posted ads or signboards',
    'law-enforcement',
    adv.illegalPostedAd,
  ),
  row('0203', '占道广告牌', 'Ad board on the pavement', 'law-enforcement', adv.pavementAdBoard),
  row('0204', '街头散发广告', 'Leafleting', 'law-enforcement', adv.leafleting),
  row('0301', '施工扰民', 'Construction nuisance', 'law-enforcement', con.constructionNoise),
  row('0302', '工地扬尘', 'Building-site dust', 'housing', con.siteDust),
  row('0303', '施工废弃料', 'Construction waste', 'housing', con.constructionWaste, SEQ),
  row('0304', '施工占道', 'Works occupying the road', 'law-enforcement', con.constructionOccupation, SEQ),
  row('0305', '无证掘路', 'Unlicensed road digging', 'law-enforcement', con.unlicensedDigging, SEQ),
  row(
    '0306',
    '道路遗撒',
    'Road spill from construction',
    'law-enforcement',
    cln.constructionSpill,
    `${SEQ}; also listed under 事件 01`,
  ),
  row('0401', '路面塌陷', 'Road collapse', 'municipal-works', emg.roadCollapse),
  row('0402', '自来水管破裂', 'Burst water main', 'water-supply', emg.waterMainBurst),
  row('0403', '燃气管道破裂', 'Burst gas pipe', 'gas', emg.gasMainBurst),
  row('0404', '下水道堵塞或破损', 'Blocked or broken sewer', 'drainage', emg.sewerProblem),
  row('0405', '热力管道破裂', 'Burst heating main', 'housing', emg.heatMainBurst, U),
  row('0406', '道路积水', 'Flooded road', 'drainage', emg.standingWater, U),
  row('0407', '道路积雪结冰', 'Snow or ice on roads', 'sanitation', emg.snowAndIce, U),
  row('0408', '架空线缆损坏', 'Damaged overhead cable', 'telecom', emg.overheadCables, U),
  row('0409', '群发性事件', 'Mass incident', 'public-security', emg.massIncident, U),
  row('0501', '无照经营游商', 'Unlicensed hawker', 'law-enforcement', ord.streetHawker),
  row('0502', '流浪乞讨', 'Begging', 'street-office', ord.begging),
  row('0503', '占道废品收购', 'Scrap collection on the street', 'law-enforcement', ord.scrapCollection),
  row('0504', '店外经营', 'Trading outside the shop', 'law-enforcement', ord.outsideShop),
  row('0505', '机动车乱停放', 'Illegally parked motor vehicle', 'traffic-police', ord.motorParking),
  row('0506', '非机动车乱停放', 'Illegally parked bicycle or e-bike', 'law-enforcement', ord.bikeParking),
  row('0507', '乱堆物堆料', 'Goods piled in public space', 'law-enforcement', nui.clutter),
  row('0508', '商业噪音', 'Commercial noise', 'law-enforcement', gw.commercialNoise),
  row('0509', '黑车拉客', 'Unlicensed taxi touting', 'traffic-police', ord.illegalTaxi),
  row('0510', '露天烧烤', 'Open-air barbecue', 'law-enforcement', nui.openBarbecue),
  row('0511', '沿街晾挂', 'Laundry hung along the street', 'law-enforcement', bld.streetLaundry, U),
  row(
    '0512',
    '非法出版物销售',
    'Sale of illegal publications',
    'market-regulation',
    ord.illegalPublications,
    U,
  ),
  row('0513', '空调室外机低挂', 'Low air-conditioner unit', 'law-enforcement', bld.lowAirConditioner, U),
]
