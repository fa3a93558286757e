// Reading a posted form's fields (urlencoded, dotted names, everything a string; a repeated name
// gives a list) the one way every form-to-contract reader does: prototype-polluting names ignored,
// blank values absent, numbers read as written in the form's language.
import type { Language } from '#shared/i18n/language.ts';
import { parseLocaleNumber } from '#shared/i18n/parse-number.ts';

/** Names a form may never set (they would reach the object's prototype). */
const forbiddenNames = new Set(['__proto__', 'prototype', 'constructor']);

export type FormFields = Readonly<Record<string, string | readonly string[]>>;

/** Readers bound to one form's fields and language. */
export function formFieldReader(fields: FormFields, lang: Language) {
  /** Every value given for a name, in order. */
  const all = (name: string): string[] => {
    if (!Object.hasOwn(fields, name) || forbiddenNames.has(name)) return [];
    const raw = fields[name];
    if (raw === undefined) return [];
    return typeof raw === 'string' ? [raw] : [...raw];
  };
  /** The last value of a field, or undefined when absent or blank. */
  const field = (name: string): string | undefined => {
    const values = all(name);
    const last = values[values.length - 1];
    return last === undefined || last.trim() === '' ? undefined : last;
  };
  /** A number as written in the form's language ("1.250.000,5"), or the text when it is not one. */
  const number = (name: string): number | string | undefined => {
    const raw = field(name);
    return raw === undefined ? undefined : parseLocaleNumber(raw, lang);
  };
  /** The non-blank values of a repeated field (boxes), trimmed. */
  const list = (name: string): string[] =>
    all(name)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  /** One item per non-empty line of a text area. */
  const lines = (name: string): string[] =>
    (field(name) ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  return { all, field, number, list, lines };
}
