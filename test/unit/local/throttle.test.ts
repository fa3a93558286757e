// The local API's throttling: a bucket per method with its traffic class's rate and burst, as the
// deployed stage's method settings (infra/api-capacity.ts).
import { describe, expect, it } from 'vitest';
import { trafficLimits } from '#infra/api-capacity.ts';
import { methodThrottle, TokenBucket } from '#infra/local/throttle.ts';
import { routes } from '#shared/http/routes.ts';

describe('the local throttle', () => {
  it('lets a burst through, refuses the next, and refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(20, 40, () => now);
    const burst = Array.from({ length: 41 }, () => bucket.take());
    expect(burst.filter(Boolean)).toHaveLength(40);
    expect(burst.at(-1)).toBe(false);
    now += 49; // less than one token at 20/s
    expect(bucket.take()).toBe(false);
    now += 2;
    expect(bucket.take()).toBe(true);
    now += 60_000; // never more than the burst
    expect(Array.from({ length: 41 }, () => bucket.take()).filter(Boolean)).toHaveLength(40);
  });

  it('keeps each method apart, with its class’s limits', () => {
    const now = 0;
    const allowed = methodThrottle(() => now);
    const take = (route: keyof typeof routes, method: 'GET' | 'HEAD' | 'POST', times: number) =>
      Array.from({ length: times }, () => allowed(routes[route], method)).filter(Boolean).length;
    // The office's area is drained…
    expect(take('adminProgrammes', 'GET', 100)).toBe(trafficLimits.admin.burst);
    // …its other method, the form's submissions and the task links are untouched.
    expect(take('adminProgrammes', 'HEAD', 1)).toBe(1);
    expect(take('submitApplication', 'POST', 300)).toBe(trafficLimits.submissions.burst);
    expect(take('humanTask', 'POST', 1)).toBe(1);
    expect(take('applicationForm', 'GET', 700)).toBe(trafficLimits.pages.burst);
  });
});
