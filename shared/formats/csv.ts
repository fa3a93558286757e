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
 * @param columns - the fields, in order; a row's other fields are left out
 * @param options.headers - the header's labels (default: the field names)
 * @param options.delimiter - ',' (default) or ';' (where the decimal separator is a comma)
 * @param options.decimalComma - numbers written with a decimal comma
 */
export function toCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  options: { headers?: readonly string[]; delimiter?: ',' | ';'; decimalComma?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const header = options.headers ?? columns;
  const body = stringify([...rows], {
    header: false,
    columns: [...columns],
    delimiter,
    cast: {
      string: spreadsheetSafeCell,
      number: (value) => (options.decimalComma ? String(value).replace('.', ',') : String(value)),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
  return stringify([header.map((label) => spreadsheetSafeCell(label))], { delimiter }) + body;
}

/** The byte order mark that makes spreadsheets read a CSV file as UTF-8 (accents intact). */
export const utf8Bom = '\uFEFF';
