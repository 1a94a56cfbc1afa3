import type { Rng } from './prng.js'

/**
 * 社区名 — two-syllable community names of the kind found in 泰州 (old-town lanes, rivers, temples, new estates),
 * each with a pinyin spelling. Names are drawn without repeats; once the list runs out, compass variants
 * (东/西/南/北) of used names follow, so even the large city has unique names.
 */
const BASES: readonly (readonly [string, string])[] = [
  '鼓楼 Gulou, 坡子 Pozi, 五一 Wuyi, 东进 Dongjin, 迎春 Yingchun, 春晖 Chunhui, 凤凰 Fenghuang, 稻河 Daohe, 税东 Shuidong,',
  '溪园 Xiyuan, 梅兰 Meilan, 工人 Gongren, 扬桥 Yangqiao, 西仓 Xicang, 东风 Dongfeng, 九龙 Jiulong, 明珠 Mingzhu,',
  '泰山 Taishan, 光孝 Guangxiao, 钟楼 Zhonglou, 天德 Tiande, 望海 Wanghai, 莲花 Lianhua, 柳园 Liuyuan, 江洲 Jiangzhou,',
  "永安 Yong'an, 金港 Jingang, 柴墟 Chaixu, 大泗 Dasi, 永定 Yongding, 森南 Sennan, 海光 Haiguang, 翠竹 Cuizhu,",
  '梧桐 Wutong, 桃园 Taoyuan, 乔园 Qiaoyuan, 府前 Fuqian, 八字 Bazi, 渔行 Yuhang, 涵东 Handong, 青年 Qingnian,',
  '济川 Jichuan, 老街 Laojie, 北山 Beishan, 城隍 Chenghuang, 兴化 Xinghua, 红旗 Hongqi, 红光 Hongguang, 新华 Xinhua,',
  '百凤 Baifeng, 塘湾 Tangwan, 周山 Zhoushan, 寺巷 Sixiang, 鲍徐 Baoxu, 野徐 Yexu, 口泰 Koutai, 刁铺 Diaopu,',
  '许庄 Xuzhuang, 白马 Baima, 罗塘 Luotang, 三水 Sanshui, 天目 Tianmu, 溱潼 Qintong, 梁徐 Liangxu, 华港 Huagang,',
  '锦园 Jinyuan, 金湖 Jinhu, 银杏 Yinxing, 荷塘 Hetang, 清河 Qinghe, 南官 Nanguan, 北门 Beimen, 东门 Dongmen, 西门 Ximen,',
  '通扬 Tongyang, 海阳 Haiyang, 吉祥 Jixiang, 和平 Heping, 长乐 Changle, 丰乐 Fengle, 安乐 Anle, 富民 Fumin, 康居 Kangju,',
  '幸福 Xingfu, 万福 Wanfu, 育英 Yuying, 书香 Shuxiang, 文昌 Wenchang, 学府 Xuefu, 新桥 Xinqiao, 石桥 Shiqiao,',
  '板桥 Banqiao, 虹桥 Hongqiao, 花园 Huayuan, 枫林 Fenglin, 松林 Songlin, 竹林 Zhulin, 杏林 Xinglin, 芦洲 Luzhou,',
  '沙洲 Shazhou, 芙蓉 Furong, 玉兰 Yulan, 紫荆 Zijing, 丁香 Dingxiang, 映月 Yingyue, 星湖 Xinghu, 滨江 Binjiang,',
  "临江 Linjiang, 望江 Wangjiang, 港城 Gangcheng, 药城 Yaocheng, 康泰 Kangtai, 泰和 Taihe, 泰安 Tai'an, 长江 Changjiang,",
  '运河 Yunhe, 周庄 Zhouzhuang, 陈庄 Chenzhuang, 蒋庄 Jiangzhuang, 朱庄 Zhuzhuang, 杨湾 Yangwan, 李堡 Libao,',
  '孙家 Sunjia, 王营 Wangying,',
]
  .join(' ')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '')
  .map((s) => {
    const [zh, en] = s.split(' ')
    return [zh!, en!.replace('_', ' ')] as const
  })

const VARIANTS: readonly (readonly [string, string])[] = [
  ['', ''],
  ['东', ' East'],
  ['西', ' West'],
  ['南', ' South'],
  ['北', ' North'],
  ['新', ' New'],
]

/** A draw of unique community names for one city. */
export interface NameDraw {
  /** The next unused name: Chinese (e.g. 春晖社区) and English (Chunhui Community). */
  next(): { readonly name: string; readonly nameEn: string }
}

/** 社区命名 — a shuffled, repeat-free stream of community names. */
export function communityNames(rng: Rng): NameDraw {
  const bases = BASES
  let round = 0
  let order = shuffle(bases.length, rng)
  let k = 0
  return {
    next() {
      if (k === order.length) {
        round++
        if (round >= VARIANTS.length) throw new RangeError('communityNames: ran out of unique names')
        order = shuffle(bases.length, rng)
        k = 0
      }
      const [zh, en] = bases[order[k++]!]!
      const [vz, ve] = VARIANTS[round]!
      return { name: `${zh}${vz}社区`, nameEn: `${en}${ve} Community` }
    },
  }
}

function shuffle(n: number, rng: Rng): number[] {
  const out = Array.from({ length: n }, (_, k) => k)
  for (let k = n - 1; k > 0; k--) {
    const r = Math.floor(rng.next() * (k + 1))
    ;[out[k], out[r]] = [out[r]!, out[k]!]
  }
  return out
}
