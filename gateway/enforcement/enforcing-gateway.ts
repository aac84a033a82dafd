import type { ApolloGateway } from "@apollo/gateway";
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from "@apollo/server-gateway-interface";
import { buildASTSchema, GraphQLError, parse, printSchema, type GraphQLSchema } from "graphql";
import type { AuditReservation } from "../../audit/audit-writer.js";
import { accessEvents } from "../audit/access-events.js";
import { compileServedPaths, countServedValues, type ServedPaths } from "../audit/count-values.js";
import { evaluateShare, type Requester } from "../../directives/share/evaluate.js";
import { isSharePurpose, type SharePurpose, type ShareClass } from "../../directives/share/rule.js";
import { readSupergraphPolicies, type PolicyIndex } from "../../directives/share/supergraph-policies.js";
import type { GatewayContext } from "../identity/authenticate.js";
import { explainCost, explainOperation, type FieldDecisionView, type OperationCostView } from "../explain/explain-operation.js";
import { withExplain } from "../explain/explain-schema.js";
import { whoami } from "../explain/whoami.js";
import { analyzeOperation, type DecideField, type OperationAnalysis } from "./analyze-operation.js";
import type { GrantSource } from "./grant-source.js";
import { LruCache } from "../../schema/lru-cache.js";
import { reshape } from "./reshape.js";
import { denialPlan, patchDenials, type DenialPlan } from "./patch-denials.js";
import { shareDeniedError } from "./share-error.js";
import { operationDocument } from "./operation-document.js";
import { guardConditionalSelections, withoutGuards } from "./planner-guards.js";
import type { PlanningFailures } from "./planning-failures.js";
import { introspectionRefusal, type IntrospectionPolicy } from "./introspection-policy.js";
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from "../limits/operation-limits.js";
import { refusalEvent, refusalOf, type Refusal } from "../limits/refuse-operation.js";
import { declaredListSizes, type DeclaredListSize } from "../limits/list-sizes.js";

export interface EnforcementOptions {
  readonly defaultClass: ShareClass | null;
  readonly grants: GrantSource;
  /** Decisions kept per (operation, requester, purpose, policy version, grant version). */
  readonly cacheSize?: number;
  /** What the kept decisions may weigh together (default DECISION_CACHE_BYTES). */
  readonly cacheBytes?: number;
  /** Test and diagnosis only: take the rewrite-and-reshape path for every operation. */
  readonly forceRewrite?: boolean;
  /** Where every decision is recorded; a response is sent only once its records are durable. */
  readonly audit?: AuditSink;
  /** Who may introspect (`__schema`, `__type`); default `internal`: the ministry's own units. */
  readonly introspection?: IntrospectionPolicy;
  /** What one operation may ask for (DEFAULT_OPERATION_LIMITS when unset). */
  readonly limits?: OperationLimits;
  /** Tells the planner's failures apart; the inner gateway must report its plans to it (`didResolveQueryPlan`). */
  readonly planning?: PlanningFailures;
}

/** The audit log as the gateway sees it. */
export interface AuditSink {
  /** Announced when a request starts, so that commits can wait for its records (AuditWriter.reserve). */
  reserve(): AuditReservation;
  /** Serve even when the log cannot be written (logged loudly); default: fail closed. */
  readonly failOpen: boolean;
}

/** One cached decision: the analysis and what is derived from it once, not per request. */
interface Decided {
  readonly analysis: OperationAnalysis;
  /** How denials alone are patched into the answer; null: reshape (or nothing to do). */
  readonly denialPlan: DenialPlan | null;
  /** The audit's value-count guide. */
  readonly servedPaths: ServedPaths;
  /** Coordinates served masked: each fetch's assertion has the unit mask them at the source. */
  readonly maskedCoordinates: ReadonlySet<string>;
  /** Its estimated weight in the decision cache. */
  readonly bytes: number;
}

/**
 * The decision cache's default budget. A decision within the default operation limits weighs
 * at most ~1 MB (2,000 fields), usually a few KB; 64 MiB keeps thousands of dashboards' queries.
 */
export const DECISION_CACHE_BYTES = 64 * 1024 * 1024;

