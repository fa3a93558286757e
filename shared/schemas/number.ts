// The one rule for a number a person or a client sends: finite, within what DynamoDB stores and
// JavaScript counts exactly (|x| ≤ 10^15, below Number.MAX_SAFE_INTEGER), and either 0 or at least
// 0.000001 in size (DynamoDB refuses 5e-324 as an underflow; nobody means 1e-200 euro). Each field
// then adds its own range with .min/.max/.int. Refused values get a field-named 422.
import * as z from 'zod';

/** The largest magnitude a stored number may have. */
export const largestStorableNumber = 1e15;
/** The smallest non-zero magnitude a stored number may have. */
export const smallestStorableNumber = 1e-6;

/** Whether DynamoDB stores the number exactly as JavaScript holds it. */
export function isStorableNumber(value: number): boolean {
  const size = Math.abs(value);
  return (
    Number.isFinite(value) && size <= largestStorableNumber && (value === 0 || size >= smallestStorableNumber)
  );
}

/** A number field: finite and storable (see {@link isStorableNumber}); chain the field's own range. */
export function storableNumber() {
  return z.number().refine(isStorableNumber, { message: 'validation.number.storable' });
}
