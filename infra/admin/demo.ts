// `demo mechnet`: a MechNet edition on the local stack, loaded the way its people would: thirteen
// fictional Varese firms apply through the public API, a manager accepts each offer and records
// each assessment with the firm's collaboration profile through the links in the local outbox. At
// the end the office's collaborations page shows real opportunities. Local stack only; run it
// again and the firms already loaded are skipped.
import type { Manager } from '#shared/domain/manager.ts';
import { type DemoFirm, demoMechNetFirms, demoVatNumber } from '#shared/programmes/demo-mechnet.ts';
import type { CommandContext, ExitCode } from './commands.ts';
import { defaultLocalSite } from './target.ts';

const programmeId = 'mechnet';

/** Three fictional managers of the Varese mechanical sector, with room for the demo's firms. */
const demoManagers: Manager[] = ['Alberto Brusa', 'Federica Lattuada', 'Nicola Macchi'].map((name, i) => ({
  managerId: `6d0c8a2e-5b7f-4c3e-9a1d-00000000000${i + 1}`,
  name,
  email: `${name.toLowerCase().replace(' ', '.')}@mechnet-demo.example.it`,
  languages: ['it'],
  atecoSections: ['C'],
  atecoDivisions: ['25', '28'],
  competences: ['digital', 'supply_chain'],
  provinces: ['VA'],
  capacity: 6,
  load: 0,
  merit: 82 - i * 3,
  status: 'active',
  conflicts: [],
  createdAt: '2026-01-12T09:00:00.000Z',
}));

export interface OutboxMessage {
  subject: string;
  text: string;
}

/** The task links in an e-mail's text. */
export const taskLinks = (text: string) =>
  [...text.matchAll(/https?:\/\/\S+\/tasks\/[A-Za-z0-9_-]{43}/g)].map((m) => m[0]);

/**
 * The local stack's outbox at `site`, or undefined (said on stderr) when the stack is not answering
 * or the target is not local: the demos act on the local stack only.
 */
export async function localOutbox(
  command: { readonly site?: string },
  context: CommandContext,
): Promise<{ site: string; outbox: () => Promise<OutboxMessage[]> } | undefined> {
  if (context.target.kind !== 'local') {
    context.output.err('Refused: the demo loads fictional firms, on the local stack only (drop --aws).');
    return undefined;
  }
  const site = (command.site ?? defaultLocalSite).replace(/\/+$/, '');
  const outbox = async (): Promise<OutboxMessage[]> => {
    const response = await fetch(`${site}/_local/outbox`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`the outbox answered ${response.status}`);
    return (await response.json()) as OutboxMessage[];
  };
  try {
    await outbox();
  } catch (error) {
    context.output.err(
      `The local stack is not answering at ${site} (${(error as Error).message}). Start it with npm start, or pass --site URL.`,
    );
    return undefined;
  }
  return { site, outbox };
}

function applicationOf(firm: DemoFirm, n: number) {
  const [first = 'demo', last = 'firm'] = firm.contactName.toLowerCase().split(' ');
  return {
    programmeId,
    company: {
      name: firm.name,
      vatNumber: demoVatNumber(n),
      atecoCode: firm.atecoCode,
      atecoVersion: '2025',
      province: 'VA',
      municipality: firm.municipality,
    },
    size: {
      employees: firm.employees,
      turnoverEur: firm.turnoverEur,
      balanceSheetEur: Math.round(firm.turnoverEur * 0.7),
    },
    contact: { name: firm.contactName, email: `${first}.${last}@mechnet-demo.example.it`, language: 'it' },
    interests: ['supply_chain', 'digital'],
    stateAid: { linkedVatNumbers: [], deMinimis: [] },
    consent: { privacy: true },
  };
}

function assessmentOf(firm: DemoFirm, n: number) {
  const score = (base: number) => Math.min(100, base + ((n * 7) % 15));
  return {
    dma: {
      digitalBusinessStrategy: score(35),
      digitalReadiness: score(40),
      humanCentricDigitalisation: score(30),
      dataManagementAndConnectedness: score(25),
      automationAndAi: score(30),
      greenDigitalisation: score(20),
    },
    improvementAreas: ['supply_chain', 'digital'],
    findings: `${firm.name}: parte della filiera meccanica varesina; margini di collaborazione su acquisti, macchine e servizi.`,
    projectRecommended: false,
    collaboration: firm.profile,
  };
}

const postJson = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });

/**
 * A demo firm's journey, driven as its people would: it applies through the public API (409: it
 * was loaded already), then every task link e-mailed about it is answered by its kind, until the
 * `lastKind` task is.
 * @param used - links already followed, shared by the firms of a run
 */
