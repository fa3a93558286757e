// Telling "the condition I wrote did not hold" (already done, not allowed now) from real failures
// (throttling, a transaction conflict), which must be thrown so the caller's retry can run.

/**
 * True for a failed ConditionExpression: ConditionalCheckFailedException, or a cancelled
 * transaction with at least one ConditionalCheckFailed reason (not a TransactionConflict).
 */
export function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
}

/**
 * Why each item of a cancelled transaction was refused ('ConditionalCheckFailed',
 * 'TransactionConflict', 'None'…), by the names the caller gives its items in order, so callers
 * read `reasons.budget`, never a position.
 * @returns undefined when the error is not a cancelled transaction (the caller rethrows)
 */
export function cancellationReasons<Name extends string>(
  error: unknown,
  itemNames: readonly Name[],
): Readonly<Record<Name, string>> | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return Object.fromEntries(itemNames.map((name, index) => [name, reasons[index]?.Code ?? 'None'])) as Record<
    Name,
    string
  >;
}

/**
 * Which items of a cancelled transaction failed their condition, by name.
 * @returns the names whose condition failed, or undefined when none did or the error is not a
 *   cancelled transaction (throttling, a conflict: the caller rethrows)
 */
export function failedConditions<Name extends string>(
  error: unknown,
  itemNames: readonly Name[],
): ReadonlySet<Name> | undefined {
  const reasons = cancellationReasons(error, itemNames);
  if (!reasons) return undefined;
  const failed = new Set(itemNames.filter((name) => reasons[name] === 'ConditionalCheckFailed'));
  return failed.size > 0 ? failed : undefined;
}
