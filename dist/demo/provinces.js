import { PROVINCE_DIVISIONS } from "../domain/divisions.js";
// Province abbreviations (as used in document numbers, e.g. 苏环罚) and a rough weight
// for how much industry each has, so the demo's distribution looks like the real one.
const META = {
    "110000": ["京", 3], "120000": ["津", 3], "130000": ["冀", 6], "140000": ["晋", 4], "150000": ["蒙", 3],
    "210000": ["辽", 4], "220000": ["吉", 2], "230000": ["黑", 2], "310000": ["沪", 4], "320000": ["苏", 9],
    "330000": ["浙", 8], "340000": ["皖", 4], "350000": ["闽", 4], "360000": ["赣", 3], "370000": ["鲁", 9],
    "410000": ["豫", 6], "420000": ["鄂", 4], "430000": ["湘", 4], "440000": ["粤", 9], "450000": ["桂", 3],
    "460000": ["琼", 1], "500000": ["渝", 3], "510000": ["川", 5], "520000": ["黔", 2], "530000": ["滇", 2],
    "540000": ["藏", 1], "610000": ["陕", 3], "620000": ["甘", 2], "630000": ["青", 1], "640000": ["宁", 1],
    "650000": ["新", 2],
};
export const DEMO_PROVINCES = PROVINCE_DIVISIONS.map((d) => {
    const [short, weight] = META[d.code];
    return { ...d, short, weight };
});
/** Picks a province with probability proportional to its weight, from u in [0, 1). */
export function weightedProvince(u) {
    const total = DEMO_PROVINCES.reduce((s, p) => s + p.weight, 0);
    let x = u * total;
    for (const p of DEMO_PROVINCES) {
        x -= p.weight;
        if (x < 0)
            return p;
    }
    return DEMO_PROVINCES[DEMO_PROVINCES.length - 1];
}
//# sourceMappingURL=provinces.js.map