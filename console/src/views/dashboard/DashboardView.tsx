import { useT } from "../../i18n/i18n.js";
import { AirQualityPanel } from "./AirQualityPanel.js";
import { InspectionsPanel } from "./InspectionsPanel.js";
import { DASHBOARD_MESSAGES } from "./messages.js";
import { PenaltiesPanel } from "./PenaltiesPanel.js";
import { WaterClassPanel } from "./WaterClassPanel.js";

/**
 * The environment dashboard (issue 16 item 7): the example of a dashboard on the federated
 * schema. Each panel runs its own query through the public API, as any user's would.
 */
export default function DashboardView() {
  const t = useT(DASHBOARD_MESSAGES);
  return (
    <div className="dashboard">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <div className="panels">
        <AirQualityPanel />
        <WaterClassPanel />
        <PenaltiesPanel />
        <InspectionsPanel />
      </div>
    </div>
  );
}
