/** Sharing classes of Art. 15 (CONTRACT §3). */
export const SHARE_CLASSES = ["UNCONDITIONAL", "CONDITIONAL", "NOT_SHARED"] as const;
export type ShareClass = (typeof SHARE_CLASSES)[number];

/** Usage requirements of Art. 17; a request declares one (`X-Share-Purpose`). */
export const SHARE_PURPOSES = ["ADMINISTRATIVE_BASIS", "WORK_REFERENCE", "DATA_VERIFICATION", "BUSINESS_COLLABORATION"] as const;
export type SharePurpose = (typeof SHARE_PURPOSES)[number];

export type ShareMask = "NONE" | "PARTIAL";

/** One field's `@share`, parsed: plain data, decided on by the evaluator. */
export interface ShareRule {
  readonly class: ShareClass;
  /** Unit codes, "internal", "external", "ext:<dept>", "role:<role>"; empty: nobody. */
  readonly scope: readonly string[];
  /** Allowed purposes (Art. 17); all four unless the field narrows them. */
  readonly purposes: readonly SharePurpose[];
  /** Even requesters in scope need an approved application. */
  readonly approval: boolean;
  /** PARTIAL: requesters out of scope get a masked value instead of a denial. */
  readonly mask: ShareMask;
  /** The legal basis a NOT_SHARED field must state (Art. 18). */
  readonly basis: string | null;
}

/** A field coordinate (`Type.field`), whose unit resolves it, and its rule (null: unclassified). */
export interface FieldPolicy {
  readonly coordinate: string;
  readonly owner: string;
  readonly rule: ShareRule | null;
}

export function isShareClass(value: string): value is ShareClass {
  return (SHARE_CLASSES as readonly string[]).includes(value);
}

export function isSharePurpose(value: string): value is SharePurpose {
  return (SHARE_PURPOSES as readonly string[]).includes(value);
}
