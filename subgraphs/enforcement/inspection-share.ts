/**
 * Inspection records go to the units that act on the same media (atmosphere, water, soil),
 * and only to collaborate or verify data: one text, so the type, the enterprise's list and
 * the root field cannot drift apart.
 */
export const INSPECTION_SHARE =
  '@share(class: CONDITIONAL, conditions: { scope: ["atmosphere", "water", "soil"], purposes: [BUSINESS_COLLABORATION, DATA_VERIFICATION] }, basis: "《中华人民共和国政府信息公开条例》第十六条：行政机关在履行行政管理职能过程中形成的过程性信息以及行政执法案卷信息，可以不予公开。")';

/** Whistle-blowers' identities are never shared (环境保护法 第五十七条). */
export const INFORMANT_SHARE =
  '@share(class: NOT_SHARED, basis: "《中华人民共和国环境保护法》第五十七条：接受举报的机关应当对举报人的相关信息予以保密，保护举报人的合法权益。")';
