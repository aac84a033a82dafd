import { DAY_MS, DEMO_END, HOUR_MS } from "./calendar.js";

/** Hours of demo readings per station or facility: 31 days, so a full 30-day window always has data. */
export const READING_HOURS = (31 * DAY_MS) / HOUR_MS;

/** The instant of the oldest reading; the newest is at DEMO_END. */
export const FIRST_READING_AT = DEMO_END - (READING_HOURS - 1) * HOUR_MS;
