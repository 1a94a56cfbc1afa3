/**
 * @module core/catalog/crosswalk-2013-2026
 * 新旧标准对照 — GB/T 30428.2-2013 small classes and the GB/T 47678.5-2026 small classes they clearly
 * correspond to (standards.md §4.2: "01001–01013 correspond to the old 0101–0113, with 上水 renamed 供水").
 * Only clear name matches are listed; a 2013 class with no entry has no safe 2026 equivalent.
 */
import { categoryKey, parseCategoryKey } from './category-key.js'

/** 对照行 — one row of the crosswalk: 2013 code → 2026 code of the same kind. */
export interface CrosswalkEntry {
  readonly kind: 'component' | 'event'
  readonly from: string
  readonly to: string
  /** Why the match is not one-to-one by name, when it is not. */
  readonly note?: string
}

const c = (from: string, to: string, note?: string): CrosswalkEntry =>
  note === undefined ? { kind: 'component', from, to } : { kind: 'component', from, to, note }
const e = (from: string, to: string, note?: string): CrosswalkEntry =>
  note === undefined ? { kind: 'event', from, to } : { kind: 'event', from, to, note }

/** 新旧标准对照表 — every mapped 2013 class. */
export const CROSSWALK_2013_2026: readonly CrosswalkEntry[] = [
  c('0101', '01001', '上水井盖 renamed 供水井盖'),
  ...['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'].map((n) =>
    c(`01${n}`, `010${n}`),
  ),
  c('0114', '01023', '无主井盖 = 不明井盖'),
  c('0115', '01027'),
  c('0116', '01028'),
  c('0117', '01030', '立杆 (电杆) → 电力立杆; other owners have their own 2026 pole classes'),
  c('0118', '01037'),
  c('0119', '01038'),
  c('0120', '01039'),
  c('0121', '01040'),
  c('0122', '01041'),
  c('0123', '01042'),
  c('0124', '01043'),
  c('0125', '01045'),
  c('0126', '01046', '健身设施 → 户外健身设施'),
  c('0127', '01019'),
  c('0128', '01020'),
  c('0129', '01021'),
  c('0130', '01022'),
  c('0131', '01024', '民用水井 → 水井'),
  c('0132', '01025'),
  c('0133', '01047'),
  c('0134', '01048'),
  c('0135', '01049'),
  c('0136', '01050'),
  c('0137', '01044'),
  c('0138', '01051'),
  c('0201', '02001'),
  c('0202', '02003', '停车咪表 → 停车计费设备'),
  c('0203', '02004', '公交站亭 → 公交站设施'),
  c('0204', '02005', '出租车站牌 → 出租车停靠站'),
  c('0205', '02006'),
  c('0206', '02007'),
  c('0207', '02008', '高架立交桥 → 立交桥'),
  c('0208', '02009'),
  c('0209', '02010', '交通标志牌 → 交通标志牌及标线'),
  c('0211', '02017'),
  c('0212', '02027'),
  c('0213', '02012'),
  c('0214', '02014'),
  c('0215', '02015'),
  c('0217', '02023'),
  c('0218', '02024'),
  c('0219', '02016'),
  c('0301', '03001'),
  c('0302', '03003'),
  c('0303', '03002'),
  c('0304', '03004'),
  c('0305', '03005'),
  c('0308', '03010'),
  c('0309', '03009'),
  c('0310', '03011'),
  c('0311', '03013'),
  c('0401', '04001'),
  c('0402', '04002'),
  c('0403', '04004'),
  c('0404', '04005'),
  c('0405', '04013'),
  c('0406', '04006'),
  c('0407', '04007'),
  c('0408', '04008'),
  c('0409', '04009', '绿地维护设施 → 绿地附属设施'),
  c('0410', '04010'),
  c('0501', '03008', '宣传栏 moved to 市容环卫设施'),
  c('0503', '05002'),
  c('0603', '01069'),
  c('0604', '01070'),
  c('0605', '02031'),
  c('0606', '01071'),
  e('0101', '06001'),
  e('0102', '06010'),
  e('0103', '06011'),
  e('0104', '06012'),
  e('0105', '06025'),
  e('0106', '06017'),
  e('0107', '06034'),
  e('0108', '06035'),
  e('0109', '06019', '非装饰性树挂 → 非装饰性吊挂'),
  e('0110', '06013'),
  e('0111', '06023', '河堤破损 → 堤岸破损'),
  e('0112', '06014'),
  e('0113', '06004', '建筑物外立面不洁 → 建筑物外立面污损'),
  e('0114', '06020'),
  e('0115', '06027'),
  e('0116', '06037'),
  e('0117', '06038'),
  e('0201', '07001'),
  e('0204', '07002'),
  e('0301', '08001'),
  e('0302', '08004'),
  e('0303', '08005'),
  e('0304', '08002'),
  e('0305', '08003'),
  e('0306', '06014', 'construction spills are 道路遗撒(洒) in 2026'),
  e('0401', '06013', '2026 has no 突发事件 class: road collapse is a condition of 道路破损'),
  e('0407', '10001'),
  e('0408', '10002', '架空线缆损坏 → 架空线缆脱落'),
  e('0501', '09001'),
  e('0502', '09003'),
  e('0503', '09004', '占道废品收购 → 废品收购乱象'),
  e('0504', '09005'),
  e('0505', '09009'),
  e('0506', '09010'),
  e('0507', '06036', '乱堆物堆料 → 乱堆杂物'),
  e('0508', '06028', '商业噪音 → 噪声扰民'),
  e('0510', '06029'),
  e('0511', '06007'),
  e('0512', '09008'),
  e('0513', '06009'),
]

const byKey = new Map(CROSSWALK_2013_2026.map((x) => [categoryKey('2013', x.kind, x.from), x]))

/** 对照行 — the crosswalk row of a 2013 category key, if the class has a clear 2026 equivalent. */
export function crosswalkEntry(key2013: string): CrosswalkEntry | undefined {
  return byKey.get(key2013)
}

/**
 * 新旧标准对照 — the 2026 category key corresponding to a 2013 one ('2013:component:0101' →
 * '2026:component:01001'); a 2026 key is returned unchanged; undefined when there is no clear equivalent.
 * Throws on a malformed key.
 */
export function toEdition2026(key: string): string | undefined {
  const parts = parseCategoryKey(key)
  if (parts.edition === '2026') return key
  const entry = byKey.get(key)
  return entry ? categoryKey('2026', entry.kind, entry.to) : undefined
}
