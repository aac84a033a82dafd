import { DAY_MS, DEMO_END, shanghaiDate } from "../../demo/calendar.js";
import { DEMO_SEED, demoEnterprises } from "../../demo/enterprises.js";
import { seededRandom, type Random } from "../../demo/random.js";
import type { DischargePermitRow } from "./discharge-permit.js";
import { issuingAuthority } from "./issuing-authority.js";
import { permitCategory } from "./permit-category.js";
import { makePermitNumber } from "./permit-number.js";
import { permittedPollutants } from "./permitted-pollutants.js";
import { validUntil } from "./validity.js";

/** The demo's last day: nothing is issued after it and validity is judged on it. */
const DEMO_TODAY = shanghaiDate(DEMO_END - DAY_MS);

const HELD_SHARE = 0.85;
const REVOKED_SHARE = 0.03;
const EXPIRED_SHARE = 0.05;

function dayBetween(rng: Random, from: string, to: string): string {
  const start = Date.parse(from);
  const days = Math.round((Date.parse(to) - start) / DAY_MS);
  return new Date(start + rng.int(0, days) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The demo permits: one per enterprise for about 85% of them. Most were issued or renewed
 * in the last five years and are valid; a few lapsed unrenewed or were revoked (注销).
 */
export function demoPermits(): DischargePermitRow[] {
  const out: DischargePermitRow[] = [];
  for (const enterprise of demoEnterprises()) {
    const rng = seededRandom(`${DEMO_SEED}/permits/${enterprise.creditCode}`);
    if (!rng.chance(HELD_SHARE)) continue;
    // No permit before the holder was registered; one registered too late to have let a
    // permit lapse holds a valid one.
    const earliest = (day: string): string => (day < enterprise.registeredOn ? enterprise.registeredOn : day);
    let fate = rng.next();
    if (fate < REVOKED_SHARE + EXPIRED_SHARE && enterprise.registeredOn > "2021-10-31") fate = 1;
    // The national platform issued its first permits in 2017–2019 (火电, 造纸 first).
    const issuedOn =
      fate < REVOKED_SHARE
        ? dayBetween(rng, earliest("2019-01-01"), "2023-12-31")
        : fate < REVOKED_SHARE + EXPIRED_SHARE
          ? dayBetween(rng, earliest("2019-01-01"), "2021-10-31")
          : dayBetween(rng, earliest("2021-11-01"), DEMO_TODAY);
    const until = validUntil(issuedOn);
    out.push({
      // A renewed permit keeps its number; a holder's second permit would be 002.
      permitNumber: makePermitNumber(enterprise.creditCode, 1),
      creditCode: enterprise.creditCode,
      divisionCode: enterprise.province.code,
      category: permitCategory(enterprise.industry, rng),
      issuedOn,
      validUntil: until,
      issuingAuthority: issuingAuthority(enterprise),
      pollutants: permittedPollutants(enterprise),
      status: fate < REVOKED_SHARE ? "已注销" : until < DEMO_TODAY ? "已过期" : "有效",
    });
  }
  return out;
}
