// `demo edih`: a scaled M.I.A. Lombardia edition on the local stack, loaded the way its people
// would: 66 fictional customers apply through the public API; through the links in the local
// outbox their experts accept the offers and take the T0 DMA with a service plan, the office
// approves each plan and records its aid's COR, the providers record every service as delivered,
// and the experts take the T1 DMA. The services dashboard then shows the seed's figures scaled:
// 66 customers of which 60 SMEs, 60% training, €546,000 delivered of €780,000 planned (70%).
// Local stack only; customers already loaded are skipped.
import type { Manager } from '#shared/domain/manager.ts';
import {
  type DemoCustomer,
  demoEdihCustomers,
  demoEdihProgramme,
  demoEdihProgrammeId,
  demoEdihVatNumber,
} from '#shared/programmes/demo-edih.ts';
import type { CommandContext, ExitCode } from './commands.ts';
import { loadEach, localOutbox, runDemoJourney } from './demo.ts';

/** Six fictional experts of the EDIH's partners, with room for every customer at once. */
const demoExperts: Manager[] = [
  'Anna Bianchi',
  'Roberto Conti',
  'Silvia Marchetti',
  'Giorgio Rinaldi',
  'Laura Testa',
  'Matteo Vitali',
].map(
  (name, i): Manager => ({
    managerId: `8e4b1f6a-2c3d-4e5f-8a9b-00000000010${i + 1}`,
    name,
    email: `${name.toLowerCase().replace(' ', '.')}@mia-edih-demo.example.it`,
    languages: ['it', 'en'],
    atecoSections: ['C', 'H', 'J', 'K', 'O'],
    atecoDivisions: ['10', '13', '22', '25', '52', '62'],
    competences:
      i % 2 === 0
        ? ['digital', 'training', 'automationAndAi']
        : ['digital', 'dataManagementAndConnectedness'],
    provinces: ['MI', 'MB', 'BG', 'BS', 'CO', 'LC', 'VA', 'PV', 'LO', 'CR', 'MN', 'SO'],
    capacity: 12,
    load: 0,
    merit: 90 - i * 2,
    status: 'active',
    conflicts: [],
    createdAt: '2026-01-08T09:00:00.000Z',
  }),
);

function applicationOf(customer: DemoCustomer, n: number) {
  const [first = 'demo', last = 'cliente'] = customer.contactName.toLowerCase().split(' ');
  return {
    programmeId: demoEdihProgrammeId,
    company: {
      name: customer.name,
      vatNumber: demoEdihVatNumber(n),
      ...(customer.kind === 'public_body' ? { customerKind: 'public_body' } : {}),
      atecoCode: customer.atecoCode,
      atecoVersion: '2025',
      province: customer.province,
    },
    size: {
      employees: customer.employees,
      turnoverEur: customer.turnoverEur,
      balanceSheetEur: Math.round(customer.turnoverEur * 0.6),
    },
    contact: {
      name: customer.contactName,
      email: `${first}.${last}.${n}@mia-edih-demo.example.it`,
      language: 'it',
    },
    interests: ['digital'],
    stateAid: { linkedVatNumbers: [], deMinimis: [] },
    consent: { privacy: true },
  };
}

const dma = (n: number, lift: number) => {
  const score = (base: number) => Math.min(100, base + ((n * 7) % 15) + lift);
  return {
    digitalBusinessStrategy: score(35),
    digitalReadiness: score(40),
    humanCentricDigitalisation: score(30),
    dataManagementAndConnectedness: score(25),
    automationAndAi: score(20),
    greenDigitalisation: score(20),
  };
};

/** Loads the demo edition on the local stack. */
export async function demoEdihCommand(
  command: { readonly site?: string },
  context: CommandContext,
): Promise<ExitCode> {
  const { output } = context;
  const local = await localOutbox(command, context);
  if (!local) return 2;
  const { site, outbox } = local;
  const { getProgramme, putProgramme } = await import('#shared/data/programmes.ts');
  const { getManager, putManager } = await import('#shared/data/managers.ts');
  const { planValue } = await import('#shared/domain/services.ts');
  const { italianToday } = await import('#shared/domain/programme.ts');
  const programme = demoEdihProgramme(demoExperts.map((expert) => expert.managerId));
  if (!(await getProgramme(context.tableName, programme.id))) {
    await putProgramme(context.tableName, programme);
    output.out(`Loaded the programme ${programme.id} (the M.I.A. preset at a tenth of its size).`);
  }
  for (const expert of demoExperts)
    if (!(await getManager(context.tableName, expert.managerId))) await putManager(context.tableName, expert);

  const used = new Set<string>();
  const total = demoEdihCustomers.length;
  let loaded = 0;
  let skipped = 0;
  const loadCustomer = async (customer: DemoCustomer, n: number) => {
    // The expert, the office and the providers answer its links, up to the T1 DMA.
    const value = planValue(customer.plan, programme.services.catalogue).valueEur;
    const outcome = await runDemoJourney({
      site,
      outbox,
      used,
      application: applicationOf(customer, n),
      name: customer.name,
      answers: {
        offer: () => ({ decision: 'accept' }),
        assessment: () => ({
          dma: dma(n, 0),
          improvementAreas: ['digital'],
          findings: `${customer.name}: processi poco digitalizzati; il piano di servizi parte dalle competenze.`,
          servicePlan: customer.plan,
        }),
        financing: () => ({ decision: 'approve', amountEur: value }),
        registration: () => ({ cor: String(880_000 + n) }),
        delivery: () => ({ deliveredOn: italianToday(), hours: 8, participants: 5 }),
        followup: () => ({ dma: dma(n, 12) }),
      },
      lastKind: 'followup',
      withinSeconds: 180,
    });
    if (outcome === 'skipped') {
      skipped++;
      output.out(`${n}/${total} ${customer.name}: already loaded, skipped`);
      return;
    }
    loaded++;
    output.out(
      `${n}/${total} ${customer.name}: ${customer.plan.map((l) => `${l.quantity}× ${l.serviceId}`).join(', ')} delivered, T1 taken`,
    );
  };
  const failures = await loadEach(demoEdihCustomers, 6, loadCustomer, output);
  output.out(
    `EDIH demo: ${loaded} customer(s) served, ${skipped} already there, ${failures.length} failed. The dashboard: ${site}/admin/programmes/${programme.id}`,
  );
  return failures.length === 0 ? 0 : 1;
}
