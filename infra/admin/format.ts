// Plain-text output of the admin commands: aligned tables and short values.

/** Cuts a text to a width, marking the cut with "…". */
export function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string;
  /** Right-aligned (numbers). */
  readonly right?: boolean;
  /** Longest cell before it is clipped. */
  readonly max?: number;
}

/** An aligned text table: header, a rule, one line per row. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((column) => clip(column.value(row), column.max ?? 60)));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        return columns[index]?.right ? value.padStart(width) : value.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
  ].join('\n');
}

/** A value for a one-line change report ("100 → 120"). */
export function showValue(value: unknown): string {
  if (value === undefined) return '(none)';
  return clip(JSON.stringify(value), 80);
}

/** A score with at most one decimal ("87.5", "35"). */
export function points(value: number): string {
  return String(Math.round(value * 10) / 10);
}
