import { href } from "../../app/router.js";
import { PERIODS, type Period } from "./queries.js";

/** What the view shows, all of it in the URL. */
export interface OversightState {
  readonly period: Period;
  readonly from: string;
  /** Null: today (the API's default). */
  readonly to: string | null;
  /** Null: every unit the requester may see. */
  readonly unit: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today where the periods are cut (Asia/Shanghai, as the API counts calendar months). */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function oversightState(params: URLSearchParams): OversightState {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return {
    period: PERIODS.find((p) => p === params.get("period")) ?? "QUARTER",
    // By default the year so far: its quarters, the current one still running.
    from: DATE.test(from) ? from : `${todayInShanghai().slice(0, 4)}-01-01`,
    to: DATE.test(to) ? to : null,
    unit: params.get("unit")?.trim() || null,
  };
}

export function oversightHref(state: OversightState): string {
  const params: Record<string, string> = { period: state.period, from: state.from };
  if (state.to) params["to"] = state.to;
  if (state.unit) params["unit"] = state.unit;
  return href("oversight", params);
}
