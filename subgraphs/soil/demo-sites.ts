import { DAY_MS, DEMO_END, shanghaiDate } from "../../demo/calendar.js";
import { DEMO_SEED, demoEnterprises, type DemoEnterprise } from "../../demo/enterprises.js";
import { DEMO_PROVINCES, weightedProvince } from "../../demo/provinces.js";
import { seededRandom, type Random } from "../../demo/random.js";
import { SITE_CITIES } from "./site-cities.js";
import { HIGH_TOXICITY, INDUSTRY_POLLUTANTS, ORPHAN_KINDS } from "./site-pollutants.js";

/** One site of the 建设用地土壤污染风险管控和修复名录 as the demo seeds it. */
export interface DemoSite {
  readonly id: string;
  readonly name: string;
  readonly divisionCode: string;
  /** The responsible enterprise (土壤污染责任人), or null when none can be found. */
  readonly creditCode: string | null;
  readonly landUse: string;
  readonly riskLevel: RiskLevel;
  readonly pollutants: readonly string[];
  readonly areaSquareMetres: number;
  readonly status: SiteStatus;
  readonly listedOn: string;
}

export type RiskLevel = "高" | "中" | "低";

/** The stages of the Soil Pollution Prevention and Control Law (Arts. 59–66), in order. */
export const SITE_STATUSES = ["初步调查", "详细调查", "风险评估", "风险管控", "治理修复", "修复完成"] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** Sites whose polluter closed or vanished; the local government answers for them (Art. 47). */
export const ORPHAN_SITE_COUNT = 130;
/** Share of responsible enterprises with a second site (another plant or a storage yard). */
const SECOND_SITE_SHARE = 0.04;

// Planned uses (GB 50137-2011 categories). Relocated plants are mostly redeveloped for
// housing and commerce, which is why they are investigated at all.
const ENTERPRISE_LAND_USES: readonly [string, number][] = [
  ["居住用地", 0.32], ["商业服务业设施用地", 0.15], ["公共管理与公共服务用地", 0.08],
  ["绿地与广场用地", 0.07], ["工业用地", 0.28], ["物流仓储用地", 0.1],
];
const ORPHAN_LAND_USES: readonly [string, number][] = [
  ["居住用地", 0.4], ["商业服务业设施用地", 0.15], ["公共管理与公共服务用地", 0.12],
  ["绿地与广场用地", 0.13], ["工业用地", 0.12], ["物流仓储用地", 0.08],
];
/** GB 36600's 第一类用地: people, children above all, live or stay there; stricter screening values. */
const SENSITIVE_LAND_USES = new Set(["居住用地", "公共管理与公共服务用地"]);

const FACTORY_NAMES = "红星 东风 前进 胜利 向阳 红旗 新华 光明 建设 跃进 东方 长征 卫东 红光 立新 新生".split(" ");

/** The law took effect on 2019-01-01; listings start then. */
const FIRST_LISTING = Date.UTC(2019, 0, 1) - 8 * 3600_000;

interface SiteDraft {
  readonly name: string;
  readonly divisionCode: string;
  readonly creditCode: string | null;
  readonly pollutantPool: readonly string[];
  readonly landUses: readonly [string, number][];
}

/** Every demo site: 1–2 per enterprise flagged soilSite, then the orphan sites; the same on every call. */
export function demoSites(): DemoSite[] {
  const drafts = [...demoEnterprises().filter((e) => e.soilSite).flatMap(enterpriseDrafts), ...orphanDrafts()];
  const serials = new Map<string, number>();
  return drafts.map((draft) => {
    const serial = (serials.get(draft.divisionCode) ?? 0) + 1;
    serials.set(draft.divisionCode, serial);
    const id = `CS${draft.divisionCode.slice(0, 2)}${String(serial).padStart(4, "0")}`;
    return site(id, draft, seededRandom(`${DEMO_SEED}/soil/sites/${id}`));
  });
}

