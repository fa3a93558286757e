// The one text rule: what every free-text field refuses, with the message the person reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLineSubject } from '#shared/email/mailer.ts';
import { applicationSchema, fieldErrorsOf } from '#shared/schemas/application.ts';
import { multiLine, singleLine, textProblem } from '#shared/schemas/text.ts';
import { validApplication } from '../../support/fixtures.ts';

describe('free text', () => {
  it.each([
    ['a NUL character', 'Officina\u0000 Rossi', 'validation.text.control'],
    ['an escape sequence', 'Officina \u001b[31mRossi', 'validation.text.control'],
    ['a line break', 'Officina Rossi\r\nBcc: x@evil.example', 'validation.text.lineBreak'],
    ['a paragraph separator', 'Officina\u2029Rossi', 'validation.text.lineBreak'],
    ['a right-to-left override', 'fattura\u202Egpj.exe', 'validation.text.bidi'],
    ['an isolate', 'Officina \u2066Rossi\u2069', 'validation.text.bidi'],
    [
      'the replacement character of bytes that were not UTF-8',
      'Caff\uFFFD Rossi',
      'validation.text.encoding',
    ],
    ['only zero-width characters', '\u200B\u200C\u200D\uFEFF', 'validation.text.invisible'],
  ])('refuses %s in a single-line field', (_label, value, message) => {
    // Act
    const problem = textProblem(value, 'single-line');
    const parsed = singleLine(1, 200).safeParse(value);

    // Assess
    expect(problem).toBe(message);
    expect(parsed.success).toBe(false);
  });

  it('lets multi-line fields keep tabs and line breaks, and still refuses other controls', () => {
    // Act
    const findings = multiLine(1, 1000).safeParse('Punti deboli:\n\t- dati non raccolti\r\n\t- ERP vecchio');
    const nul = multiLine(1, 1000).safeParse('Punti\u0000deboli');

    // Assess
    expect(findings.success).toBe(true);
    expect(nul.success).toBe(false);
  });

  it('trims and NFC-normalises what it accepts', () => {
    // Act
    const parsed = singleLine(1, 50).parse('  Cantu\u0300 Meccanica  ');

    // Assess
    expect(parsed).toBe('Cantù Meccanica');
  });

  it('accepts any printable text without controls (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (raw) => {
        const value = raw.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFFFD]/gu, '').trim();
        fc.pre(value.length > 0 && /\S/u.test(value));
        expect(textProblem(value, 'single-line')).toBeUndefined();
      }),
    );
  });

  it('names the field in the requester’s language when an application carries a NUL in the company name', () => {
    // Prepare
    const application = validApplication();
    application.company.name = 'Officina\u0000Rossi';

    // Act
    const result = applicationSchema.safeParse(application);
    const errors = result.success ? [] : fieldErrorsOf(result.error.issues, application, 'en');

    // Assess
    expect(errors).toEqual([
      { field: 'company.name', message: expect.stringMatching(/control characters that are not allowed/) },
    ]);
  });

  it('keeps an e-mail subject on one line whatever reaches it', () => {
    // Assess
    expect(oneLineSubject('Proposta: ACME\r\nBcc: x@evil.example')).toBe(
      'Proposta: ACME Bcc: x@evil.example',
    );
  });
});
