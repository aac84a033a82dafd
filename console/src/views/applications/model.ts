/** The governance API the applications view calls: the public schema's queries and mutations only. */

const EVENT = "id action subject subjectId from to unit principal requestId at reason";
const APPLICATION = `id applicant submittedBy provider coordinates purpose status justification validDays notShared escalated
  submittedAt dueBy reason updatedAt overdue history { ${EVENT} }`;

export const APPLICATIONS_QUERY = `query Applications($filter: ApplicationFilter) {
  applications(filter: $filter) { ${APPLICATION} }
}`;

export const OVERDUE_QUERY = `query OverdueApplications {
  overdueApplications { ${APPLICATION} }
}`;

export const NOTIFICATIONS_QUERY = `query Notifications {
  notifications(first: 50) { id unit read event { ${EVENT} } }
}`;

export const GRANTS_QUERY = `query Grants($filter: GrantFilter) {
  grants(filter: $filter) { id unit provider coordinates purpose validUntil coordinated applicationId grantedAt revokedAt revokedReason status }
}`;

export const SUSPENSIONS_QUERY = `query Suspensions {
  suspensions { id unit reason since until liftedAt liftReason active }
}`;

export const CATALOG_VERSIONS_QUERY = `query CatalogVersions {
  catalogVersions {
    version digest status supergraphVersion recordedAt publishedAt publishedBy
    diff {
      resources { added removed changed { subject } }
      items { added removed changed { subject } }
    }
    changes { unit status }
  }
}`;

const RETURNED = "id status reason dueBy";
export const WITHDRAW = `mutation Withdraw($id: ID!) { withdrawApplication(id: $id) { ${RETURNED} } }`;
export const ESCALATE = `mutation Escalate($id: ID!, $note: String) { escalateApplication(id: $id, note: $note) { ${RETURNED} } }`;
export const DECIDE = `mutation Decide($id: ID!, $approve: Boolean!, $reason: String) { decideApplication(id: $id, approve: $approve, reason: $reason) { ${RETURNED} } }`;
export const COORDINATE = `mutation Coordinate($id: ID!, $approve: Boolean!, $reason: String!) { coordinateApplication(id: $id, approve: $approve, reason: $reason) { ${RETURNED} } }`;
export const ENDORSE = `mutation Endorse($id: ID!, $approve: Boolean!, $reason: String) { endorseApplication(id: $id, approve: $approve, reason: $reason) { ${RETURNED} } }`;
export const REVOKE = `mutation Revoke($id: ID!, $reason: String!) { revokeGrant(id: $id, reason: $reason) { id status revokedReason } }`;
export const MARK_READ = `mutation MarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
export const SUSPEND = `mutation Suspend($unit: String!, $reason: String!) { suspendUnit(unit: $unit, reason: $reason) { id unit active until } }`;
export const LIFT = `mutation Lift($unit: String!, $reason: String!) { liftSuspension(unit: $unit, reason: $reason) { id unit active liftedAt } }`;
export const PUBLISH = `mutation Publish($version: Int!) { publishCatalog(version: $version) { version status publishedAt } }`;

export const APPLICATION_STATUSES = ["AWAITING_ENDORSEMENT", "PENDING", "APPROVED", "REJECTED", "ESCALATED", "WITHDRAWN"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface GovernanceEvent {
  readonly id: string;
  readonly action: string;
  readonly subject: string;
  readonly subjectId: string;
  readonly from: string | null;
  readonly to: string;
  readonly unit: string;
  readonly principal: string;
  readonly requestId: string;
  readonly at: string;
  readonly reason: string | null;
}

export interface Application {
  readonly id: string;
  readonly applicant: string;
  readonly submittedBy: string;
  readonly provider: string;
  readonly coordinates: readonly string[];
  readonly purpose: string;
  readonly status: ApplicationStatus;
  readonly justification: string;
  readonly validDays: number;
  readonly notShared: boolean;
  readonly escalated: boolean;
  readonly submittedAt: string;
  readonly dueBy: string;
  readonly reason: string | null;
  readonly updatedAt: string;
  readonly overdue: boolean;
  readonly history: readonly GovernanceEvent[];
}

export interface Notification {
  readonly id: string;
  readonly unit: string;
  readonly read: boolean;
  readonly event: GovernanceEvent;
}

export interface Grant {
  readonly id: string;
  readonly unit: string;
  readonly provider: string;
  readonly coordinates: readonly string[];
  readonly purpose: string;
  readonly validUntil: string;
  readonly coordinated: boolean;
  readonly applicationId: string;
  readonly grantedAt: string;
  readonly revokedAt: string | null;
  readonly revokedReason: string | null;
  readonly status: "ACTIVE" | "REVOKED" | "EXPIRED";
}

export interface Suspension {
  readonly id: string;
  readonly unit: string;
  readonly reason: string;
  readonly since: string;
  readonly until: string;
  readonly liftedAt: string | null;
  readonly liftReason: string | null;
  readonly active: boolean;
}

interface EntryChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly { readonly subject: string }[];
}

export interface CatalogVersion {
  readonly version: number;
  readonly digest: string;
  readonly status: "DRAFT" | "PUBLISHED";
  readonly supergraphVersion: number;
  readonly recordedAt: string;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  readonly diff: { readonly resources: EntryChanges; readonly items: EntryChanges } | null;
  readonly changes: readonly { readonly unit: string; readonly status: string }[];
}

/** Still awaiting an answer: the applicant may withdraw it (governance's OPEN statuses). */
export const isOpen = (a: Application): boolean => a.status === "AWAITING_ENDORSEMENT" || a.status === "PENDING" || a.status === "ESCALATED";

export const isExternal = (unit: string): boolean => unit.startsWith("ext:");

/** Art. 21: an internal application its provider rejected may go to the cac-office, once. */
export const canEscalate = (a: Application): boolean => a.status === "REJECTED" && !a.escalated && !isExternal(a.applicant);

/** What the cac-office answers: escalations (Art. 21, 22) and external applications the leading group endorsed (Art. 23(4)). */
export const awaitsCacOffice = (a: Application): boolean => a.status === "ESCALATED" || (a.status === "PENDING" && isExternal(a.applicant));
