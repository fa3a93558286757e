import { describe, expect, it } from 'vitest';
import { classifyEnterprise } from '#shared/domain/sme-size.ts';

describe('SME size class (Recommendation 2003/361/EC)', () => {
  it.each([
    [{ employees: 9, turnoverEur: 2_000_000, balanceSheetEur: 5_000_000 }, 'micro'],
    [{ employees: 9, turnoverEur: 3_000_000, balanceSheetEur: 2_000_000 }, 'micro'],
    [{ employees: 10, turnoverEur: 100_000, balanceSheetEur: 100_000 }, 'small'],
    [{ employees: 9, turnoverEur: 2_000_001, balanceSheetEur: 2_000_001 }, 'small'],
    [{ employees: 49.9, turnoverEur: 10_000_000, balanceSheetEur: 20_000_000 }, 'small'],
    [{ employees: 50, turnoverEur: 1_000_000, balanceSheetEur: 1_000_000 }, 'medium'],
    [{ employees: 249, turnoverEur: 50_000_000, balanceSheetEur: 60_000_000 }, 'medium'],
    [{ employees: 249, turnoverEur: 80_000_000, balanceSheetEur: 43_000_000 }, 'medium'],
  ])(
    'classifies %o as %s: headcount below the ceiling and turnover OR balance sheet within it',
    (size, sizeClass) => {
      expect(classifyEnterprise(size)).toEqual({ sizeClass, isSme: true });
    },
  );

  it('is not an SME at 250 work units, whatever the figures', () => {
    expect(classifyEnterprise({ employees: 250, turnoverEur: 1, balanceSheetEur: 1 })).toEqual({
      sizeClass: 'large',
      isSme: false,
      notSmeReason: 'headcount',
    });
  });

  it('is not an SME when both turnover and balance sheet exceed the medium ceilings', () => {
    expect(
      classifyEnterprise({ employees: 100, turnoverEur: 50_000_001, balanceSheetEur: 43_000_001 }),
    ).toMatchObject({ isSme: false, notSmeReason: 'financial' });
  });

  it('is not an SME when public bodies control 25% or more', () => {
    const size = { employees: 5, turnoverEur: 100_000, balanceSheetEur: 100_000 };
    expect(classifyEnterprise({ ...size, publicControlPercent: 25 })).toMatchObject({
      isSme: false,
      notSmeReason: 'public_control',
    });
    expect(classifyEnterprise({ ...size, publicControlPercent: 24.9 })).toMatchObject({
      isSme: true,
      sizeClass: 'micro',
    });
  });
});
