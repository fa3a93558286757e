import { describe, expect, it } from 'vitest';
import { isConditionFailure } from '#shared/data/conditions.ts';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });

describe('isConditionFailure', () => {
  it('treats a failed condition as "already done or not allowed"', () => {
    expect(isConditionFailure(named('ConditionalCheckFailedException'))).toBe(true);
    expect(
      isConditionFailure(
        named('TransactionCanceledException', {
          CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
        }),
      ),
    ).toBe(true);
  });

  it('leaves transaction conflicts, throttling and other errors to be thrown and retried', () => {
    expect(
      isConditionFailure(
        named('TransactionCanceledException', {
          CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
        }),
      ),
    ).toBe(false);
    expect(isConditionFailure(named('ProvisionedThroughputExceededException'))).toBe(false);
    expect(isConditionFailure('ConditionalCheckFailedException')).toBe(false);
  });
});
