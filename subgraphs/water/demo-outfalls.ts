import { DEMO_SEED, type DemoEnterprise } from "../../demo/enterprises.js";
import { seededRandom } from "../../demo/random.js";
import type { DemoSection } from "./demo-sections.js";

export type DischargeMode = "直接排放" | "间接排放";

export interface DemoOutfall {
  readonly id: string;
  readonly creditCode: string;
  readonly name: string;
  readonly receivingWater: string;
  readonly dischargeMode: DischargeMode;
  readonly sectionId: string;
}

// Outfall codes as in discharge permits (HJ 608-2017 排污单位编码规则): DW = 废水排放口, numbered per enterprise.
const OUTFALL_KINDS = ["总排口", "车间或生产设施排口", "生活污水排口"];

/**
 * The wastewater outfalls of one enterprise that discharges to water: 1–3 each, all near the
 * plant, each tied to the nearest monitoring section of the plant's province.
 * `sections` are that province's sections.
 */
export function demoOutfalls(enterprise: DemoEnterprise, sections: readonly DemoSection[]): DemoOutfall[] {
  const rng = seededRandom(`${DEMO_SEED}/water/outfalls/${enterprise.creditCode}`);
  const treatsSewage = enterprise.industry === "污水处理";
  const u = rng.next();
  const count = treatsSewage ? 1 : u < 0.55 ? 1 : u < 0.85 ? 2 : 3;
  // A sewage works discharges to the river itself; most plants in industrial parks send
  // their wastewater to the park's treatment works (indirect discharge).
  const mode: DischargeMode = treatsSewage || rng.chance(0.4) ? "直接排放" : "间接排放";
  const plantX = rng.next() * 100;
  const plantY = rng.next() * 100;
  const out: DemoOutfall[] = [];
  for (let i = 0; i < count; i++) {
    const section = nearest(sections, plantX + 2 * rng.normal(), plantY + 2 * rng.normal());
    const code = `DW${String(i + 1).padStart(3, "0")}`;
    out.push({
      id: `${enterprise.creditCode}-${code}`,
      creditCode: enterprise.creditCode,
      name: `${code} ${treatsSewage ? "出水总排口" : OUTFALL_KINDS[i]}`,
      receivingWater: mode === "直接排放" ? section.river : `园区污水处理厂（最终受纳水体：${section.river}）`,
      dischargeMode: mode,
      sectionId: section.id,
    });
  }
  return out;
}

function nearest(sections: readonly DemoSection[], x: number, y: number): DemoSection {
  let best = sections[0]!;
  let bestDistance = Infinity;
  for (const s of sections) {
    const d = (s.x - x) ** 2 + (s.y - y) ** 2;
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  return best;
}
