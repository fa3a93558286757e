// Languages the product speaks; every user-facing text exists in each of them.
import * as z from 'zod';

export const languages = ['it', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;
export const defaultLanguage: Language = 'it';

/**
 * Picks the requester's language: an explicit `lang` query parameter wins, then the first
 * supported language in Accept-Language (by quality), then Italian.
 * @param explicit - the `lang` query parameter or form field, if any
 * @param acceptLanguage - the raw Accept-Language header, if any
 */
export function negotiateLanguage(explicit?: string | null, acceptLanguage?: string | null): Language {
  const fromExplicit = languageSchema.safeParse(explicit?.trim().toLowerCase());
  if (fromExplicit.success) return fromExplicit.data;
  if (!acceptLanguage) return defaultLanguage;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return {
        base: tag.toLowerCase().split('-')[0] ?? '',
        quality: Number.isNaN(quality) ? 0 : quality,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const match = languageSchema.safeParse(entry.base);
    if (match.success) return match.data;
  }
  return defaultLanguage;
}

/**
 * The language of a page reached from a person's link: their explicit choice (the page's language
 * switch, or the language a form was shown in) wins, then the language stored with them (the
 * application's, the manager's, the office's), and the browser's only when nothing is stored.
 */
export function personLanguage(
  choice: string | null | undefined,
  stored: Language | undefined,
  acceptLanguage: string | null | undefined,
): Language {
  const chosen = languageSchema.safeParse(choice?.trim().toLowerCase());
  if (chosen.success) return chosen.data;
  return stored ?? negotiateLanguage(undefined, acceptLanguage);
}
