import { GraphQLError } from "graphql";
import { verifyAuditChain } from "../../audit/verify-chain.js";
import { badUserInput } from "../../schema/errors.js";
import { decodeCursor, encodeCursor, pageSize } from "../_kit/pagination.js";
import { Arg, Ctx, Directive, Int, Query, Resolver } from "../_kit/type-graphql.js";
import { AccessLogFilter } from "./access-log-filter.js";
import { AccessRecordConnection } from "./access-record-connection.js";
import { AccessStatsDimension, AccessStatsRow, TimeBucket } from "./access-stats.js";
import { AUDIT_SHARE } from "./audit-share.js";
import { AuditIntegrity } from "./audit-integrity.js";
import type { AuditContext } from "./context.js";

@Resolver()
export class AuditResolver {
  @Directive(AUDIT_SHARE)
  @Query(() => AccessRecordConnection, { description: "Per-field access records, newest first; rows are those the requester may see." })
  accessLog(
    @Arg("filter", () => AccessLogFilter, { nullable: true }) filter: AccessLogFilter | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AuditContext,
  ) {
    const limit = pageSize(first);
    const afterKey = decodeCursor(after, (key) => /^\d{1,15}$/.test(key));
    checkRange(filter);
    // Anyone else gets an empty connection, not an error (CONTRACT §6).
    if (ctx.visibility.kind === "none") return { totalCount: 0, nodes: [], pageInfo: { endCursor: null, hasNextPage: false } };
    const page = ctx.repository.page(ctx.visibility, filter, afterKey === null ? null : Number(afterKey), limit);
    const last = page.records[page.records.length - 1];
    return {
      totalCount: ctx.repository.count(ctx.visibility, filter),
      nodes: page.records.map((r) => ({ ...r, id: String(r.id) })),
      pageInfo: { endCursor: last ? encodeCursor(String(last.id)) : null, hasNextPage: page.hasNextPage },
    };
  }

  @Directive(AUDIT_SHARE)
  @Query(() => [AccessStatsRow], { description: "Counts of the records the requester may see, grouped for dashboards." })
  accessStats(
    @Arg("groupBy", () => [AccessStatsDimension]) groupBy: AccessStatsDimension[],
    @Arg("bucket", () => TimeBucket, { nullable: true }) bucket: TimeBucket | null,
    @Arg("filter", () => AccessLogFilter, { nullable: true }) filter: AccessLogFilter | null,
    @Ctx() ctx: AuditContext,
  ) {
    checkRange(filter);
    if (ctx.visibility.kind === "none") return [];
    return ctx.repository.stats(ctx.visibility, filter, groupBy, bucket);
  }

  @Directive(AUDIT_SHARE)
  @Query(() => AuditIntegrity, { description: "Re-verifies the whole hash chain, every archive seal and signed checkpoint, and the latest checkpoint held outside the log (security team)." })
  async auditIntegrity(@Ctx() ctx: AuditContext): Promise<AuditIntegrity> {
    if (!ctx.isSecurity) throw new GraphQLError("Only the security team verifies the audit log.", { extensions: { code: "FORBIDDEN" } });
    const keys = ctx.platformKeys;
    if (!keys) throw new Error("the audit subgraph has no platform key to verify checkpoints with");
    // Without its witness a truncated log looks whole: unreadable, nothing is claimed (fail closed).
    const witness = await ctx.witnessEntries().catch((error: unknown) => {
      throw new GraphQLError(`The audit log's witness cannot be read, so its integrity is not claimed: ${(error as Error).message}`, {
        extensions: { code: "AUDIT_UNAVAILABLE", http: { status: 503 } },
      });
    });
    return verifyAuditChain(ctx.db, (kid) => keys.historyKey(kid), witness);
  }
}

function checkRange(filter: AccessLogFilter | null | undefined): void {
  if (filter?.from && filter.to && Date.parse(filter.from) > Date.parse(filter.to)) throw badUserInput("filter", "has from after to");
}
