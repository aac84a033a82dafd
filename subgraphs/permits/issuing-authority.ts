import type { DemoEnterprise } from "../../demo/enterprises.js";

// Permits are issued by ecology-environment authorities at prefecture level or above
// (排污许可管理条例 第五条). The municipalities' bureaus issue their own.
const MUNICIPALITIES = new Set(["110000", "120000", "310000", "500000"]);

// Provincial capitals, whose GB/T 2260 prefecture code is xx01 in every province.
const CAPITALS: Readonly<Record<string, string>> = {
  "130000": "石家庄市", "140000": "太原市", "150000": "呼和浩特市", "210000": "沈阳市",
  "220000": "长春市", "230000": "哈尔滨市", "320000": "南京市", "330000": "杭州市",
  "340000": "合肥市", "350000": "福州市", "360000": "南昌市", "370000": "济南市",
  "410000": "郑州市", "420000": "武汉市", "430000": "长沙市", "440000": "广州市",
  "450000": "南宁市", "460000": "海口市", "510000": "成都市", "520000": "贵阳市",
  "530000": "昆明市", "540000": "拉萨市", "610000": "西安市", "620000": "兰州市",
  "630000": "西宁市", "640000": "银川市", "650000": "乌鲁木齐市",
};

/**
 * Who issued `enterprise`'s permit: the capital's bureau for enterprises registered in the
 * capital (credit-code positions 5–6 = "01"), the provincial department for the rest.
 */
export function issuingAuthority(enterprise: DemoEnterprise): string {
  const { code, name } = enterprise.province;
  if (MUNICIPALITIES.has(code)) return `${name}生态环境局`;
  const capital = CAPITALS[code];
  if (capital && enterprise.creditCode.slice(4, 6) === "01") return `${capital}生态环境局`;
  return `${name}生态环境厅`;
}
