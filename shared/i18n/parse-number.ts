// Reading a number as a person writes it in a form. Self-contained (no imports, no closures): the
// assessment page's live score runs this very function in the browser.
import type { Language } from './language.ts';

/**
 * Reads a number as people write it, in the given language first ("1.200.000,50" in Italian,
 * "1,200,000.50" in English), then in the other; returns the text unchanged when neither fits.
 */
export function parseLocaleNumber(raw: string, lang: Language): number | string {
  const compact = raw.trim().replace(/[\s\u00a0'€%]/g, '');
  const conventions = lang === 'en' ? (['.', ','] as const) : ([',', '.'] as const);
  for (const decimal of [conventions[0], conventions[1]]) {
    const group = decimal === ',' ? '.' : ',';
    const d = `\\${decimal}`;
    const g = `\\${group}`;
    if (
      new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`).test(compact) ||
      new RegExp(`^-?\\d+(${d}\\d+)?$`).test(compact)
    ) {
      return Number(compact.split(group).join('').replace(decimal, '.'));
    }
  }
  return raw;
}
