import { useMutation } from "../../api/use-query.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { ActionForm } from "./ActionForm.js";
import { ApplicationTable } from "./ApplicationTable.js";
import { enumLabel } from "./labels.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import { APPLICATIONS_QUERY, CATALOG_VERSIONS_QUERY, ENDORSE, PUBLISH, type Application, type CatalogVersion } from "./model.js";
import { useLiveQuery } from "./refresh.js";
import { Section } from "./Section.js";
import { TableFrame } from "./TableFrame.js";

/** Art. 23(4): external departments' applications wait for the leading group before the cac-office answers. */
export function EndorsementQueue() {
  const t = useT(APPLICATIONS_MESSAGES);
  const { loading, answer } = useLiveQuery<{ applications: Application[] }>(APPLICATIONS_QUERY, { filter: { status: ["AWAITING_ENDORSEMENT"] } });
  const endorse = useMutation(ENDORSE);
  const actions = (a: Application) => (
    <ActionForm
      reasonLabel={t("reasonFor", { id: a.id })}
      buttons={[{ label: t("endorse"), value: true }, { label: t("reject"), value: false, className: "danger" }]}
      run={(approve, reason) => endorse.run({ id: a.id, approve, reason: reason || null })}
    />
  );
  return (
    <Section anchor="endorse" title={t("leading.title")} loading={loading} answer={answer}>
      {answer?.data && <ApplicationTable label={t("leading.title")} applications={answer.data.applications} actions={actions} />}
    </Section>
  );
}

const COLUMNS = ["version", "status", "digest", "supergraph", "recordedAt", "publishedAt", "publishedBy", "diff", "changes", "actions"] as const;

/** Art. 11, 12: every catalog version with what it changed; the leading group publishes a draft. */
export function CatalogVersions() {
  const t = useT(APPLICATIONS_MESSAGES);
  const format = useFormat();
  const { loading, answer } = useLiveQuery<{ catalogVersions: CatalogVersion[] }>(CATALOG_VERSIONS_QUERY);
  const publish = useMutation(PUBLISH);
  const versions = answer?.data?.catalogVersions ?? [];
  return (
    <Section anchor="versions" title={t("versions.title")} loading={loading} answer={answer}>
      {answer?.data && versions.length === 0 && <p className="hint">{t("empty")}</p>}
      {versions.length > 0 && (
        <TableFrame label={t("versions.title")} headers={COLUMNS.map((c) => t(`col.${c}`))}>
              {versions.map((v) => (
                <tr key={v.version} data-testid="catalog-version-row" data-version={v.version} data-status={v.status}>
                  <th scope="row">{v.version}</th>
                  <td>{enumLabel(t, "status", v.status)}</td>
                  <td><code title={v.digest}>{v.digest.slice(0, 12)}…</code></td>
                  <td>{v.supergraphVersion}</td>
                  <td>{format.dateTime(v.recordedAt)}</td>
                  <td>{v.publishedAt ? format.dateTime(v.publishedAt) : ""}</td>
                  <td>{v.publishedBy ?? ""}</td>
                  <td>
                    {v.diff
                      ? t("diffSummary", {
                          ra: v.diff.resources.added.length, rr: v.diff.resources.removed.length, rc: v.diff.resources.changed.length,
                          ia: v.diff.items.added.length, ir: v.diff.items.removed.length, ic: v.diff.items.changed.length,
                        })
                      : t("firstVersion")}
                  </td>
                  <td>{v.changes.filter((c) => c.status === "AWAITING_CONFIRMATION").map((c) => c.unit).join(", ")}</td>
                  <td>
                    {v.status === "DRAFT" && <ActionForm buttons={[{ label: t("publish", { version: v.version }), value: null }]} run={() => publish.run({ version: v.version })} />}
                  </td>
                </tr>
              ))}
        </TableFrame>
      )}
    </Section>
  );
}