export async function runDemoJourney(run: {
  readonly site: string;
  readonly outbox: () => Promise<OutboxMessage[]>;
  readonly used: Set<string>;
  readonly application: unknown;
  readonly name: string;
  readonly answers: Readonly<Record<string, () => unknown>>;
  readonly lastKind: string;
  readonly withinSeconds: number;
}): Promise<'skipped' | 'done'> {
  const response = await postJson(`${run.site}/applications`, run.application);
  if (response.status === 409) return 'skipped';
  if (response.status !== 201)
    throw new Error(`applying answered ${response.status}: ${await response.text()}`);
  const deadline = Date.now() + run.withinSeconds * 1000;
  for (;;) {
    if (Date.now() > deadline)
      throw new Error(
        `no ${run.lastKind} task answered within ${run.withinSeconds} s (are the demo's people free?)`,
      );
    const messages = (await run.outbox()).filter((m) => m.text.includes(run.name));
    for (const link of messages.flatMap((m) => taskLinks(m.text))) {
      if (run.used.has(link)) continue;
      run.used.add(link);
      const task = await fetch(link, { headers: { Accept: 'application/json' } });
      if (task.status !== 200) continue;
      const { kind } = (await task.json()) as { kind: string };
      const answer = run.answers[kind]?.();
      if (answer === undefined) continue;
      const posted = await postJson(link, answer);
      if (posted.status !== 200)
        throw new Error(`the ${kind} answer got ${posted.status}: ${await posted.text()}`);
      if (kind === run.lastKind) return 'done';
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

/**
 * Loads each of a demo's firms (`load(item, n)`, n from 1), so many at a time; a firm that fails is
 * said on stderr and the others go on. @returns the failures, one line each
 */
export async function loadEach<T extends { readonly name: string }>(
  items: readonly T[],
  atOnce: number,
  load: (item: T, n: number) => Promise<void>,
  output: CommandContext['output'],
): Promise<string[]> {
  const queue = items.map((item, i) => ({ item, n: i + 1 }));
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          await load(next.item, next.n);
        } catch (error) {
          failures.push(`${next.item.name}: ${(error as Error).message}`);
          output.err(`${next.n}/${items.length} ${next.item.name}: FAILED — ${(error as Error).message}`);
        }
      }
    }),
  );
  return failures;
}

/** Loads the demo edition on the local stack. */
export async function demoMechNetCommand(
  command: { readonly site?: string },
  context: CommandContext,
): Promise<ExitCode> {
  const { output } = context;
  const local = await localOutbox(command, context);
  if (!local) return 2;
  const { site, outbox } = local;
  const { getProgramme, putProgramme } = await import('#shared/data/programmes.ts');
  const { getManager, putManager } = await import('#shared/data/managers.ts');
  const { findPreset } = await import('#shared/programmes/presets.ts');
  if (!(await getProgramme(context.tableName, programmeId))) {
    const preset = findPreset(programmeId);
    if (!preset) throw new Error('the MechNet preset is missing');
    await putProgramme(context.tableName, preset);
    output.out('Loaded the MechNet programme (preset).');
  }
  for (const manager of demoManagers) {
    if (!(await getManager(context.tableName, manager.managerId)))
      await putManager(context.tableName, manager);
  }
  const used = new Set<string>();
  const total = demoMechNetFirms.length;
  let loaded = 0;
  let skipped = 0;
  const loadFirm = async (firm: DemoFirm, n: number) => {
    // Its manager accepts the offer and records the assessment with the firm's profile.
    const outcome = await runDemoJourney({
      site,
      outbox,
      used,
      application: applicationOf(firm, n),
      name: firm.name,
      answers: { offer: () => ({ decision: 'accept' }), assessment: () => assessmentOf(firm, n) },
      lastKind: 'assessment',
      withinSeconds: 90,
    });
    if (outcome === 'skipped') {
      skipped++;
      output.out(`${n}/${total} ${firm.name}: already loaded, skipped`);
      return;
    }
    loaded++;
    output.out(`${n}/${total} ${firm.name}: assessed, collaboration profile recorded`);
  };
  // Four at a time: quick, and never more offers than the demo managers can take at once.
  const failures = await loadEach(demoMechNetFirms, 4, loadFirm, output);
  output.out(
    `MechNet demo: ${loaded} firm(s) loaded, ${skipped} already there, ${failures.length} failed. The opportunities: ${site}/admin/programmes/${programmeId}/collaborations`,
  );
  return failures.length === 0 ? 0 : 1;
}
