import { describe, expect, it } from 'vitest';
import { atecoSections, parseAtecoCode } from '#shared/domain/ateco.ts';
import { isValidEmail, isValidPhone, normaliseEmail, normalisePhone } from '#shared/domain/contact.ts';
import { isLombardyProvince, lombardyProvinceCodes } from '#shared/domain/lombardy.ts';

describe('ATECO codes', () => {
  it('reads the ways people write a code and finds its division and section', () => {
    expect(parseAtecoCode('25.62.00')).toEqual({ ok: true, code: '25.62.00', division: '25', section: 'C' });
    expect(parseAtecoCode(' 256200 ')).toMatchObject({ ok: true, code: '25.62.00', section: 'C' });
    expect(parseAtecoCode('62.1')).toMatchObject({ ok: true, division: '62', section: 'K' });
    expect(parseAtecoCode('01')).toMatchObject({ ok: true, section: 'A' });
  });

  it('uses the version: 62 is J in ATECO 2007 but K in ATECO 2025; 45 exists only in 2007', () => {
    expect(parseAtecoCode('62.01.00', '2007')).toMatchObject({ ok: true, section: 'J' });
    expect(parseAtecoCode('62.01.00', '2025')).toMatchObject({ ok: true, section: 'K' });
    expect(parseAtecoCode('45.20.10', '2007')).toMatchObject({ ok: true, section: 'G' });
    expect(parseAtecoCode('45.20.10', '2025')).toEqual({ ok: false, problem: 'division' });
    expect(parseAtecoCode('99.00.00', '2025')).toMatchObject({ ok: true, section: 'V' });
  });

  it('rejects malformed codes and divisions that do not exist', () => {
    expect(parseAtecoCode('2562')).toMatchObject({ ok: true, code: '25.62' });
    expect(parseAtecoCode('25-62-00')).toEqual({ ok: false, problem: 'format' });
    expect(parseAtecoCode('C25')).toEqual({ ok: false, problem: 'format' });
    expect(parseAtecoCode('25.621.0')).toEqual({ ok: false, problem: 'format' });
    expect(parseAtecoCode('34.10.00')).toEqual({ ok: false, problem: 'division' });
    expect(parseAtecoCode('00')).toEqual({ ok: false, problem: 'division' });
  });

  it('lists 21 sections in 2007 (A–U) and 22 in 2025 (A–V)', () => {
    expect(atecoSections('2007').join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(atecoSections('2025').join('')).toBe('ABCDEFGHIJKLMNOPQRSTUV');
  });
});

describe('Lombardy provinces', () => {
  it('has the twelve provinces and nothing else', () => {
    expect([...lombardyProvinceCodes].sort()).toEqual([
      'BG',
      'BS',
      'CO',
      'CR',
      'LC',
      'LO',
      'MB',
      'MI',
      'MN',
      'PV',
      'SO',
      'VA',
    ]);
    expect(isLombardyProvince('mi')).toBe(true);
    expect(isLombardyProvince('RM')).toBe(false);
    expect(isLombardyProvince('toString')).toBe(false);
  });
});

describe('contact formats', () => {
  it('accepts ordinary addresses and normalises the domain', () => {
    expect(isValidEmail('Giulia.Brambilla@Example.IT')).toBe(true);
    expect(normaliseEmail(' Giulia@Example.IT ')).toBe('Giulia@example.it');
    for (const bad of ['giulia', 'giulia@', '@example.it', 'giulia@example', 'a b@example.it']) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
    expect(isValidEmail(`${'a'.repeat(250)}@x.it`)).toBe(false);
  });

  it('accepts Italian and international phone numbers as typed', () => {
    expect(normalisePhone('+39 02 1234.5678')).toBe('+390212345678');
    expect(normalisePhone('0039 (0331) 123-456')).toBe('+390331123456');
    for (const good of ['02 1234567', '347 123 4567', '+41 91 123 45 67']) {
      expect(isValidPhone(good), good).toBe(true);
    }
    for (const bad of ['12345', 'call me', '+39 02 1234567 ext 5', '+0 123456', '8123456']) {
      expect(isValidPhone(bad), bad).toBe(false);
    }
  });
});