interface SchemaState {
  readonly supergraphSdl: string;
  /** The API schema with the gateway's own fields (`explain`): what clients validate against. */
  readonly apiSchema: GraphQLSchema;
  readonly policies: PolicyIndex;
  /** A copy of the API schema (with the gateway's own fields) no plugin has wrapped, for the reshape. */
  readonly cleanSchema: GraphQLSchema;
  /** What the units declared of their lists' sizes (`@listSize`), for the cost limit. */
  readonly listSizes: ReadonlyMap<string, DeclaredListSize>;
}

/**
 * The one seam around the Apollo gateway (FEDERATION-NOTES): before the query is planned,
 * each field is decided for the requester; denied fields are removed from what the
 * subgraphs are asked, and put back as null with a SHARE_DENIED error at each path.
 */
export class EnforcingGateway implements GatewayInterface {
  private state: SchemaState | null = null;
  private readonly decisions: LruCache<string, Decided>;

  constructor(
    private readonly inner: ApolloGateway,
    private readonly options: EnforcementOptions,
  ) {
    this.decisions = new LruCache(options.cacheSize ?? 5_000, { maxBytes: options.cacheBytes ?? DECISION_CACHE_BYTES, sizeOf: (d) => d.bytes });
    inner.onSchemaLoadOrUpdate((update) => void this.stateFor(update));
  }

