// The local API throttles like the deployed stage: a rush on one method is answered 429 past its
// bucket, while the other methods keep working.
import { describe, expect, it } from 'vitest';
import { trafficLimits } from '#infra/api-capacity.ts';
import { local } from '../support/journey-kit.ts';

describe('the local API under a rush', () => {
  it('answers 429 past a method’s burst, and other methods still answer', async () => {
    // Act: the office's list of programmes asked for 5× its burst at once. Its bucket holds 40 and
    // refills 20 a second: the rush must reach the server within 8 s to see a 429, which holds even
    // when the other test files keep both CPUs busy (80 requests once took over 2 s to arrive).
    const rushSize = trafficLimits.admin.burst * 5;
    const rush = await Promise.all(
      Array.from({ length: rushSize }, () => fetch(`${local.site}/admin/programmes`, { method: 'HEAD' })),
    );
    const form = await fetch(`${local.site}/`, { headers: { Accept: 'text/html' } });
    const refused = rush.find((response) => response.status === 429);

    // Assess
    const statuses = rush.map((response) => response.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(
      trafficLimits.admin.burst,
    );
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    expect(refused?.headers.get('content-type')).toMatch(/^application\/json/);
    expect(form.status).toBe(200);
  });
});
