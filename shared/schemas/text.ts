// The one rule for text a person types, used by every free-text field of every input (application,
// manager registration, task answers, the office's reasons, programme names): what can be stored,
// shown in a page and put in an e-mail without surprises. Refused, with a field-named 422:
// - C0 and C1 control characters (NUL, ESC, BEL…); tab and line breaks only in multi-line fields;
// - line and paragraph separators (U+2028/9) in single-line fields (they break a subject line);
// - bidirectional overrides, embeddings and isolates (U+202A–E, U+2066–9): "‮gpj.exe" tricks;
// - U+FFFD, the mark of bytes that were not UTF-8 (a form sent in another charset);
// - a value made only of invisible characters (zero-width spaces, joiners, BOM).
// Accepted text is trimmed and NFC-normalised (one code point sequence per visible text).
import * as z from 'zod';
import type { MessageKey } from '#shared/i18n/messages.ts';

export type TextShape = 'single-line' | 'multi-line';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlSingleLine = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlMultiLine = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;
const invisible = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** Why a text cannot be accepted, as a message key, or undefined when it can. */
export function textProblem(value: string, shape: TextShape): MessageKey | undefined {
  if (value.includes('\uFFFD')) return 'validation.text.encoding';
  if (shape === 'single-line' && /[\r\n\u2028\u2029]/.test(value)) return 'validation.text.lineBreak';
  if ((shape === 'single-line' ? controlSingleLine : controlMultiLine).test(value))
    return 'validation.text.control';
  if (bidiControl.test(value)) return 'validation.text.bidi';
  if (value.length > 0 && value.replace(invisible, '').length === 0) return 'validation.text.invisible';
  return undefined;
}

/**
 * A text field: trimmed, NFC-normalised, between `min` and `max` characters, refused (with a
 * message key the pages and the JSON API translate) when {@link textProblem} finds one.
 */
export function textField(shape: TextShape, min: number, max: number) {
  return z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min)
        .max(max)
        .superRefine((value, ctx) => {
          const problem = textProblem(value, shape);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    );
}

/** One line of text (a name, a title, a label). */
export const singleLine = (min: number, max: number) => textField('single-line', min, max);

/** Text that may run over several lines (findings, reasons, notes, a CV). */
export const multiLine = (min: number, max: number) => textField('multi-line', min, max);
