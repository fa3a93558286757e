// How numbers, amounts and dates are written in each language, in one place for pages and e-mails.
// Every programme runs in Lombardy, so dates and times are Italian time (Europe/Rome).
import type { Language } from './language.ts';

/** The locale whose conventions a language's numbers and dates follow. */
export const locale = (lang: Language) => (lang === 'it' ? 'it-IT' : 'en-GB');

// Building an Intl formatter costs a fraction of a millisecond (a time zone's rules, the locale's
// data), far more than formatting with it: the bench's CPU profile of the intake found `new
// Intl.DateTimeFormat` per call among its hottest functions. Each locale and options pair is built
// once per process.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function builtOnce<Format extends Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  build: () => Format,
): Format {
  const known = formatters.get(key);
  if (known) return known as Format;
  const built = build();
  formatters.set(key, built);
  return built;
}

/** The number formatter of a locale and options, built once. */
export const numberFormat = (locales: string, options: Intl.NumberFormatOptions) =>
  builtOnce(`number ${locales} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locales, options));

/** The date-time formatter of a locale and options, built once. */
export const dateTimeFormat = (locales: string, options: Intl.DateTimeFormatOptions) =>
  builtOnce(`date ${locales} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locales, options));

/** An amount in euro as the language writes it ("1.250.000 €", "€1,250,000"); cents only if any. */
export function formatEuro(amount: number, lang: Language): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return numberFormat(locale(lang), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** A number with at most `maxFractionDigits` decimals, with the language's separators ("35,5", "35.5"). */
export function formatNumber(value: number, lang: Language, maxFractionDigits = 2): string {
  return numberFormat(locale(lang), { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A signed change, e.g. "+12,5", "−3", "0". */
export function formatChange(change: number, lang: Language, maxFractionDigits = 1): string {
  return numberFormat(locale(lang), {
    maximumFractionDigits: maxFractionDigits,
    signDisplay: 'exceptZero',
  }).format(change);
}

/** A date-time in Italian time, e.g. "12 marzo 2026 alle ore 18:00". */
export function formatRomeDateTime(iso: string, lang: Language): string {
  return dateTimeFormat(locale(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));
}

/** A date in Italian time, e.g. "12 marzo 2026". */
export function formatRomeDate(iso: string, lang: Language): string {
  return dateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(new Date(iso));
}

/**
 * A deadline as a sentence says it after "entro"/"by": in Italian with its article, elided before a
 * vowel sound ("il 5 dicembre…", "l’8 dicembre…", "l’11 dicembre…"); in English the date as is.
 */
export function formatDeadline(iso: string, lang: Language): string {
  const text = formatRomeDateTime(iso, lang);
  if (lang !== 'it') return text;
  const day = Number(
    dateTimeFormat('it-IT', { day: 'numeric', timeZone: 'Europe/Rome' }).format(new Date(iso)),
  );
  return `${day === 8 || day === 11 ? 'l’' : 'il '}${text}`;
}

/** A moment as Rome's local time for a spreadsheet cell, e.g. "2026-12-05 09:30" (sortable, no zone). */
export function formatRomeTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat('sv-SE', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(date);
}

/**
 * Italian area codes shorter than four digits (the numbering plan's districts of 02 Milano, 06 Roma
 * and the 0xx capitals); every other area code has four digits ("0332" Varese).
 */
const shortAreaCodes = new Set([
  '02',
  '06',
  '010',
  '011',
  '015',
  '019',
  '030',
  '031',
  '035',
  '039',
  '040',
  '041',
  '045',
  '049',
  '050',
  '051',
  '055',
  '059',
  '070',
  '071',
  '075',
  '079',
  '080',
  '081',
  '085',
  '089',
  '090',
  '091',
  '095',
  '099',
]);

/**
 * A stored telephone number (digits with an optional "+", as normalisePhone keeps it) written the
 * Italian way: "+39 02 1234 5678", "+39 0332 123456", "+39 347 123 4567", "0332 123456". Numbers of
 * other countries keep their digits after the country's "+".
 */
export function formatPhone(stored: string): string {
  const international = stored.startsWith('+39');
  const national = international ? stored.slice(3) : stored;
  if (!/^\d{6,11}$/.test(national) || (!international && stored.startsWith('+'))) return stored;
  const prefix = international ? '+39 ' : '';
  if (national.startsWith('3') && national.length >= 9) {
    return `${prefix}${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  }
  if (national.startsWith('0')) {
    const area =
      [2, 3].map((n) => national.slice(0, n)).find((code) => shortAreaCodes.has(code)) ??
      national.slice(0, 4);
    const rest = national.slice(area.length);
    const grouped = area === '02' || area === '06' ? rest.replace(/^(\d{4})(\d{3,})$/, '$1 $2') : rest;
    return `${prefix}${area} ${grouped}`;
  }
  return `${prefix}${national}`;
}
