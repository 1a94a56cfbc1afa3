/**
 * @module core/catalog/authoring/advertising-events
 * 事件立案条件 (宣传广告) — advertising: 2013 event class 02, 2026 matter class 07.
 */
import { HALF_DAY, LONG, MAKE_SAFE, ONE_DAY, QUICK, REPAIR, fixed, normal, urgent, wd, wh } from './drafts.js'

/** 非法小广告 */
export const flyposting = fixed([
  normal(
    '在建筑物、设施上张贴、涂写、刻画小广告',
    'Small ads posted, painted or scratched on buildings or street fixtures',
    QUICK,
    '小广告清除干净，无残留痕迹',
  ),
  normal('同一处小广告10处以上', 'Ten or more small ads in one place', ONE_DAY, '小广告清除干净，无残留痕迹'),
])

/** 街头散发广告 */
export const leafleting = fixed([
  normal(
    '在道路、广场等公共场所散发广告、传单',
    'Leaflets handed out in a road, square or other public place',
    wh(2, 2, 4),
    '散发行为已制止，现场无散落传单',
  ),
])

/** 违规户外广告 */
export const illegalOutdoorAd = fixed([
  normal('未经批准设置户外广告', 'Outdoor advertisement put up without approval', LONG, '已补办手续或拆除'),
  urgent(
    '户外广告破损、松动，有坠落隐患',
    'Outdoor advertisement damaged or loose and in danger of falling',
    MAKE_SAFE,
    '已加固或拆除，无坠落隐患',
  ),
])

/** 违章张贴悬挂广告牌匾 (2013) */
export const illegalPostedAd = fixed([
  normal(
    '未经批准张贴、悬挂广告、横幅或牌匾',
    'Ads, banners or signboards posted or hung without approval',
    wd(3, 5, 5),
    '违规广告、牌匾已拆除或补办手续',
  ),
])

/** 占道广告牌 (2013) */
export const pavementAdBoard = fixed([
  normal(
    '在道路、人行道上摆放广告牌、落地灯箱',
    'Advertising board or light box standing in a road or on a pavement',
    HALF_DAY,
    '广告牌、灯箱已撤离',
  ),
])

/** 广告语言文字不规范 */
export const adLanguage = fixed([
  normal(
    '广告、牌匾使用不规范汉字、错别字或外文使用不规范',
    'Ad or shop sign with non-standard characters, misspellings or misused foreign words',
    LONG,
    '文字已更正',
  ),
])

/** 违规牌匾标识 */
export const illegalShopSign = fixed([
  normal(
    '未按规范设置牌匾标识（超出规定尺寸、一店多牌等）',
    'Shop sign against the rules (oversized, several signs for one shop, etc.)',
    LONG,
    '牌匾已按规范整改或拆除',
  ),
  normal(
    '牌匾破损、缺字或亮化不全',
    'Shop sign damaged, missing characters or partly unlit',
    REPAIR,
    '牌匾修复完整，亮化正常',
  ),
])

/** 违规标语宣传品 */
export const illegalSlogans = fixed([
  normal(
    '擅自悬挂、张贴横幅标语或过期宣传品未撤',
    'Banners or slogans put up without approval, or expired publicity left up',
    ONE_DAY,
    '标语宣传品已撤除',
  ),
])

/** 公益性宣传品缺损 */
export const damagedPublicNotice = fixed([
  normal(
    '公益广告、宣传品破损、褪色或缺失',
    'Public-service poster or display damaged, faded or missing',
    REPAIR,
    '宣传品已修复或更换',
  ),
])
