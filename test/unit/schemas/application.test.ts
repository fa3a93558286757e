import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '#shared/i18n/parse-number.ts';
import {
  compactStateAidRows,
  formFieldsToApplication,
  validateApplication,
} from '#shared/schemas/application.ts';
import { randomVatNumber } from '../../support/fixtures.ts';

const fixture = () => {
  const base = JSON.parse(
    readFileSync(new URL('../../events/application.valid.json', import.meta.url), 'utf8'),
  );
  base.company.vatNumber = randomVatNumber();
  return base;
};

describe('validateApplication', () => {
  it('accepts the documented JSON contract and derives the SME class and ATECO section', () => {
    // Prepare
    const input = fixture();
    input.company.vatNumber = `IT${input.company.vatNumber}`;

    // Act
    const result = validateApplication(input, 'it');

    // Assess
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.company.vatNumber).toMatch(/^\d{11}$/);
    expect(result.sme).toEqual({ sizeClass: 'small', isSme: true });
    expect(result.ateco).toMatchObject({ division: '25', section: 'C' });
    expect(result.value.contact.phone).toBe('+390331123456');
  });

  it('defaults the ATECO version to 2025 and accepts optional fields left empty', () => {
    const input = fixture();
    delete input.company.atecoVersion;
    input.company.website = '';
    delete input.contact.phone;
    const result = validateApplication(input, 'en');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.company.atecoVersion).toBe('2025');
      expect(result.value.company.website).toBeUndefined();
    }
  });

  it('reports every wrong field once, in form order, naming the field in the language asked', () => {
    // Prepare
    const input = fixture();
    const valid: string = input.company.vatNumber;
    input.company.vatNumber = valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10);
    input.company.atecoCode = '34.00';
    input.size.employees = 'many';
    delete input.contact.name;
    input.interests = [];
    input.consent.privacy = false;
    input.extra = 'x';

    // Act
    const italian = validateApplication(input, 'it');
    const english = validateApplication(input, 'en');

    // Assess
    expect(italian.ok).toBe(false);
    if (italian.ok || english.ok) return;
    expect(italian.errors.map((e) => e.field)).toEqual([
      'company.vatNumber',
      'company.atecoCode',
      'size.employees',
      'contact.name',
      'interests',
      'consent.privacy',
      'extra',
    ]);
    expect(italian.errors[0]?.message).toMatch(/^Partita IVA: /);
    expect(english.errors[0]?.message).toMatch(/^VAT number \(Partita IVA\): .*check digit/);
    expect(italian.errors[1]?.message).toContain('divisione 34');
    expect(english.errors[3]?.message).toBe('Full name of the contact person: this field is required.');
    expect(english.errors[5]?.message).toContain('privacy notice');
  });

  it('refuses provinces outside Lombardy and unknown interests', () => {
    const input = fixture();
    input.company.province = 'RM';
    input.interests = ['digital', 'astrology'];
    const result = validateApplication(input, 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { field: 'company.province', message: expect.stringContaining('Lombardy') },
        { field: 'interests', message: expect.stringContaining('choose one') },
      ]);
    }
  });

  it('refuses non-objects without throwing', () => {
    for (const input of [null, 'text', 42, []]) {
      const result = validateApplication(input, 'it');
      expect(result.ok).toBe(false);
    }
  });
});

