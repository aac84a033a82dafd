// Pollutants named as in GB 36600-2018 (土壤环境质量 建设用地土壤污染风险管控标准), grouped the
// way site reports list them (苯系物, 氯代烃, 多环芳烃). Each industry's list follows what its
// sites typically show in China's investigations (HJ 25.1-2019 site surveys).
export const INDUSTRY_POLLUTANTS: Readonly<Record<string, readonly string[]>> = {
  火力发电: ["砷", "汞", "多环芳烃", "石油烃"],
  钢铁冶炼: ["多环芳烃", "苯并[a]芘", "石油烃", "铅", "镉", "砷"],
  水泥制造: ["铅", "汞", "六价铬"],
  石油化工: ["石油烃", "苯系物", "多环芳烃", "氯代烃"],
  化学原料制造: ["苯系物", "氯代烃", "多环芳烃", "汞", "砷", "石油烃"],
  造纸: ["石油烃", "铅", "二噁英类"],
  纺织印染: ["苯胺", "六价铬", "锑", "苯系物"],
  化学药品制造: ["苯系物", "氯代烃", "苯胺", "石油烃"],
  电镀: ["六价铬", "镍", "铜", "镉", "氰化物"],
  农副食品加工: ["石油烃", "铜"],
  污水处理: ["镉", "铅", "汞", "石油烃"],
  生活垃圾焚烧: ["二噁英类", "铅", "镉", "汞"],
  有色金属冶炼: ["镉", "铅", "砷", "汞", "铜", "锑"],
  汽车制造: ["石油烃", "苯系物", "六价铬", "镍"],
};

/** What a closed plant without a successor was, and what it left in the ground. */
export interface OrphanKind {
  readonly name: string;
  readonly pollutants: readonly string[];
}

export const ORPHAN_KINDS: readonly OrphanKind[] = [
  { name: "农药厂", pollutants: ["滴滴涕", "六六六", "苯系物", "砷"] },
  { name: "化工厂", pollutants: ["苯系物", "氯代烃", "多环芳烃", "汞"] },
  { name: "焦化厂", pollutants: ["多环芳烃", "苯并[a]芘", "苯系物", "氰化物", "石油烃"] },
  { name: "铬盐厂", pollutants: ["六价铬"] },
  { name: "冶炼厂", pollutants: ["镉", "铅", "砷", "铜"] },
  { name: "电镀厂", pollutants: ["六价铬", "镍", "铜", "镉"] },
  { name: "油库", pollutants: ["石油烃", "苯系物"] },
  { name: "制革厂", pollutants: ["六价铬", "氯代烃"] },
  { name: "染料厂", pollutants: ["苯胺", "多环芳烃", "苯系物"] },
  { name: "蓄电池厂", pollutants: ["铅", "镉"] },
  { name: "钢铁厂", pollutants: ["多环芳烃", "石油烃", "铅"] },
];

/** The pollutants GB 36600 treats as the most toxic: they push a site's risk level up. */
export const HIGH_TOXICITY = new Set(["六价铬", "砷", "汞", "镉", "苯并[a]芘", "二噁英类", "氯代烃", "滴滴涕", "六六六"]);
