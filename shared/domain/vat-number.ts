// Partita IVA: 11 digits = 7-digit serial (matricola) + 3-digit office code (ufficio provinciale)
// + 1 check digit computed with the Luhn algorithm over the first ten digits.

/** What is wrong with a Partita IVA, or null when it is valid. */
export type VatNumberProblem = 'format' | 'zero_serial' | 'office_code' | 'check_digit';

/** Removes spaces, dots and dashes and an optional "IT" prefix; does not validate. */
export function normaliseVatNumber(raw: string): string {
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  return compact.startsWith('IT') ? compact.slice(2) : compact;
}

/**
 * Office codes the Agenzia delle Entrate assigns: 001–100 for provincial offices, 120 and 121 for
 * special cases (e.g. Campione d'Italia), 888 for identification by the central office, 999 for
 * non-resident entities.
 */
export function isValidOfficeCode(code: number): boolean {
  return (code >= 1 && code <= 100) || code === 120 || code === 121 || code === 888 || code === 999;
}

/** The check digit of the first ten digits (Luhn: double every second digit from the left). */
export function vatCheckDigit(firstTen: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = firstTen.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Checks a Partita IVA.
 * @param raw - as typed, optionally with "IT" prefix, spaces or dots
 * @returns the first problem found, or null when valid
 */
export function vatNumberProblem(raw: string): VatNumberProblem | null {
  const digits = normaliseVatNumber(raw);
  if (!/^\d{11}$/.test(digits)) return 'format';
  if (digits.startsWith('0000000')) return 'zero_serial';
  if (!isValidOfficeCode(Number(digits.slice(7, 10)))) return 'office_code';
  if (vatCheckDigit(digits.slice(0, 10)) !== Number(digits[10])) return 'check_digit';
  return null;
}

/** Whether a Partita IVA is well formed (format, serial, office code, check digit). */
export function isValidVatNumber(raw: string): boolean {
  return vatNumberProblem(raw) === null;
}
