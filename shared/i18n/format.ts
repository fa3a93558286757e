// How numbers, amounts and dates are written in each language, in one place for pages and e-mails.
// Every programme runs in Lombardy, so dates and times are Italian time (Europe/Rome).
import type { Language } from './language.ts';

const locale = (lang: Language) => (lang === 'it' ? 'it-IT' : 'en-GB');

/** An amount in euro as the language writes it ("1.250.000 €", "€1,250,000"); cents only if any. */
export function formatEuro(amount: number, lang: Language): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** A number with at most `maxFractionDigits` decimals, with the language's separators ("35,5", "35.5"). */
export function formatNumber(value: number, lang: Language, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A signed change, e.g. "+12,5", "−3", "0". */
export function formatChange(change: number, lang: Language, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: maxFractionDigits,
    signDisplay: 'exceptZero',
  }).format(change);
}

/** A date-time in Italian time, e.g. "12 marzo 2026 alle ore 18:00". */
export function formatRomeDateTime(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));
}

/** A date in Italian time, e.g. "12 marzo 2026". */
export function formatRomeDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(
    new Date(iso),
  );
}

/**
 * A deadline as a sentence says it after "entro"/"by": in Italian with its article, elided before a
 * vowel sound ("il 5 dicembre…", "l’8 dicembre…", "l’11 dicembre…"); in English the date as is.
 */
export function formatDeadline(iso: string, lang: Language): string {
  const text = formatRomeDateTime(iso, lang);
  if (lang !== 'it') return text;
  const day = Number(
    new Intl.DateTimeFormat('it-IT', { day: 'numeric', timeZone: 'Europe/Rome' }).format(new Date(iso)),
  );
  return `${day === 8 || day === 11 ? 'l’' : 'il '}${text}`;
}

/** A moment as Rome's local time for a spreadsheet cell, e.g. "2026-12-05 09:30" (sortable, no zone). */
export function formatRomeTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(date);
}
