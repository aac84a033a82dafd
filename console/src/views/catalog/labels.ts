import { PURPOSES } from "../../api/client.js";
import type { Translate } from "../../i18n/i18n.js";
import type { CommonKey } from "../../i18n/messages.js";
import { CATALOG_MESSAGES, type CatalogMessageKey } from "./messages.js";

/** An enum value's label; a value added to the API later shows as itself rather than breaking the row. */
export function enumLabel(t: Translate<CatalogMessageKey>, prefix: "class" | "decision" | "freq" | "status", value: string): string {
  const key = `${prefix}.${value}`;
  return key in CATALOG_MESSAGES.en ? t(key as CatalogMessageKey) : value;
}

export function purposeLabel(common: Translate<CommonKey>, purpose: string): string {
  const known = PURPOSES.find((p) => p === purpose);
  return known ? common(`purpose.${known}`) : purpose;
}
