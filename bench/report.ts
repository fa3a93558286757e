// Terminal output for the bench: aligned tables and number formats. Nothing here measures anything.

/** Renders rows as an aligned text table; numbers and figures align right. */
export function table(
  title: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const numeric = headers.map((_header, i) =>
    rows.every((row) => /^[-+~<>≤$]?[\d.,]+|^n\/a$|^—$/.test((row[i] ?? '').trim()) || (row[i] ?? '') === ''),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [`\n${title}`, line(headers), rule, ...rows.map(line)].join('\n');
}

/** A number with a fixed count of decimals, or n/a. */
export const fixed = (value: number | undefined, decimals = 1): string =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(decimals);

/** Dollars with enough significant digits for tiny amounts. */
export const usd = (value: number): string => {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '$0';
  if (value >= 1) return `$${value.toFixed(2)}`;
  return `$${value.toPrecision(3)}`;
};

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
