import type { DemoEnterprise } from "../../demo/enterprises.js";

// The pollutants every air or water permit licenses: the total-emission-control set
// (SO₂, NOₓ, particulates; COD, NH₃-N) of the national 排污许可 platform.
const AIR_BASE = ["二氧化硫", "氮氧化物", "颗粒物"];
const WATER_BASE = ["化学需氧量", "氨氮"];

// Industry-specific additions, after the HJ 排污许可证申请与核发技术规范 of each industry
// (e.g. HJ 8.1 火电: mercury; HJ 861 纸浆造纸: total N/P; HJ 855 电镀: heavy metals).
const EXTRA: Readonly<Record<string, { readonly air?: readonly string[]; readonly water?: readonly string[] }>> = {
  火力发电: { air: ["汞及其化合物"] },
  钢铁冶炼: { air: ["氟化物", "二噁英类"], water: ["石油类"] },
  水泥制造: { air: ["氟化物", "氨"] },
  石油化工: { air: ["挥发性有机物"], water: ["石油类", "总氮"] },
  化学原料制造: { air: ["挥发性有机物"], water: ["总氮", "总磷"] },
  造纸: { water: ["总氮", "总磷", "五日生化需氧量"] },
  纺织印染: { water: ["总氮", "总磷", "苯胺类"] },
  化学药品制造: { air: ["挥发性有机物"], water: ["总氮", "总磷"] },
  电镀: { water: ["总铬", "六价铬", "总镍", "总铜"] },
  农副食品加工: { water: ["总氮", "总磷"] },
  污水处理: { water: ["总氮", "总磷", "悬浮物"] },
  生活垃圾焚烧: { air: ["氯化氢", "一氧化碳", "汞及其化合物", "二噁英类"] },
  有色金属冶炼: { air: ["铅及其化合物"], water: ["总铅", "总砷", "总镉"] },
  汽车制造: { air: ["挥发性有机物"] },
};

/** The pollutants a permit of `enterprise` licenses, by the media it discharges into. */
export function permittedPollutants(enterprise: DemoEnterprise): string[] {
  const extra = EXTRA[enterprise.industry] ?? {};
  const out: string[] = [];
  if (enterprise.media.includes("air")) out.push(...AIR_BASE, ...(extra.air ?? []));
  if (enterprise.media.includes("water")) out.push(...WATER_BASE, ...(extra.water ?? []));
  return out;
}
