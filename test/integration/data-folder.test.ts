// One local stack per data folder: a second `npm start -- --fresh` on the folder a live stack uses is
// refused before it deletes anything, and the live stack's data stays; a killed stack's leftover
// mark does not block the next start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startChildStack } from '../support/child-stack.ts';
import { validApplication } from '../support/fixtures.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'pmi-data-folder-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the data folder of npm start', () => {
  it('refuses a second stack (even with --fresh) on a folder a live stack uses, keeping its data', async () => {
    // Prepare: a live stack with one application.
    const first = await startChildStack({ dataDir, port: await freePort() });
    try {
      const applied = await fetch(`${first.site}/applications`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(validApplication()),
      });
      const { statusUrl } = (await applied.json()) as { statusUrl: string };

      // Act
      const second = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'infra/local/start.ts',
          '--fresh',
          '--data-dir',
          dataDir,
          '--port',
          String(await freePort()),
        ],
        { cwd: root, encoding: 'utf8', timeout: 60_000 },
      );
      const stillThere = await fetch(statusUrl, { headers: { Accept: 'application/json' } });

      // Assess
      expect(second.status).toBe(2);
      expect(second.stderr).toMatch(/Another npm start \(process \d+\) is using/);
      expect(stillThere.status).toBe(200);
    } finally {
      await first.kill();
    }

    // A killed stack leaves its mark; the next start goes ahead.
    const next = await startChildStack({ dataDir, port: await freePort() });
    await next.stop();
  }, 240_000);
});
