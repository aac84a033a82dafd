import { useMemo } from "react";
import { useI18n } from "../../i18n/i18n.js";
import type { Ratio } from "./queries.js";

/** A figure with what it is made of: "92% (23 / 25)"; "— (0 / 0)" when there is nothing to divide. */
export function RatioFigure({ ratio }: { readonly ratio: Ratio }) {
  const { locale } = useI18n();
  const percent = useMemo(() => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }), [locale]);
  return (
    <span className="oversight-ratio" data-numerator={ratio.numerator} data-denominator={ratio.denominator}>
      <strong>{ratio.value === null ? "—" : percent.format(ratio.value)}</strong> <span className="oversight-parts">({ratio.numerator} / {ratio.denominator})</span>
    </span>
  );
}
