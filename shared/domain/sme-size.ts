// SME size classes per Commission Recommendation 2003/361/EC: headcount in annual work units (AWU)
// and turnover OR balance-sheet total; an enterprise 25% or more controlled by public bodies is
// not an SME whatever its size.

export const smeSizeClasses = ['micro', 'small', 'medium'] as const;
export type SmeSizeClass = (typeof smeSizeClasses)[number];
export type EnterpriseSizeClass = SmeSizeClass | 'large';

/** Why an enterprise is not an SME; codes, safe for logs. */
export type NotSmeReason = 'headcount' | 'financial' | 'public_control';

export interface EnterpriseSize {
  /** Annual work units (full-time equivalents over the reference year). */
  readonly employees: number;
  readonly turnoverEur: number;
  readonly balanceSheetEur: number;
  /** Capital or voting rights held, directly or jointly, by public bodies (0–100). */
  readonly publicControlPercent?: number | undefined;
}

export interface EnterpriseClassification {
  readonly sizeClass: EnterpriseSizeClass;
  readonly isSme: boolean;
  readonly notSmeReason?: NotSmeReason;
}

/** Ceilings of each class (Article 2 of the Annex): headcount strictly below, euros at most. */
export const smeCeilings = [
  { sizeClass: 'micro', employeesBelow: 10, turnoverEur: 2_000_000, balanceSheetEur: 2_000_000 },
  { sizeClass: 'small', employeesBelow: 50, turnoverEur: 10_000_000, balanceSheetEur: 10_000_000 },
  { sizeClass: 'medium', employeesBelow: 250, turnoverEur: 50_000_000, balanceSheetEur: 43_000_000 },
] as const satisfies readonly {
  sizeClass: SmeSizeClass;
  employeesBelow: number;
  turnoverEur: number;
  balanceSheetEur: number;
}[];

/** The public-control share from which an enterprise is not an SME (Article 3(4) of the Annex). */
export const publicControlLimitPercent = 25;

/**
 * Classifies an enterprise: the smallest class whose headcount ceiling it is under and whose
 * turnover or balance-sheet ceiling (either one suffices) it does not exceed.
 */
export function classifyEnterprise(size: EnterpriseSize): EnterpriseClassification {
  if ((size.publicControlPercent ?? 0) >= publicControlLimitPercent) {
    return { sizeClass: 'large', isSme: false, notSmeReason: 'public_control' };
  }
  for (const ceiling of smeCeilings) {
    const financialOk =
      size.turnoverEur <= ceiling.turnoverEur || size.balanceSheetEur <= ceiling.balanceSheetEur;
    if (size.employees < ceiling.employeesBelow && financialOk) {
      return { sizeClass: ceiling.sizeClass, isSme: true };
    }
  }
  const medium = smeCeilings[2];
  return {
    sizeClass: 'large',
    isSme: false,
    notSmeReason: size.employees >= medium.employeesBelow ? 'headcount' : 'financial',
  };
}
