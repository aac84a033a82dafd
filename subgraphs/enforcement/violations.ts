import type { Medium } from "../../demo/enterprises.js";
import type { Random } from "../../demo/random.js";

/** A kind of violation, the article that fines it and the fine range that article sets. */
export interface Violation {
  readonly violation: string;
  readonly legalBasis: string;
  readonly minYuan: number;
  readonly maxYuan: number;
  /** The medium an enterprise must discharge into to commit it; null: any enterprise. */
  readonly medium: Medium | null;
  readonly weight: number;
}

// The fine ranges are the articles' own (e.g. 大气法 第九十九条: 十万元以上一百万元以下).
export const VIOLATIONS: readonly Violation[] = [
  { violation: "超标排放大气污染物", legalBasis: "《中华人民共和国大气污染防治法》第九十九条", minYuan: 100_000, maxYuan: 1_000_000, medium: "air", weight: 3 },
  { violation: "挥发性有机物废气未采取减排措施", legalBasis: "《中华人民共和国大气污染防治法》第一百零八条", minYuan: 20_000, maxYuan: 200_000, medium: "air", weight: 2 },
  { violation: "超标排放水污染物", legalBasis: "《中华人民共和国水污染防治法》第八十三条", minYuan: 100_000, maxYuan: 1_000_000, medium: "water", weight: 3 },
  { violation: "不正常运行水污染防治设施", legalBasis: "《中华人民共和国水污染防治法》第八十三条", minYuan: 100_000, maxYuan: 1_000_000, medium: "water", weight: 1 },
  // 环评法 第三十一条 fines 1%–5% of the project's investment; the demo's projects are mid-sized.
  { violation: "未批先建", legalBasis: "《中华人民共和国环境影响评价法》第三十一条", minYuan: 50_000, maxYuan: 1_000_000, medium: null, weight: 2 },
  { violation: "未按证排污", legalBasis: "《排污许可管理条例》第三十六条", minYuan: 20_000, maxYuan: 200_000, medium: null, weight: 3 },
  { violation: "未按规定开展自行监测", legalBasis: "《排污许可管理条例》第三十六条", minYuan: 20_000, maxYuan: 200_000, medium: null, weight: 2 },
  { violation: "篡改自动监测数据", legalBasis: "《排污许可管理条例》第三十四条", minYuan: 200_000, maxYuan: 1_000_000, medium: null, weight: 1 },
  { violation: "未按规定贮存危险废物", legalBasis: "《中华人民共和国固体废物污染环境防治法》第一百一十二条", minYuan: 100_000, maxYuan: 1_000_000, medium: null, weight: 2 },
];

/** A violation an enterprise discharging into `media` can commit, drawn by weight. */
export function pickViolation(rng: Random, media: readonly Medium[]): Violation {
  const open = VIOLATIONS.filter((v) => v.medium === null || media.includes(v.medium));
  let x = rng.next() * open.reduce((s, v) => s + v.weight, 0);
  for (const v of open) {
    x -= v.weight;
    if (x < 0) return v;
  }
  return open[open.length - 1]!;
}

/** A fine within the violation's range, most near its lower end, in whole hundreds of yuan. */
export function fineYuan(rng: Random, v: Violation): number {
  const u = rng.next();
  const raw = v.minYuan + (v.maxYuan - v.minYuan) * u * u;
  return Math.min(v.maxYuan, Math.max(v.minYuan, Math.round(raw / 100) * 100));
}
