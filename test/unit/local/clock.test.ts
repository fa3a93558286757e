// The scaled process clock of `npm start -- --time-scale X`: Date runs 1/X times faster, and a
// restart on the same data folder goes on from the time the clock had reached (never backwards).
// Each case runs in a child Node process, so the test runner's own Date is left alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const clockModule = fileURLToPath(new URL('../../../infra/local/clock.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'percorso-pmi-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Installs the clock in a fresh process, sleeps realMs, and reports clock and real times. */
function measure(scale: number, realMs: number) {
  const script = `
    const { installScaledClock } = await import(${JSON.stringify(clockModule)});
    const installed = installScaledClock({ scale: ${scale}, anchorFile: ${JSON.stringify(join(dir, 'clock.json'))} });
    const realStart = performance.now();
    const clockStart = Date.now();
    await new Promise((resolve) => setTimeout(resolve, ${realMs}));
    console.log(JSON.stringify({ installed, clockStart, clockEnd: new Date().getTime(), real: performance.now() - realStart, isDate: new Date() instanceof Date, text: typeof Date() }));
  `;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as {
    installed: boolean;
    clockStart: number;
    clockEnd: number;
    real: number;
    isDate: boolean;
    text: string;
  };
}

describe('the scaled process clock', () => {
  it('runs 1/scale times faster and goes on from where it was after a restart', () => {
    // Prepare
    const realBefore = Date.now();

    // Act
    const first = measure(0.001, 300);
    const second = measure(0.001, 100);

    // Assess: a clock second per real millisecond, within generous bounds for a loaded machine.
    expect(first.installed).toBe(true);
    expect(first.isDate).toBe(true);
    expect(first.text).toBe('string');
    const rate = (first.clockEnd - first.clockStart) / first.real;
    expect(rate).toBeGreaterThan(500);
    expect(rate).toBeLessThan(2000);
    expect(first.clockStart).toBeGreaterThanOrEqual(realBefore);
    expect(second.clockStart).toBeGreaterThan(first.clockEnd);
  }, 60_000);
});
