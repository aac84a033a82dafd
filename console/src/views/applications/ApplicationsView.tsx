import { hasRole } from "../../api/session.js";
import { useSession } from "../../api/session-context.js";
import { useT } from "../../i18n/i18n.js";
import { ApproverQueue, ProvidedGrants } from "./ApproverSection.js";
import { CoordinationQueue, OverdueList } from "./CacOfficeSection.js";
import { CatalogVersions, EndorsementQueue } from "./LeadingGroupSection.js";
import { APPLICATIONS_MESSAGES, type ApplicationsMessageKey } from "./messages.js";
import { MineSection } from "./MineSection.js";
import { NotificationsSection } from "./NotificationsSection.js";
import { RefreshProvider } from "./refresh.js";
import { SuspensionsSection } from "./SuspensionsSection.js";

/**
 * Issue 16 §4: applications as governance lets the signed-in requester act on them. The
 * sections follow its roles as governance checks them (governance/*-workflow.ts): by role,
 * and for an approver, of its own unit.
 */
export default function ApplicationsView() {
  const t = useT(APPLICATIONS_MESSAGES);
  const session = useSession();
  const approver = hasRole(session, "approver");
  const cacOffice = hasRole(session, "cac-office");
  const leadingGroup = hasRole(session, "leading-group");
  const toc: (readonly [string, ApplicationsMessageKey])[] = [
    ["mine", "mine.title"],
    ["notifications", "notifications.title"],
    ...(approver ? ([["approver", "approver.title"], ["grants", "grants.title"]] as const) : []),
    ...(cacOffice ? ([["coordinate", "cac.title"], ["overdue", "overdue.title"], ["suspensions", "suspensions.title"]] as const) : []),
    ...(leadingGroup ? ([["endorse", "leading.title"], ["versions", "versions.title"]] as const) : []),
  ];
  return (
    <RefreshProvider>
      <div className="applications-view">
        <h1>{t("title")}</h1>
        <nav aria-label={t("sections")} className="applications-toc">
          <ul>{toc.map(([anchor, key]) => <li key={anchor}><a href={`#${anchor}`}>{t(key)}</a></li>)}</ul>
        </nav>
        <MineSection />
        <NotificationsSection />
        {approver && (
          <>
            <ApproverQueue />
            <ProvidedGrants />
          </>
        )}
        {cacOffice && (
          <>
            <CoordinationQueue />
            <OverdueList />
            <SuspensionsSection />
          </>
        )}
        {leadingGroup && (
          <>
            <EndorsementQueue />
            <CatalogVersions />
          </>
        )}
      </div>
    </RefreshProvider>
  );
}
