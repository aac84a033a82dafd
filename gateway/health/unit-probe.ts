import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { ExactRequest } from "../../schema/exact-request.js";
import { ASSERTION_HEADER } from "../../schema/request-assertion.js";
import { checkFailed, CHECK_OK, type CheckResult } from "../../server/health-report.js";
import type { SignedFetch } from "../identity/assertion.js";
import type { UnitTarget } from "./supergraph-units.js";

/** What the probe asks: no field of any unit's data, so it reads nothing and decides nothing. */
export const PROBE_REQUEST: ExactRequest = { query: "{ __typename }" };
/** Who the probe's platform assertion names, so a unit's log tells probes from other platform calls. */
export const PROBE_PRINCIPAL = "ecofed-health";
/** An answer to `{ __typename }` is a few dozen bytes; anything much longer is not one. */
const MAX_ANSWER_BYTES = 16_384;

/**
 * One probe of a unit: a POST of `{ __typename }` signed as the platform for exactly that
 * request, as every fetch the gateway sends (a unit refuses anything unsigned), so an answer
 * proves what a real fetch needs — the unit is up, trusts the platform key and can check the
 * assertion's nonce. Sent with node:http on a connection of its own: not through the
 * gateway's data sources (nothing is planned, decided or audited: no user asked) nor its
 * connection pool (a probe must find a unit that stopped accepting connections).
 */
export function unitProbe(target: UnitTarget, sign: (fetch: SignedFetch) => Promise<string>): (signal: AbortSignal) => Promise<CheckResult> {
  const url = new URL(target.url);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const body = JSON.stringify(PROBE_REQUEST);
  return async (signal) => {
    let assertion: string;
    try {
      assertion = await sign({ unit: target.name, request: PROBE_REQUEST, coordinates: [] });
    } catch (error) {
      return checkFailed("IDENTITY_UNAVAILABLE", `the gateway cannot sign its probe: ${(error as Error).message}`);
    }
    return new Promise<CheckResult>((resolve) => {
      const req = send(
        url,
        {
          method: "POST",
          agent: false,
          signal,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), [ASSERTION_HEADER]: assertion },
        },
        (res) => void readAnswer(res).then(resolve, () => resolve(checkFailed("UNIT_UNREACHABLE", "the connection was lost during the answer"))),
      );
      req.on("error", (error) => resolve(signal.aborted ? checkFailed("UNIT_TIMEOUT", "no answer in time") : checkFailed("UNIT_UNREACHABLE", networkCause(error))));
      req.end(body);
    });
  };
}

async function readAnswer(res: IncomingMessage): Promise<CheckResult> {
  res.setEncoding("utf8");
  let text = "";
  for await (const chunk of res) {
    text += String(chunk);
    if (text.length > MAX_ANSWER_BYTES) {
      res.destroy();
      return checkFailed("UNIT_BAD_ANSWER", "the answer is far longer than one __typename");
    }
  }
  const answer = parsedAnswer(text);
  const code = answer?.errors?.[0]?.extensions?.code;
  if (res.statusCode !== 200) return checkFailed("UNIT_REFUSED", `HTTP ${res.statusCode}${typeof code === "string" ? ` ${code}` : ""}`);
  if (typeof answer?.data?.__typename !== "string") return checkFailed("UNIT_BAD_ANSWER", `no __typename in the answer${typeof code === "string" ? ` (${code})` : ""}`);
  return CHECK_OK;
}

type ProbeAnswer = { data?: { __typename?: unknown } | null; errors?: { extensions?: { code?: unknown } }[] } | null;

function parsedAnswer(text: string): ProbeAnswer {
  try {
    return JSON.parse(text) as ProbeAnswer;
  } catch {
    // Judged by its status alone: a proxy's HTML error page is not JSON either.
    return null;
  }
}

function networkCause(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET") return "connection reset";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  return code ? `request failed (${code})` : "request failed";
}
