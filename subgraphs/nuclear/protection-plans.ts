import { DEMO_SEED } from "../../demo/enterprises.js";
import { seededRandom } from "../../demo/random.js";
import type { DemoNuclearFacility } from "./facilities.js";

// Outlines in the vocabulary of HAD 501/02《核设施实物保护》: graded zones (控制区、保护区、
// 要害区), barriers, intrusion detection with video assessment, an alarm station, response.
const LAYOUT: Readonly<Record<DemoNuclearFacility["kind"], string>> = {
  核电厂: "三区两道屏障：控制区、保护区、要害区逐级设防，保护区周界设双层实体屏障",
  研究堆: "要害区与保护区两级设防，堆厅及新燃料库设独立实体屏障",
  核燃料循环设施: "三区设防，核材料库房与工艺厂房为要害区，核材料衡算与实物保护联动",
  放射性废物处置场: "控制区与保护区两级设防，处置单元及废物暂存库设实体屏障",
};

const DETECTION = ["振动光纤", "微波对射", "主动红外对射", "张力围栏", "泄漏电缆"];

/** A facility's physical protection plan in brief; NOT_SHARED (a state secret). */
export function protectionPlan(facility: DemoNuclearFacility): string {
  const rng = seededRandom(`${DEMO_SEED}/nuclear/protection/${facility.id}`);
  const first = rng.pick(DETECTION);
  const second = rng.pick(DETECTION.filter((d) => d !== first));
  return (
    `${LAYOUT[facility.kind]}；周界入侵探测采用${first}与${second}双技术复合，视频复核全覆盖；` +
    `要害区出入实行双人双锁与生物识别；中央报警站与次级报警站冗余设置；` +
    `武装警卫${rng.int(3, 8)}分钟内到达响应，每年联合演练${rng.int(2, 4)}次。`
  );
}
