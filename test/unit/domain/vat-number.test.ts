import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidVatNumber,
  normaliseVatNumber,
  vatCheckDigit,
  vatNumberProblem,
} from '#shared/domain/vat-number.ts';

describe('Partita IVA', () => {
  it('accepts real, published numbers, with or without the IT prefix and spaces', () => {
    // Prepare: Agenzia delle Entrate's own example and two listed companies' numbers.
    const numbers = ['06363391001', 'IT 00905811006', '00488410010'];

    // Act
    const problems = numbers.map(vatNumberProblem);

    // Assess
    expect(problems).toEqual([null, null, null]);
    expect(normaliseVatNumber('IT 009.058-11006')).toBe('00905811006');
  });

  it('names the problem: format, zero serial, office code, check digit', () => {
    expect(vatNumberProblem('1234567890')).toBe('format');
    expect(vatNumberProblem('1234567890A')).toBe('format');
    expect(vatNumberProblem('00000000010')).toBe('zero_serial');
    const badOffice = `1234567101`;
    expect(vatNumberProblem(badOffice + vatCheckDigit(badOffice))).toBe('office_code');
    expect(vatNumberProblem('06363391002')).toBe('check_digit');
  });

  it('accepts the special office codes 120, 121, 888 and 999', () => {
    for (const office of ['120', '121', '888', '999']) {
      const body = `1234567${office}`;
      expect(isValidVatNumber(body + vatCheckDigit(body))).toBe(true);
    }
  });

  it('detects every single-digit change of a valid number (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, office, position, delta) => {
          const body = String(serial).padStart(7, '0') + String(office).padStart(3, '0');
          const valid = body + vatCheckDigit(body);
          expect(isValidVatNumber(valid)).toBe(true);
          const digits = [...valid];
          digits[position] = String((Number(digits[position]) + delta) % 10);
          const changed = digits.join('');
          // A changed office code may become invalid for that reason instead: still rejected.
          expect(isValidVatNumber(changed)).toBe(false);
        },
      ),
    );
  });
});
