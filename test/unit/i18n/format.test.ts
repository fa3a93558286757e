// How pages and e-mails write numbers, amounts and deadlines in each language.
import { describe, expect, it } from 'vitest';
import { formatDeadline, formatEuro, formatNumber } from '#shared/i18n/format.ts';

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
});