describe('the HTML form fields', () => {
  it('become the JSON contract: dotted names, Italian numbers, repeated checkboxes, consent', () => {
    // Act
    const application = formFieldsToApplication(
      {
        programmeId: 'sviluppo-pmi',
        'company.name': 'Officina',
        'company.municipality': '',
        'size.employees': '12,5',
        'size.turnoverEur': '1.200.000,50',
        'size.balanceSheetEur': '900000',
        interests: ['digital', 'reshoring'],
        'consent.privacy': 'on',
        '__proto__.polluted': 'yes',
      },
      'it',
    );

    // Assess
    expect(application).toEqual({
      programmeId: 'sviluppo-pmi',
      company: { name: 'Officina' },
      size: { employees: 12.5, turnoverEur: 1_200_000.5, balanceSheetEur: 900_000 },
      interests: ['digital', 'reshoring'],
      consent: { privacy: true },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads the state aid declaration: linked firms one per line or by commas, aid rows with empty rows left out', () => {
    // Act
    const application = formFieldsToApplication(
      {
        'stateAid.linkedVatNumbers': ' 01234567897,\r\n12345678903 ; ',
        'stateAid.deMinimis.0.grantingBody': 'Regione Lombardia',
        'stateAid.deMinimis.0.grantedOn': '2025-03-01',
        'stateAid.deMinimis.0.amountEur': '12.500,50',
        'stateAid.deMinimis.0.regulation': 'Reg. (UE) 2023/2831',
        'stateAid.deMinimis.1.grantingBody': '',
        'stateAid.deMinimis.1.grantedOn': '',
        'stateAid.deMinimis.2.grantingBody': 'Camera di commercio',
      },
      'it',
    );
    const none = formFieldsToApplication({ 'stateAid.linkedVatNumbers': '' }, 'it');
    const notAsked = formFieldsToApplication({ 'company.name': 'x' }, 'it');

    // Assess
    expect(application.stateAid).toEqual({
      linkedVatNumbers: ['01234567897', '12345678903'],
      deMinimis: [
        {
          grantingBody: 'Regione Lombardia',
          grantedOn: '2025-03-01',
          amountEur: 12_500.5,
          regulation: 'Reg. (UE) 2023/2831',
        },
        { grantingBody: 'Camera di commercio' },
      ],
    });
    expect(none.stateAid).toEqual({ linkedVatNumbers: [], deMinimis: [] });
    expect(notAsked.stateAid).toBeUndefined();
  });

  it('renumbers the aid rows as the declaration does, so an error shown again sits beside its row', () => {
    // Prepare: the third row filled, the first two left empty
    const fields = {
      'company.name': 'Officina',
      'stateAid.deMinimis.0.grantingBody': '',
      'stateAid.deMinimis.2.grantingBody': 'Camera di commercio',
      'stateAid.deMinimis.2.amountEur': 'tanti',
    };

    // Act
    const validation = validateApplication(formFieldsToApplication(fields, 'en'), 'en');
    const shown = compactStateAidRows(fields);

    // Assess: the error names row 1 of the declaration, and the form shows that row there
    expect(validation.ok).toBe(false);
    const rowErrors = validation.ok ? [] : validation.errors.filter((e) => e.field.startsWith('stateAid.'));
    expect(rowErrors.map((error) => error.field)).toContain('stateAid.deMinimis.0.amountEur');
    expect(shown).toEqual({
      'company.name': 'Officina',
      'stateAid.deMinimis.0.grantingBody': 'Camera di commercio',
      'stateAid.deMinimis.0.grantedOn': '',
      'stateAid.deMinimis.0.amountEur': 'tanti',
      'stateAid.deMinimis.0.regulation': '',
    });
  });

  it('treats an unticked consent and no interests as answers to correct', () => {
    expect(formFieldsToApplication({ 'company.name': 'x' })).toMatchObject({
      interests: [],
      consent: { privacy: false },
    });
  });

  it('reads numbers in the form language first, then the other convention', () => {
    expect(parseLocaleNumber('1.800.000', 'en')).toBe(1_800_000);
    expect(parseLocaleNumber('1,800,000', 'en')).toBe(1_800_000);
    expect(parseLocaleNumber('1,800', 'it')).toBe(1.8);
    expect(parseLocaleNumber('1,800', 'en')).toBe(1800);
    expect(parseLocaleNumber('€ 2.400.000', 'it')).toBe(2_400_000);
    expect(parseLocaleNumber('12.5', 'it')).toBe(12.5);
    expect(parseLocaleNumber('twelve', 'it')).toBe('twelve');
  });
});

describe('form errors as a person reads them', () => {
  const errorsOf = (fields: Record<string, string>, lang: 'it' | 'en' = 'it') => {
    const result = validateApplication(
      formFieldsToApplication({ programmeId: 'sviluppo-pmi', ...fields }, lang),
      lang,
    );
    return result.ok ? [] : result.errors;
  };

  it('names each required field of a section left empty, so each is marked and linked', () => {
    const fields = errorsOf({ 'company.name': 'Officina' }).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['size.employees', 'size.turnoverEur', 'size.balanceSheetEur']),
    );
    expect(fields).not.toContain('size');
    expect(fields).toEqual(expect.arrayContaining(['contact.name', 'contact.email']));
  });

  it('says "required" for an empty province, and the province rule only for one outside Lombardy', () => {
    expect(errorsOf({ 'company.province': '' }).find((e) => e.field === 'company.province')?.message).toBe(
      'Provincia della sede operativa: campo obbligatorio.',
    );
    expect(
      errorsOf({ 'company.province': 'TO' }).find((e) => e.field === 'company.province')?.message,
    ).toMatch(/riservato alle imprese con sede in Lombardia/);
  });

  it('words the consent error as one clean sentence in both languages', () => {
    expect(errorsOf({}).find((e) => e.field === 'consent.privacy')?.message).toBe(
      'Per candidarti devi accettare l’informativa sulla privacy.',
    );
    expect(errorsOf({}, 'en').find((e) => e.field === 'consent.privacy')?.message).toBe(
      'You must accept the privacy notice to apply.',
    );
  });
});
