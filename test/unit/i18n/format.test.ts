// How pages and e-mails write numbers, amounts and deadlines in each language.
import { describe, expect, it } from 'vitest';
import { normalisePhone } from '#shared/domain/contact.ts';
import { formatDeadline, formatEuro, formatNumber, formatPhone } from '#shared/i18n/format.ts';
import { parseLocaleNumber } from '#shared/i18n/parse-number.ts';

describe('formats', () => {
  it('writes a deadline with its Italian article, elided before a vowel sound', () => {
    expect(formatDeadline('2026-12-08T17:00:00Z', 'it')).toMatch(/^l’8 dicembre 2026/);
    expect(formatDeadline('2026-12-11T17:00:00Z', 'it')).toMatch(/^l’11 dicembre 2026/);
    expect(formatDeadline('2026-12-05T17:00:00Z', 'it')).toMatch(/^il 5 dicembre 2026/);
    expect(formatDeadline('2026-12-08T17:00:00Z', 'en')).toMatch(/^8 December 2026/);
    // The day is Rome's: 23:30 UTC on the 7th is already the 8th in Italy.
    expect(formatDeadline('2026-12-07T23:30:00Z', 'it')).toMatch(/^l’8 dicembre/);
  });

  it('writes decimals and euro the way each language does', () => {
    expect(formatNumber(1.8, 'it')).toBe('1,8');
    expect(formatNumber(1.8, 'en')).toBe('1.8');
    expect(formatEuro(1_250_000, 'it')).toMatch(/^1\.250\.000\s€$/);
    expect(formatEuro(1_250_000, 'en')).toBe('€1,250,000');
  });

  it('writes telephone numbers the Italian way, from what the forms store', () => {
    const shown = (typed: string) => formatPhone(normalisePhone(typed));
    expect(shown('+39 02 12345678')).toBe('+39 02 1234 5678');
    expect(shown('0039 0332/123456')).toBe('+39 0332 123456');
    expect(shown('+39 347.123.4567')).toBe('+39 347 123 4567');
    expect(shown('030 1234567')).toBe('030 1234567');
    expect(shown('0341 123456')).toBe('0341 123456');
    expect(shown('06 1234567')).toBe('06 1234 567');
    // Another country's number keeps its digits; something unexpected is shown as stored.
    expect(shown('+41 79 123 45 67')).toBe('+41791234567');
    expect(formatPhone('12')).toBe('12');
  });

  it('reads a score as the person typed it, and the assessment page runs the same function', () => {
    expect(parseLocaleNumber('35,5', 'it')).toBe(35.5);
    expect(parseLocaleNumber('3,5', 'it')).toBe(3.5);
    expect(parseLocaleNumber('35.5', 'it')).toBe(35.5);
    expect(parseLocaleNumber('1.250.000', 'it')).toBe(1_250_000);
    expect(parseLocaleNumber('35.5', 'en')).toBe(35.5);
    expect(parseLocaleNumber('abc', 'it')).toBe('abc');
    // Serialised into the page's script: it must run with no imports and give the same answers.
    const standalone = new Function(`return (${parseLocaleNumber.toString()})`)() as typeof parseLocaleNumber;
    for (const typed of ['35,5', '3,5', '35.5', '1.250.000', '100', '-2', 'x'])
      expect(standalone(typed, 'it')).toEqual(parseLocaleNumber(typed, 'it'));
  });
});
