import { makeCreditCode } from "../domain/credit-code.js";
import { weightedProvince, type DemoProvince } from "./provinces.js";
import { seededRandom, type Random } from "./random.js";

/** The seed of the whole demo federation; every unit derives its rows from it. */
export const DEMO_SEED = "ecofed-demo-v1";
export const DEMO_ENTERPRISE_COUNT = 5_200;

export type Medium = "air" | "water";

interface Industry {
  readonly name: string;
  readonly word: string;
  readonly media: readonly Medium[];
  readonly weight: number;
}

const INDUSTRIES: readonly Industry[] = [
  { name: "火力发电", word: "电力", media: ["air", "water"], weight: 6 },
  { name: "钢铁冶炼", word: "钢铁", media: ["air", "water"], weight: 5 },
  { name: "水泥制造", word: "水泥", media: ["air"], weight: 5 },
  { name: "石油化工", word: "石化", media: ["air", "water"], weight: 4 },
  { name: "化学原料制造", word: "化工", media: ["air", "water"], weight: 8 },
  { name: "造纸", word: "纸业", media: ["water"], weight: 4 },
  { name: "纺织印染", word: "印染", media: ["water"], weight: 4 },
  { name: "化学药品制造", word: "制药", media: ["air", "water"], weight: 4 },
  { name: "电镀", word: "表面处理", media: ["water"], weight: 3 },
  { name: "农副食品加工", word: "食品", media: ["water"], weight: 5 },
  { name: "污水处理", word: "水务", media: ["water"], weight: 4 },
  { name: "生活垃圾焚烧", word: "环保能源", media: ["air"], weight: 2 },
  { name: "有色金属冶炼", word: "有色金属", media: ["air", "water"], weight: 3 },
  { name: "汽车制造", word: "汽车", media: ["air"], weight: 3 },
];

const BRANDS = "恒 华 鑫 瑞 宏 泰 新 盛 远 安 金 永 丰 隆 达 通 利 源 辰 嘉 博 润 宇 兴 信 诚 康 海 天 正".split(" ");
const SURNAMES = "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧".split(" ");
const GIVEN = "伟 芳 娜 敏 静 强 磊 军 洋 勇 艳 杰 涛 明 超 秀 霞 平 刚 桂 英 华 玉 兰 建 国 文 辉 志 红".split(" ");

/** One enterprise of the demo universe: the public registration plus which units hold data on it. */
export interface DemoEnterprise {
  readonly creditCode: string;
  readonly name: string;
  readonly province: DemoProvince;
  readonly industry: string;
  readonly media: readonly Medium[];
  readonly legalRepresentative: string;
  readonly registeredOn: string;
  readonly address: string;
  /** Enforcement holds inspection records on it (≥ a quarter of enterprises: CONTRACT §5). */
  readonly inspected: boolean;
  readonly penalised: boolean;
  readonly soilSite: boolean;
}

/** 江苏省 → 江苏, 内蒙古自治区 → 内蒙古: the form an enterprise name starts with. */
function placeName(provinceName: string): string {
  return provinceName.replace(/(壮族|回族|维吾尔)?(自治区|省|市)$/, "");
}

export function personName(rng: Random): string {
  const given = rng.chance(0.6) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

function pickIndustry(rng: Random): Industry {
  const total = INDUSTRIES.reduce((s, i) => s + i.weight, 0);
  let x = rng.next() * total;
  for (const industry of INDUSTRIES) {
    x -= industry.weight;
    if (x < 0) return industry;
  }
  return INDUSTRIES[0]!;
}

let cache: readonly DemoEnterprise[] | undefined;

/** The demo universe of enterprises, the same on every call and every machine. */
export function demoEnterprises(): readonly DemoEnterprise[] {
  if (cache) return cache;
  const rng = seededRandom(`${DEMO_SEED}/enterprises`);
  const serials = new Set<string>();
  const names = new Set<string>();
  const out: DemoEnterprise[] = [];
  while (out.length < DEMO_ENTERPRISE_COUNT) {
    const province = weightedProvince(rng.next());
    const industry = pickIndustry(rng);
    const serial = String(rng.int(10_000_000, 99_999_999));
    const name = `${placeName(province.name)}${rng.pick(BRANDS)}${rng.pick(BRANDS)}${industry.word}有限公司`;
    if (serials.has(serial) || names.has(name)) continue;
    serials.add(serial);
    names.add(name);
    const city = String(rng.int(1, 15)).padStart(2, "0");
    const county = String(rng.int(1, 20)).padStart(2, "0");
    const year = rng.int(1995, 2024);
    out.push({
      creditCode: makeCreditCode(province.code.slice(0, 2) + city + county, serial),
      name,
      province,
      industry: industry.name,
      media: industry.media,
      legalRepresentative: personName(rng),
      registeredOn: `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      address: `${province.name}${rng.pick(BRANDS)}${rng.pick(["工业园区", "经济开发区", "高新区", "化工园区"])}${rng.int(1, 300)}号`,
      inspected: rng.chance(0.35),
      penalised: rng.chance(0.12),
      soilSite: rng.chance(0.08),
    });
  }
  out.sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
  cache = out;
  return out;
}
