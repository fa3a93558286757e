// The scaled replay of M.I.A. Lombardia's figures: `npm run admin -- demo edih` against the local
// stack, as a developer runs it after npm start. 66 customers apply and are served through the
// public API and their task links; the services dashboard then reads like the seed divided by ten:
// 66 customers of which 60 SMEs, 60% of the services training and 40% consulting, €546,000
// delivered of €780,000 planned — 70%.
import { describe, expect, it } from 'vitest';
import type { ServicesFigures } from '#shared/domain/services-figures.ts';
import { runAdminCli } from '../support/admin-cli.ts';
import { local } from '../support/journey-kit.ts';

describe('the EDIH demo (scaled replay of the seed)', () => {
  it('serves 66 customers and the dashboard says 546.000 € of 780.000 € planned, 70%', async () => {
    const args = [
      'demo',
      'edih',
      '--site',
      local.site,
      '--endpoint',
      process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
    ];
    const run = await runAdminCli(args);
    expect(run.stderr).not.toMatch(/FAILED/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/66 customer\(s\) served, 0 already there, 0 failed/);

    const dashboard = `${local.site}/admin/programmes/mia-edih-demo`;
    const { services } = (await (
      await fetch(dashboard, { headers: { Accept: 'application/json' } })
    ).json()) as {
      services: ServicesFigures;
    };
    expect(services).toMatchObject({
      customersReached: 66,
      smesReached: 60,
      byCustomerType: { sme: 60, small_midcap: 3, large: 2, public_body: 1 },
      plannedEur: 780_000,
      deliveredEur: 546_000,
      deliveredPercent: 70,
      servicesDelivered: 100,
      byMode: {
        training: { services: 60, servicesPercent: 60 },
        consulting: { services: 40, servicesPercent: 40 },
      },
      dma: { customers: 66 },
    });
    expect(services.dma.t1.overall).toBeGreaterThan(services.dma.t0.overall);
    const page = await (await fetch(`${dashboard}?lang=it`, { headers: { Accept: 'text/html' } })).text();
    expect(page).toMatch(/Servizi erogati per 546\.000\s€ su 780\.000\s€ pianificati \(70%\)/);
    expect(page).toMatch(/Clienti raggiunti: 66, di cui PMI 60\./);

    const again = await runAdminCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 customer\(s\) served, 66 already there, 0 failed/);
  }, 400_000);
});
