import type { ReactNode } from "react";

/** Every table of the view: scrollable, named for screen readers, its headers given translated. */
export function TableFrame({ label, headers, children }: { readonly label: string; readonly headers: readonly string[]; readonly children: ReactNode }) {
  return (
    <div className="applications-table">
      <table aria-label={label}>
        <thead>
          <tr>{headers.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
