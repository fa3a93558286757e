// Both languages say the same things: every key in Italian is in English and the other way round,
// with the same {placeholders}, so no page shows a raw key or an unfilled {name} in one language.
import { describe, expect, it } from 'vitest';
import { messageCatalogues } from '#shared/i18n/messages.ts';

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe('the message catalogue', () => {
  it('has exactly the same keys in Italian and English', () => {
    const italian = Object.keys(messageCatalogues.it).sort();
    const english = Object.keys(messageCatalogues.en).sort();
    expect(english).toEqual(italian);
  });

  it('has the same placeholders in both languages for every message', () => {
    const differing = Object.entries(messageCatalogues.it).flatMap(([key, italian]) => {
      const english = (messageCatalogues.en as Record<string, string>)[key] ?? '';
      return placeholders(italian).join() === placeholders(english).join()
        ? []
        : [{ key, it: placeholders(italian), en: placeholders(english) }];
    });
    expect(differing).toEqual([]);
  });

  it('has no empty message', () => {
    for (const lang of ['it', 'en'] as const) {
      const empty = Object.entries(messageCatalogues[lang]).filter(([, text]) => text.trim() === '');
      expect({ lang, empty }).toEqual({ lang, empty: [] });
    }
  });
});
