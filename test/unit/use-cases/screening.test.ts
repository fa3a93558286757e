import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import { firstIneligibility } from '#shared/use-cases/screen-application.ts';

const programme = findPreset('sviluppo-pmi')!;

function application(
  overrides: Partial<{
    province: string;
    atecoSection: string;
    sizeClass: string;
    isSme: boolean;
    submittedAt: string;
  }> = {},
) {
  return {
    applicationId: '6f1c0f0e-1b7a-4c55-9d43-3f0b7c1f5a10',
    programmeId: programme.id,
    status: 'submitted',
    statusHistory: [],
    submittedAt: overrides.submittedAt ?? '2026-11-23T10:00:00.000Z',
    language: 'it',
    company: {
      province: overrides.province ?? 'VA',
      atecoSection: overrides.atecoSection ?? 'C',
      atecoDivision: '25',
    },
    size: { sizeClass: overrides.sizeClass ?? 'small', isSme: overrides.isSme ?? true },
  } as unknown as ApplicationRecord;
}

describe('firstIneligibility', () => {
  it('accepts an SME from Lombardy in an open programme', () => {
    expect(firstIneligibility(application(), programme)).toBeUndefined();
  });

  it('names the first rule broken, in a fixed order', () => {
    const restrictive: Programme = {
      ...programme,
      closesOn: '2026-12-31',
      eligibility: {
        provinces: ['VA'],
        atecoSections: { version: '2025', sections: ['C'] },
        sizeClasses: ['micro', 'small'],
        customerTypes: ['sme'],
      },
    };
    expect(firstIneligibility(application({ submittedAt: '2027-01-01T08:00:00.000Z' }), restrictive)).toBe(
      'programme_closed',
    );
    expect(
      firstIneligibility(application({ isSme: false, sizeClass: 'large', province: 'MI' }), restrictive),
    ).toBe('not_sme');
    expect(firstIneligibility(application({ sizeClass: 'medium', province: 'MI' }), restrictive)).toBe(
      'size_class',
    );
    expect(firstIneligibility(application({ province: 'MI', atecoSection: 'F' }), restrictive)).toBe(
      'province',
    );
    expect(firstIneligibility(application({ atecoSection: 'F' }), restrictive)).toBe('ateco_section');
  });

  it('judges the window by the Italian date of submission (23:30 UTC on 31 December is already 1 January in Rome)', () => {
    const closing: Programme = { ...programme, closesOn: '2026-12-31' };
    expect(firstIneligibility(application({ submittedAt: '2026-12-31T23:30:00.000Z' }), closing)).toBe(
      'programme_closed',
    );
    expect(
      firstIneligibility(application({ submittedAt: '2026-12-31T22:59:00.000Z' }), closing),
    ).toBeUndefined();
  });
});