  /** Policies and schemas are derived once per supergraph, and again whenever it changes (STYLE 2). */
  private stateFor(update: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }): SchemaState {
    if (this.state?.supergraphSdl === update.coreSupergraphSdl) return this.state;
    const apiSchema = withExplain(update.apiSchema);
    this.state = {
      supergraphSdl: update.coreSupergraphSdl,
      apiSchema,
      policies: readSupergraphPolicies(update.coreSupergraphSdl, this.options.defaultClass),
      cleanSchema: buildASTSchema(parse(printSchema(apiSchema))),
      listSizes: declaredListSizes(update.coreSupergraphSdl),
    };
    this.decisions.clear();
    return this.state;
  }

  get decisionCache(): DecisionCacheStats {
    return { entries: this.decisions.size, bytes: this.decisions.bytes };
  }

  /** The policy index of the current supergraph (for `ecofed lint` and `explain`). */
  get policies(): PolicyIndex | null {
    return this.state?.policies ?? null;
  }

  /** The schema clients validate against (the API schema with `explain`). */
  get apiSchema(): GraphQLSchema | null {
    return this.state?.apiSchema ?? null;
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    // Apollo Server validates operations against this schema: it must know `explain`.
    return this.inner.onSchemaLoadOrUpdate((update) => callback({ ...update, apiSchema: this.stateFor(update).apiSchema }));
  }

  async load(options: Parameters<GatewayInterface["load"]>[0]): Promise<{ executor: GatewayExecutor }> {
    const loaded = await this.inner.load(options);
    const executor = this.options.planning ? this.options.planning.wrap(loaded.executor) : loaded.executor;
    return { executor: (requestContext) => this.execute(requestContext, executor) };
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  /** Decides an operation for the request's requester and purpose, from cache when it can. */
  private decide(requestContext: GatewayGraphQLRequestContext, context: GatewayContext): Decided {
    const state = this.state;
    if (!state) throw new Error("enforcement has no supergraph yet");
    const { requester, purpose } = context;
    const grantsVersion = this.options.grants.version();
    const cacheKey = [
      requestContext.queryHash,
      requestContext.operationName ?? "",
      requester.unit,
      [...requester.roles].sort().join(","),
      purpose ?? "",
      state.policies.version,
      grantsVersion,
    ].join("\0");
    const cached = this.decisions.get(cacheKey);
    if (cached) return cached;
    const forceRewrite = this.options.forceRewrite ?? false;
    const analysis = analyzeOperation(
      requestContext.schema,
      requestContext.document,
      requestContext.operation,
      state.policies,
      this.decider(requester, purpose),
      forceRewrite,
    );
    const decided: Decided = {
      analysis,
      denialPlan: forceRewrite || !analysis.rewrite ? null : denialPlan(requestContext.schema, requestContext.operation, analysis),
      servedPaths: compileServedPaths(analysis.pathCoordinates),
      maskedCoordinates: new Set(analysis.coordinates.filter((c) => c.decision.decision === "MASKED").map((c) => c.coordinate)),
      bytes: decisionBytes(analysis, requestContext.source?.length ?? 0),
    };
    this.decisions.set(cacheKey, decided);
    return decided;
  }

  /** `explain(query, purpose)`: the operation decided for the requester, not run. */
  explain(args: Record<string, unknown>, context: GatewayContext): FieldDecisionView[] {
    const state = this.state;
    if (!state) throw new Error("enforcement has no supergraph yet");
    const asked = typeof args["purpose"] === "string" && isSharePurpose(args["purpose"]) ? args["purpose"] : context.purpose;
    return explainOperation(state.cleanSchema, state.policies, String(args["query"]), this.decider(context.requester, asked), this.limits, state.listSizes);
  }

  /** `explainCost(query)`: the operation against every limit, not run. */
  explainCost(args: Record<string, unknown>): OperationCostView {
    const state = this.state;
    if (!state) throw new Error("enforcement has no supergraph yet");
    return explainCost(state.cleanSchema, String(args["query"]), this.limits, state.listSizes);
  }

  /** The gateway's own root fields (LOCAL_ROOT_FIELDS), answered from the request itself. */
  private answerLocal(coordinate: string, args: Record<string, unknown>, context: GatewayContext): unknown {
    switch (coordinate) {
      case "Query.explainCost":
        return this.explainCost(args);
      case "Query.whoami":
        return whoami(context);
      default:
        return this.explain(args, context);
    }
  }

  private decider(requester: Requester, purpose: SharePurpose | null): DecideField {
    const grants = this.options.grants.grantsOf(requester.unit);
    const suspended = this.options.grants.isSuspended(requester.unit);
    return (coordinate, owner, rule) => evaluateShare({ policy: { coordinate, owner, rule }, requester, purpose, grants, suspended });
  }

  private async execute(requestContext: GatewayGraphQLRequestContext, executor: GatewayExecutor): Promise<GatewayExecutionResult> {
    const reservation = this.options.audit?.reserve();
    try {
      return await this.executeAudited(requestContext, executor, reservation);
    } finally {
      reservation?.release();
    }
  }

  private async executeAudited(
    requestContext: GatewayGraphQLRequestContext,
    executor: GatewayExecutor,
    reservation: AuditReservation | undefined,
  ): Promise<GatewayExecutionResult> {
    const context = requestContext.context as GatewayContext;
    const introspection = introspectionRefusal(this.options.introspection ?? "internal", context.requester, requestContext.document, requestContext.operation);
    // Recorded like every refusal: the security team sees who tried to read the schema.
    if (introspection) return this.refuse({ error: introspection, reason: "INTROSPECTION_DISABLED", rootType: "Query" }, requestContext, context, reservation);
    const refused = refusalOf(requestContext, requestContext.schema, this.limits, this.state?.listSizes ?? new Map());
    if (refused) return this.refuse(refused, requestContext, context, reservation);
    try {
      await this.options.grants.refresh();
    } catch (error) {
      return governanceUnavailable(error);
    }
    const decided = this.decide(requestContext, context);
    const { analysis } = decided;
    context.decided.masked = decided.maskedCoordinates;
    const result = await this.run(requestContext, executor, decided, context);
    if (!reservation) return result;
    const events = accessEvents(analysis, countServedValues(result.data, decided.servedPaths), {
      context,
      operationName: requestContext.operationName,
      operationHash: requestContext.queryHash,
      policyVersion: this.state!.policies.version,
      at: new Date().toISOString(),
    });
    try {
      await reservation.append(events);
    } catch (error) {
      if (this.options.audit?.failOpen !== true) return auditUnavailable(error);
      console.error(`ecofed: AUDIT LOG NOT WRITTEN, serving anyway (ECOFED_AUDIT_FAIL_OPEN): ${(error as Error).message}`);
    }
    return result;
  }

  /** A refused request is recorded like any decision, and, like any, not answered until it is. */
  private async refuse(
    refused: Refusal,
    requestContext: GatewayGraphQLRequestContext,
    context: GatewayContext,
    reservation: AuditReservation | undefined,
  ): Promise<GatewayExecutionResult> {
    const result: GatewayExecutionResult = { errors: [refused.error] };
    if (!reservation) return result;
    const event = refusalEvent(refused, context, {
      operationName: requestContext.operationName,
      operationHash: requestContext.queryHash,
      policyVersion: this.state?.policies.version ?? "",
    });
    try {
      await reservation.append([event]);
    } catch (error) {
      if (this.options.audit?.failOpen !== true) return auditUnavailable(error);
    }
    return result;
  }

  private get limits(): OperationLimits {
    return this.options.limits ?? DEFAULT_OPERATION_LIMITS;
  }

  private async run(
    requestContext: GatewayGraphQLRequestContext,
    executor: GatewayExecutor,
    { analysis, denialPlan: plan }: Decided,
    context: GatewayContext,
  ): Promise<GatewayExecutionResult> {
    if (!analysis.rewrite) {
      // Nothing denied or masked: untouched, but for the operations not run (operation-document.ts)
      // and the planner's hoisted conditions (planner-guards.ts).
      const document = operationDocument(requestContext.document, requestContext.operation);
      const guarded = guardConditionalSelections(document);
      if (guarded) return withoutGuards(await executor({ ...requestContext, ...guarded }));
      return executor(document === requestContext.document ? requestContext : { ...requestContext, document });
    }
    const { document, operation, queryHash } = analysis.rewrite;
    const guarded = document ? guardConditionalSelections(document) : null;
    const upstream: GatewayExecutionResult =
      document && operation ? withoutGuards(await executor({ ...requestContext, document, operation, queryHash, ...guarded })) : { data: {} };
    // No data (a request error, or null propagated to the root): nothing to reshape, and the
    // answer must stay the gateway's (its HTTP status included); root denials are added to it.
    if (upstream.data === undefined || upstream.data === null) return withRootDenials(upstream, analysis);
    const reshaped = plan
      ? patchDenials(upstream.data, plan, (upstream.errors ?? []) as readonly GraphQLError[])
      : reshape(
          this.state!.cleanSchema,
          requestContext.document,
          requestContext.operationName,
          requestContext.request.variables,
          upstream.data,
          (upstream.errors ?? []) as readonly GraphQLError[],
          analysis,
          (coordinate, args) => this.answerLocal(coordinate, args, context),
        );
    return upstream.extensions ? { ...reshaped, extensions: upstream.extensions } : reshaped;
  }
}

