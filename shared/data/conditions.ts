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
