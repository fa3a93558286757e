import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '#shared/i18n/language.ts';

describe('negotiateLanguage', () => {
  it('prefers an explicit lang parameter over Accept-Language', () => {
    expect(negotiateLanguage('en', 'it-IT,it;q=0.9')).toBe('en');
    expect(negotiateLanguage('IT', 'en')).toBe('it');
  });

  it('follows Accept-Language by quality, ignoring unsupported languages', () => {
    expect(negotiateLanguage(undefined, 'de-DE,de;q=0.9,en;q=0.8,it;q=0.7')).toBe('en');
    expect(negotiateLanguage(undefined, 'fr;q=0.9, it;q=0.95')).toBe('it');
    expect(negotiateLanguage(undefined, 'en;q=0, it;q=0.1')).toBe('it');
  });

  it('falls back to Italian for a missing, unsupported or garbled header', () => {
    expect(negotiateLanguage(undefined, undefined)).toBe('it');
    expect(negotiateLanguage('de', 'de-DE')).toBe('it');
    expect(negotiateLanguage('', ';;,q=x')).toBe('it');
  });
});
