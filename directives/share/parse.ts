import { Kind, type ConstDirectiveNode, type ConstValueNode } from "graphql";
import { isShareClass, isSharePurpose, SHARE_PURPOSES, type SharePurpose, type ShareRule } from "./rule.js";

export type ParsedShare = { readonly ok: true; readonly rule: ShareRule } | { readonly ok: false; readonly problem: string };

/**
 * Reads one `@share(...)` use into a rule, or says what is wrong with it. Pure; composition
 * has already checked the argument types, so this checks what the spec adds (CONTRACT §3).
 */
export function parseShareDirective(node: ConstDirectiveNode): ParsedShare {
  const args = new Map((node.arguments ?? []).map((a) => [a.name.value, a.value]));
  const classValue = args.get("class");
  const shareClass = classValue?.kind === Kind.ENUM ? classValue.value : "";
  if (!isShareClass(shareClass)) return { ok: false, problem: `class must be UNCONDITIONAL, CONDITIONAL or NOT_SHARED` };
  const basisValue = args.get("basis");
  const basis = basisValue?.kind === Kind.STRING && basisValue.value.trim() !== "" ? basisValue.value : null;
  const conditions = objectFields(args.get("conditions"));
  const scope = stringList(conditions.get("scope"));
  const purposeNames = conditions.has("purposes") ? stringList(conditions.get("purposes")) : [...SHARE_PURPOSES];
  const unknownPurpose = purposeNames.find((p) => !isSharePurpose(p));
  if (unknownPurpose) return { ok: false, problem: `unknown purpose ${unknownPurpose}` };
  const approval = conditions.get("approval");
  const mask = conditions.get("mask");
  // Art. 18: not sharing needs a stated legal basis.
  if (shareClass === "NOT_SHARED" && !basis) return { ok: false, problem: "NOT_SHARED needs a basis (Art. 18)" };
  // Art. 15(2), 17: conditional sharing states its conditions.
  if (shareClass === "CONDITIONAL" && scope.length === 0 && !(approval?.kind === Kind.BOOLEAN && approval.value)) {
    return { ok: false, problem: "CONDITIONAL needs conditions: a scope, or approval: true (Art. 15, 17)" };
  }
  return {
    ok: true,
    rule: {
      class: shareClass,
      scope,
      purposes: purposeNames as SharePurpose[],
      approval: approval?.kind === Kind.BOOLEAN && approval.value,
      mask: mask?.kind === Kind.ENUM && mask.value === "PARTIAL" ? "PARTIAL" : "NONE",
      basis,
    },
  };
}

function objectFields(value: ConstValueNode | undefined): Map<string, ConstValueNode> {
  if (value?.kind !== Kind.OBJECT) return new Map();
  return new Map(value.fields.map((f) => [f.name.value, f.value]));
}

function stringList(value: ConstValueNode | undefined): string[] {
  if (!value) return [];
  const items = value.kind === Kind.LIST ? value.values : [value];
  return items.flatMap((v) => (v.kind === Kind.STRING || v.kind === Kind.ENUM ? [v.value] : []));
}