/**
 * An estimate of what a decision holds, from what it is made of: its maps' entries (keys are
 * response paths, ~200 bytes of Map, string and object overhead each) and, when it rewrites
 * the operation, a document of about the operation's size as an AST (~32 bytes per source
 * character). Deliberately high: issue 14 measured 1.6 MB for a 33 KB, 1,500-alias decision,
 * which this puts at ~1.3 MB.
 */
function decisionBytes(analysis: OperationAnalysis, sourceLength: number): number {
  let bytes = 512 + analysis.coordinates.length * 200;
  for (const map of [analysis.denied, analysis.pathCoordinates, analysis.local]) for (const key of map.keys()) bytes += 2 * key.length + 200;
  for (const key of analysis.masked) bytes += 2 * key.length + 200;
  if (analysis.rewrite) bytes += 32 * sourceLength;
  return bytes;
}

/** The decision cache's occupancy, for tests and (issue 18) metrics. */
export interface DecisionCacheStats {
  readonly entries: number;
  readonly bytes: number;
}

/** Fail closed: when the decisions cannot be recorded, nothing is served (HTTP 503). */
function auditUnavailable(error: unknown): GatewayExecutionResult {
  console.error(`ecofed: audit log not written, request refused: ${(error as Error).message}`);
  return {
    errors: [
      new GraphQLError("The audit log cannot be written, so nothing is served; try again later.", {
        extensions: { code: "AUDIT_UNAVAILABLE", http: { status: 503 } },
      }),
    ],
  };
}

/** Fail closed: without the current grants and suspensions nobody can be decided for (HTTP 503). */
function governanceUnavailable(error: unknown): GatewayExecutionResult {
  console.error(`ecofed: grants and suspensions cannot be read, request refused: ${(error as Error).message}`);
  return {
    errors: [
      new GraphQLError("Grants and suspensions cannot be read, so nothing is served; try again later.", {
        extensions: { code: "GOVERNANCE_UNAVAILABLE", http: { status: 503 } },
      }),
    ],
  };
}

function withRootDenials(result: GatewayExecutionResult, analysis: OperationAnalysis): GatewayExecutionResult {
  const rootDenials = [...analysis.denied.entries()]
    .filter(([key]) => !key.includes("."))
    .map(([key, denial]) => shareDeniedError(denial.notice, [key]));
  if (rootDenials.length === 0) return result;
  return { ...result, errors: [...(result.errors ?? []), ...rootDenials] };
}
