import { describe, expect, it } from 'vitest';
import { stageCounter } from '#shared/data/applications.ts';
import { medianStage } from '#shared/pages/dashboard.tsx';

describe('time per stage', () => {
  it('counts the time spent in the status left into log2 hour buckets', () => {
    const history = [{ status: 'eligible' as const, at: '2026-03-01T10:00:00.000Z' }];
    expect(stageCounter(history, '2026-03-01T10:30:00.000Z')).toBe('stage_eligible_h0');
    expect(stageCounter(history, '2026-03-01T12:00:00.000Z')).toBe('stage_eligible_h1');
    expect(stageCounter(history, '2026-03-05T14:00:00.000Z')).toBe('stage_eligible_h6');
    expect(stageCounter([], '2026-03-01T10:00:00.000Z')).toBeUndefined();
  });

  it('reads the median bucket from the counters', () => {
    const counters: Record<string, number> = {
      stage_eligible_h0: 1,
      stage_eligible_h3: 1,
      stage_eligible_h6: 3,
    };
    const count = (name: string) => counters[name] ?? 0;
    expect(medianStage(count, 'eligible')).toEqual({ from: 63, to: 127 });
    expect(medianStage(count, 'submitted')).toBeUndefined();
  });
});
