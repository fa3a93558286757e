// `npm run admin -- demo mechnet` against the local stack, as a developer runs it after npm start:
// thirteen firms apply and are assessed through the public API and their task links, so the
// office's collaborations page shows opportunities among them; a second run loads nothing twice.
import { describe, expect, it } from 'vitest';
import { runAdminCli } from '../support/admin-cli.ts';
import { local } from '../support/journey-kit.ts';

describe('the MechNet demo', () => {
  it('loads thirteen assessed firms with their profiles, once, and the office sees their opportunities', async () => {
    const args = [
      'demo',
      'mechnet',
      '--site',
      local.site,
      '--endpoint',
      process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
    ];
    const first = await runAdminCli(args);
    expect(first.stderr).not.toMatch(/FAILED/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/13 firm\(s\) loaded, 0 already there, 0 failed/);
    expect(first.stdout).toMatch(/13\/13 Galvanica Valle Olona S\.r\.l\.: assessed/);

    const page = await fetch(`${local.site}/admin/programmes/mechnet/collaborations`, {
      headers: { Accept: 'application/json' },
    });
    const body = (await page.json()) as {
      figures: { programmeFirms: number };
      opportunities: { id: string; members: string[] }[];
    };
    expect(body.figures.programmeFirms).toBe(13);
    const ids = body.opportunities.map((o) => o.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'purchasing_group.steel_bars',
        'resource_sharing.cnc_5_axis',
        'resource_sharing.galvanic_treatment',
        'brand_group.varese_precision',
        'network',
      ]),
    );
    // The galvanic firm treats the machining firms' parts: its offer is paired with their needs.
    expect(
      body.opportunities.find((o) => o.id === 'resource_sharing.galvanic_treatment')?.members.length,
    ).toBeGreaterThan(5);

    const again = await runAdminCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 firm\(s\) loaded, 13 already there, 0 failed/);
  }, 180_000);

  it('refuses the deployed stack, and says what to do when the local one is not running', async () => {
    const aws = await runAdminCli(['demo', 'mechnet', '--aws']);
    expect(aws.code).toBe(2);
    expect(aws.stderr).toMatch(/local stack only/);
    const down = await runAdminCli([
      'demo',
      'mechnet',
      '--site',
      'http://127.0.0.1:9',
      '--endpoint',
      process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
    ]);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/not answering at http:\/\/127\.0\.0\.1:9.*npm start/);
  });
});
