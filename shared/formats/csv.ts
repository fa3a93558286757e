// The one CSV writer of the product: every export (dashboard, admin area, admin CLI, reports)
// writes through it, so a cell a spreadsheet would run as a formula never leaves as one.
import { stringify } from 'csv-stringify/sync';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet may open it safely: one that would start a formula gets a leading
 * apostrophe, which spreadsheets show as text. Numbers are not text cells and stay as they are.
 */
export function spreadsheetSafeCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/**
 * Rows as CSV (UTF-8) with their header, also when there are no rows; text cells made safe.
 * @param columns - the header, in order; a row's other fields are left out
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return (
    stringify([...rows], {
      header: true,
      columns: [...columns],
      cast: { string: spreadsheetSafeCell },
    }) || `${columns.join(',')}\n`
  );
}
