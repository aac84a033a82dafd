import type { Random } from "../../demo/random.js";

export const PERMIT_CATEGORIES = ["重点管理", "简化管理", "登记管理"] as const;
export type PermitCategory = (typeof PERMIT_CATEGORIES)[number];

// Shares of 重点 / 简化 / 登记 management per industry, after the 固定污染源排污许可分类管理名录
// (2019年版): power, steel, petrochemicals, incineration and electroplating are key-managed
// throughout; food processing and car assembly are mostly simplified or registration only.
const SHARES: Readonly<Record<string, readonly [number, number, number]>> = {
  火力发电: [1, 0, 0],
  钢铁冶炼: [0.9, 0.1, 0],
  水泥制造: [0.85, 0.15, 0],
  石油化工: [1, 0, 0],
  化学原料制造: [0.6, 0.3, 0.1],
  造纸: [0.8, 0.2, 0],
  纺织印染: [0.5, 0.4, 0.1],
  化学药品制造: [0.6, 0.35, 0.05],
  电镀: [0.9, 0.1, 0],
  农副食品加工: [0.1, 0.4, 0.5],
  污水处理: [0.5, 0.4, 0.1],
  生活垃圾焚烧: [1, 0, 0],
  有色金属冶炼: [0.85, 0.15, 0],
  汽车制造: [0.3, 0.6, 0.1],
};

/** The management category of a permit in `industry`. */
export function permitCategory(industry: string, rng: Random): PermitCategory {
  const [key, simplified] = SHARES[industry] ?? [0.3, 0.5, 0.2];
  const u = rng.next();
  if (u < key) return "重点管理";
  if (u < key + simplified) return "简化管理";
  return "登记管理";
}
