import { PURPOSES } from "../../api/client.js";
import type { Translate } from "../../i18n/i18n.js";
import type { CommonKey } from "../../i18n/messages.js";
import { APPLICATIONS_MESSAGES, type ApplicationsMessageKey } from "./messages.js";

/** An enum value's label; a value added to the API later shows as itself. */
export function enumLabel(t: Translate<ApplicationsMessageKey>, prefix: "status" | "action", value: string): string {
  const key = `${prefix}.${value}`;
  return key in APPLICATIONS_MESSAGES.en ? t(key as ApplicationsMessageKey) : value;
}

export function purposeLabel(common: Translate<CommonKey>, purpose: string): string {
  const known = PURPOSES.find((p) => p === purpose);
  return known ? common(`purpose.${known}`) : purpose;
}