function enterpriseDrafts(e: DemoEnterprise): SiteDraft[] {
  const rng = seededRandom(`${DEMO_SEED}/soil/enterprises/${e.creditCode}`);
  const names = rng.chance(SECOND_SITE_SHARE)
    ? [`${e.name}原厂区地块`, `${e.name}原仓储区地块`]
    : [`${e.name}${rng.pick(["原厂区", "搬迁遗留", "老厂区"])}地块`];
  return names.map((name) => ({
    name,
    divisionCode: e.province.code,
    creditCode: e.creditCode,
    pollutantPool: INDUSTRY_POLLUTANTS[e.industry] ?? ["石油烃"],
    landUses: ENTERPRISE_LAND_USES,
  }));
}

function orphanDrafts(): SiteDraft[] {
  const rng = seededRandom(`${DEMO_SEED}/soil/orphans`);
  const taken = new Set<string>();
  const out: SiteDraft[] = [];
  for (let i = 0; i < ORPHAN_SITE_COUNT; i++) {
    // One in every province first, so every province has a listed site.
    const province = i < DEMO_PROVINCES.length ? DEMO_PROVINCES[i]! : weightedProvince(rng.next());
    const kind = rng.pick(ORPHAN_KINDS);
    let name = "";
    for (let attempt = 0; attempt < 20 && (name === "" || taken.has(name)); attempt++) {
      name = `${rng.pick(SITE_CITIES[province.code]!)}原${rng.pick(FACTORY_NAMES)}${kind.name}地块`;
    }
    if (taken.has(name)) name = name.replace(/地块$/, `${i}号地块`);
    taken.add(name);
    out.push({ name, divisionCode: province.code, creditCode: null, pollutantPool: kind.pollutants, landUses: ORPHAN_LAND_USES });
  }
  return out;
}

function site(id: string, draft: SiteDraft, rng: Random): DemoSite {
  const pollutants = pickSome(rng, draft.pollutantPool, rng.int(1, Math.min(4, draft.pollutantPool.length)));
  const landUse = weightedPick(rng, draft.landUses);
  // Log-normal around 2.5 ha: most sites are a few hectares, a few old works are tens.
  const area = Math.min(600_000, Math.max(1_500, 25_000 * Math.exp(0.9 * rng.normal())));
  const listedMs = FIRST_LISTING + rng.next() * (DEMO_END - DAY_MS - FIRST_LISTING);
  return {
    id,
    name: draft.name,
    divisionCode: draft.divisionCode,
    creditCode: draft.creditCode,
    landUse,
    riskLevel: riskLevel(rng, pollutants, landUse, area),
    pollutants,
    areaSquareMetres: Math.round(area * 10) / 10,
    status: status(rng, (DEMO_END - listedMs) / (DEMO_END - FIRST_LISTING)),
    listedOn: shanghaiDate(listedMs),
  };
}

// Toxic pollutants, land where people live and a large footprint each raise the risk.
function riskLevel(rng: Random, pollutants: readonly string[], landUse: string, area: number): RiskLevel {
  const toxic = pollutants.filter((p) => HIGH_TOXICITY.has(p)).length;
  const score = 0.6 * toxic + (SENSITIVE_LAND_USES.has(landUse) ? 1 : 0) + 0.3 * Math.log10(area / 10_000) + 0.5 * rng.normal();
  return score >= 1.6 ? "高" : score >= 0.7 ? "中" : "低";
}

// Sites move through the stages over the years: the longer listed, the further along.
// `age` is the share of the listing period (2019 to DEMO_END) the site has been listed.
function status(rng: Random, age: number): SiteStatus {
  const stage = Math.round(age * 5 + rng.normal() - 0.3);
  return SITE_STATUSES[Math.min(Math.max(stage, 0), SITE_STATUSES.length - 1)]!;
}

function pickSome(rng: Random, items: readonly string[], count: number): string[] {
  const pool = [...items];
  const out: string[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

function weightedPick(rng: Random, options: readonly [string, number][]): string {
  let x = rng.next() * options.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [option, weight] of options) {
    x -= weight;
    if (x < 0) return option;
  }
  return options[0]![0];
}
