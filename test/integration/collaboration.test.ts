// Collaboration between firms (MechNet) end to end on the local stack, as its people do it: managers
// record each firm's collaboration profile with the assessment (through its e-mailed link), the
// office reads the opportunities and proposes one (admin API, JSON), the firms join or decline from
// their e-mails, the coordinator verifies each cycle from his, the collaboration closes with its
// final report, and the office drafts, signs and files the network contract.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanItems } from '#shared/data/client.ts';
import { listCycleReports } from '#shared/data/collaborations.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { proposeCollaboration } from '#shared/use-cases/collaboration.ts';
import { planErasure } from '#shared/use-cases/privacy-erase.ts';
import { runAdminCli } from '../support/admin-cli.ts';
import { assessedFirm, collaborationProgramme } from '../support/collaboration-kit.ts';
import { eventually } from '../support/fixtures.ts';
import {
  apply,
  assessmentAnswer,
  emailTo,
  local,
  newManager,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

const admin = (path: string) => `${local.site}/admin${path}`;
const getJson = async (url: string) => {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

interface Overview {
  figures: Record<string, unknown>;
  opportunities: {
    id: string;
    kind: string;
    members: string[];
    estimatedBenefitEur: number;
    proposedAs: string | null;
  }[];
  collaborations: { collaborationId: string; status: string; benefitTotalEur: number }[];
}

/** The programme's collaborations page once the finder has found opportunities among its firms. */
const opportunitiesFound = (path: string) =>
  eventually(async () => {
    const body = (await getJson(admin(path))).body as unknown as Overview;
    return body.opportunities.length > 0 ? body : undefined;
  });

describe('collaboration between firms', () => {
  it('refuses an assessment without the profile where the programme asks it, and codes outside the catalogue', async () => {
    const manager = await newManager({ capacity: 1 });
    const programme = await collaborationProgramme([manager], { cycles: 1, noBenefitCycles: 1 });
    await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    const link = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    const page = await fetch(link, { headers: { Accept: 'text/html' } });
    const missing = await postJson(link, assessmentAnswer(false));
    const unknown = await postJson(link, {
      ...assessmentAnswer(false),
      collaboration: {
        interestedInNetwork: false,
        purchasing: [{ category: 'gold', annualSpendEur: 1000 }],
        offers: [{ kind: 'workforce', what: 'cnc_5_axis', hoursPerMonth: 10 }],
      },
    });
    expect(await page.text()).toContain('Collaborazione con le altre imprese');
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toMatch(/collaboration/);
    expect(unknown.status).toBe(422);
    const fields = (unknown.body.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(['collaboration.purchasing.0.category', 'collaboration.offers.0.what']);
  });

  it('runs from opportunity to closing: joins, verifications counted once, a flag, the final report, the network contract', async () => {
    const manager = await newManager({ capacity: 3 });
    // The coordinator is a manager of the programme with no room for new firms (offers go to the other).
    const coordinator = await newManager({ name: 'Carla Coordinatrice', capacity: 1, load: 1 });
    const programme = await collaborationProgramme([manager, coordinator], { cycles: 2, noBenefitCycles: 1 });
    const steel = (annualSpendEur: number) => [{ category: 'steel_bars', annualSpendEur }];
    const a = await assessedFirm(
      programme.id,
      manager,
      { purchasing: steel(100_000), offers: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 40 }] },
      1,
    );
    const b = await assessedFirm(
      programme.id,
      manager,
      { purchasing: steel(50_000), needs: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 30 }] },
      2,
    );
    const c = await assessedFirm(programme.id, manager, { purchasing: steel(25_000) }, 3);

    // The office reads the opportunities and proposes the purchasing group.
    const path = `/programmes/${programme.id}/collaborations`;
    // Each profile is stored by the journey's step after the answer: the office sees the three.
    const overview = await eventually(async () => {
      const body = (await getJson(admin(path))).body as unknown as Overview;
      return body.opportunities[0]?.members.length === 3 ? body : undefined;
    });
    const ids = overview.opportunities.map((o) => o.id);
    expect(ids).toEqual(['purchasing_group.steel_bars', 'resource_sharing.cnc_5_axis', 'network']);
    expect(overview.opportunities[0]).toMatchObject({ estimatedBenefitEur: 10_500, proposedAs: null });
    const badCoordinator = await postJson(admin(path), {
      opportunityId: 'purchasing_group.steel_bars',
      coordinatorManagerId: randomUUID(),
    });
    const unknownOpportunity = await postJson(admin(path), {
      opportunityId: 'purchasing_group.gold',
      coordinatorManagerId: coordinator.managerId,
    });
    const proposal = {
      opportunityId: 'purchasing_group.steel_bars',
      coordinatorManagerId: coordinator.managerId,
    };
    const [first, second] = await Promise.all([
      postJson(admin(path), proposal),
      postJson(admin(path), proposal),
    ]);
    expect(badCoordinator.status).toBe(422);
    expect(unknownOpportunity.status).toBe(404);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const collaborationId = (first.status === 201 ? first.body : second.body).collaborationId as string;

    // Each firm decides from its e-mail: a scanner's GET changes nothing, a POST acts once.
    const invitation = (sme: { smeEmail: string }) => emailTo(sme.smeEmail, /Invito a collaborare/);
    const linkA = taskLink(await invitation(a));
    const shown = await fetch(linkA, { headers: { Accept: 'text/html' } });
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(b.companyName);
    expect((await postJson(linkA, { decision: 'join', note: 'Volentieri' })).status).toBe(200);
    expect((await postJson(linkA, { decision: 'decline' })).status).toBe(409);
    expect((await postJson(taskLink(await invitation(c)), { decision: 'decline' })).status).toBe(200);
    expect((await postJson(taskLink(await invitation(b)), { decision: 'maybe' })).status).toBe(422);
    expect((await postJson(taskLink(await invitation(b)), { decision: 'join' })).status).toBe(200);
    await emailTo(a.smeEmail, /La collaborazione parte/);
    await emailTo(coordinator.email, /La collaborazione parte/);

    // Cycle 1: the report must name the members taking part, and only them.
    const report1 = taskLink(await emailTo(coordinator.email, /Verifica 1 di 2/));
    const onlyA = await postJson(report1, {
      benefits: [
        { applicationId: a.applicationId, economicBenefitEur: 4000, justification: 'Sconto volume' },
      ],
      status: 'active',
    });
    const stranger = await postJson(report1, {
      benefits: [
        { applicationId: a.applicationId, economicBenefitEur: 4000, justification: 'Sconto volume' },
        { applicationId: b.applicationId, economicBenefitEur: 0, justification: 'Nessun ordine' },
        { applicationId: c.applicationId, economicBenefitEur: 10, justification: 'Non aderisce' },
      ],
      status: 'active',
    });
    expect(onlyA.status).toBe(422);
    expect(stranger.status).toBe(422);
    const cycle1 = {
      benefits: [
        { applicationId: a.applicationId, economicBenefitEur: 4000, justification: 'Sconto volume del 6%' },
        { applicationId: b.applicationId, economicBenefitEur: 0, justification: 'Nessun ordine nel periodo' },
      ],
      status: 'active',
    };
    const [r1, r1Again] = await Promise.all([postJson(report1, cycle1), postJson(report1, cycle1)]);
    expect([r1.status, r1Again.status].sort()).toEqual([200, 409]);
    // No benefit for B in one cycle: the office is told.
    await emailTo(programme.officeEmail, new RegExp(`Nessun beneficio.*${b.companyName}`));

    // Cycle 2 (the last): the final report closes it.
    const report2 = taskLink(await emailTo(coordinator.email, /Verifica 2 di 2/, 1, 30_000));
    expect(
      (
        await postJson(report2, {
          benefits: [
            { applicationId: a.applicationId, economicBenefitEur: 1500.5, justification: 'Secondo lotto' },
            {
              applicationId: b.applicationId,
              economicBenefitEur: 2000,
              justification: 'Primo ordine comune',
            },
          ],
          status: 'ended',
          notes: 'Obiettivi raggiunti',
        })
      ).status,
    ).toBe(200);
    const closing = await emailTo(a.smeEmail, /Collaborazione conclusa/, 1, 30_000);
    expect(closing.text).toMatch(/Beneficio economico complessivo: 7500,50\s€/u);
    await emailTo(programme.officeEmail, /Collaborazione conclusa/);

    // The figures equal a recount of the reports: each benefit counted once.
    const reports = await listCycleReports(tableName, collaborationId);
    const recount = reports.flatMap((r) => r.benefits).reduce((sum, b) => sum + b.economicBenefitEur, 0);
    const detail = (await getJson(admin(`/collaborations/${collaborationId}`))).body;
    expect(reports.map((r) => r.cycle)).toEqual([1, 2]);
    expect(recount).toBe(7500.5);
    expect(detail).toMatchObject({ status: 'closed', benefitTotalEur: 7500.5, cyclesDone: 2 });
    const figures = ((await getJson(admin(path))).body as unknown as Overview).figures;
    expect(figures).toMatchObject({
      firmsTakingPart: 2,
      programmeFirms: 3,
      pooledPurchasingEur: 150_000,
      benefitTotalEur: 7500.5,
      networksFormed: 0,
      benefitByFirm: [
        { applicationId: a.applicationId, benefitEur: 5500.5 },
        { applicationId: b.applicationId, benefitEur: 2000 },
      ],
    });

    // The network contract: refused incomplete, saved, drafted, then signed once.
    const contractUrl = admin(`/collaborations/${collaborationId}/contract`);
    const incomplete = await postJson(contractUrl, { name: 'Rete Acciaio Varese' });
    expect(incomplete.status).toBe(422);
    const contract = {
      name: 'Rete Acciaio Varese',
      objectives: ['Ridurre il costo delle materie prime del 5%'],
      programme: 'Acquisti collettivi di acciaio e progettazione comune.',
      rightsAndObligations: 'Ogni impresa comunica i fabbisogni trimestrali.',
      durationMonths: 36,
      joiningRules: 'Nuove imprese con il consenso unanime.',
      withdrawalRules: 'Recesso con preavviso di sei mesi.',
      commonFund: {
        contributionsEur: { [a.applicationId]: 5000, [b.applicationId]: 2500 },
        rules: 'Spese comuni.',
      },
    };
    expect((await postJson(contractUrl, contract)).status).toBe(200);
    const draft = await fetch(contractUrl, { headers: { Accept: 'text/html' } });
    const draftHtml = await draft.text();
    expect(draft.status).toBe(200);
    expect(draftHtml).toContain('Rete Acciaio Varese');
    expect(draftHtml).toContain(a.companyName);
    expect(draftHtml).not.toContain(c.companyName);
    const signatureUrl = admin(`/collaborations/${collaborationId}/signature`);
    const signature = {
      signedOn: '2026-11-20',
      signatories: [a.applicationId, b.applicationId],
      filedOn: '2026-11-27',
      registryReference: 'VA-2026-1234',
    };
    expect(
      (await postJson(signatureUrl, { ...signature, signatories: [a.applicationId, c.applicationId] }))
        .status,
    ).toBe(422);
    expect((await postJson(signatureUrl, signature)).status).toBe(200);
    expect((await postJson(signatureUrl, signature)).status).toBe(409);
    expect((await postJson(contractUrl, contract)).status).toBe(409);
    const after = ((await getJson(admin(path))).body as unknown as Overview).figures;
    expect(after.networksFormed).toBe(1);

    // The export lists the collaboration and its members, with the benefits.
    const csv = await (await fetch(admin(`/programmes/${programme.id}/collaboration-members.csv`))).text();
    expect(csv).toContain(a.companyName);
    expect(csv.split('\n').filter((line) => line.includes(collaborationId))).toHaveLength(3);
  }, 180_000);

  it('does not start when fewer than two firms join in time, and frees the opportunity', async () => {
    const manager = await newManager({ capacity: 2 });
    const coordinator = await newManager({ capacity: 1, load: 1 });
    const programme = await collaborationProgramme([manager, coordinator], { cycles: 1, noBenefitCycles: 2 });
    const a = await assessedFirm(programme.id, manager, { brands: ['varese_precision'] }, 1);
    const b = await assessedFirm(programme.id, manager, { brands: ['varese_precision'] }, 2);
    const path = `/programmes/${programme.id}/collaborations`;
    const proposal = {
      opportunityId: 'brand_group.varese_precision',
      coordinatorManagerId: coordinator.managerId,
    };
    await opportunitiesFound(path);
    const proposed = await postJson(admin(path), proposal);
    expect(proposed.status).toBe(201);
    const linkA = taskLink(await emailTo(a.smeEmail, /Invito a collaborare/));
    expect((await postJson(linkA, { decision: 'join' })).status).toBe(200);
    // B never answers: a reminder, then the deadline.
    await emailTo(b.smeEmail, /Promemoria: Invito a collaborare/, 1, 30_000);
    const notStarted = await emailTo(a.smeEmail, /La collaborazione non parte/, 1, 30_000);
    expect(notStarted.text).toContain('meno di due imprese');
    const linkB = taskLink(await emailTo(b.smeEmail, /Invito a collaborare/));
    expect((await postJson(linkB, { decision: 'join' })).status).toBe(410);
    const overview = await eventually(async () => {
      const body = (await getJson(admin(path))).body as unknown as Overview;
      return body.collaborations[0]?.status === 'not_started' ? body : undefined;
    });
    expect(overview.opportunities.find((o) => o.id === proposal.opportunityId)?.proposedAs).toBeNull();
    expect((await postJson(admin(path), proposal)).status).toBe(201);
  }, 120_000);

  it('leaves the opportunity free when the workflow cannot be started, and says so', async () => {
    const manager = await newManager({ capacity: 2 });
    const coordinator = await newManager({ capacity: 1, load: 1 });
    const programme = await collaborationProgramme([manager, coordinator], { cycles: 1, noBenefitCycles: 2 });
    await assessedFirm(programme.id, manager, { brands: ['varese_precision'] }, 1);
    await assessedFirm(programme.id, manager, { brands: ['varese_precision'] }, 2);
    const path = `/programmes/${programme.id}/collaborations`;
    const proposal = {
      opportunityId: 'brand_group.varese_precision',
      coordinatorManagerId: coordinator.managerId,
    };
    await opportunitiesFound(path);
    const stored = await getProgramme(tableName, programme.id);
    if (!stored) throw new Error('programme not stored');

    // Step Functions refuses the start (here: a state machine that does not exist).
    const refused = await proposeCollaboration(
      {
        tableName,
        collaborationStateMachineArn: 'arn:aws:states:eu-south-1:000000000000:stateMachine:gone',
      },
      stored,
      proposal,
      'cli',
    );

    expect(refused).toEqual({ outcome: 'workflow_unavailable' });
    const overview = (await getJson(admin(path))).body as unknown as Overview;
    expect(overview.collaborations.map((c) => c.status)).toEqual(['not_started']);
    expect(overview.opportunities.find((o) => o.id === proposal.opportunityId)?.proposedAs).toBeNull();
    // The office proposes it again, and it starts.
    expect((await postJson(admin(path), proposal)).status).toBe(201);
  }, 120_000);

  it('closes when a member leaves and fewer than two remain, its benefit counted', async () => {
    const manager = await newManager({ capacity: 2 });
    const coordinator = await newManager({ capacity: 1, load: 1 });
    const programme = await collaborationProgramme([manager, coordinator], { cycles: 3, noBenefitCycles: 3 });
    const a = await assessedFirm(programme.id, manager, { brands: ['made_in_lombardy'] }, 1);
    const b = await assessedFirm(programme.id, manager, { brands: ['made_in_lombardy'] }, 2);
    const path = `/programmes/${programme.id}/collaborations`;
    await opportunitiesFound(path);
    const proposed = await postJson(admin(path), {
      opportunityId: 'brand_group.made_in_lombardy',
      coordinatorManagerId: coordinator.managerId,
    });
    expect(proposed.status).toBe(201);
    const note = `Referente per il marchio: ${randomUUID().slice(0, 8)}`;
    for (const sme of [a, b])
      expect(
        (
          await postJson(taskLink(await emailTo(sme.smeEmail, /Invito a collaborare/)), {
            decision: 'join',
            ...(sme === b ? { note } : {}),
          })
        ).status,
      ).toBe(200);
    // While the collaboration runs, a member's erasure is refused (its coordinator reports on it).
    expect((await planErasure(tableName, b.smeEmail)).refusals).toContainEqual({
      reason: 'collaboration_running',
      applicationId: b.applicationId,
      collaborationId: proposed.body.collaborationId,
    });
    const report = taskLink(await emailTo(coordinator.email, /Verifica 1 di 3/, 1, 30_000));
    const left = await postJson(report, {
      benefits: [
        {
          applicationId: a.applicationId,
          economicBenefitEur: 800,
          justification: 'Costo del marchio diviso',
        },
        { applicationId: b.applicationId, economicBenefitEur: 200, justification: 'Mezzo anno' },
      ],
      status: 'active',
      left: [b.applicationId],
    });
    expect(left.status).toBe(200);
    // One member left: fewer than two, so the collaboration closes after this cycle (not three).
    await emailTo(a.smeEmail, /Collaborazione conclusa/, 1, 30_000);
    const detail = (await getJson(admin(`/collaborations/${proposed.body.collaborationId}`))).body as {
      status: string;
      cyclesDone: number;
      benefitTotalEur: number;
      members: Record<string, { status: string; benefitEur: number }>;
    };
    expect(detail).toMatchObject({ status: 'closed', cyclesDone: 1, benefitTotalEur: 1000 });
    expect(detail.members[b.applicationId]).toMatchObject({ status: 'left', benefitEur: 200 });
    expect(detail.members[a.applicationId]).toMatchObject({ status: 'joined', benefitEur: 800 });

    // Once closed, the firm that left can be erased: its name leaves the collaboration (the other
    // member's stays), its answer's words go, its figures stay.
    const terms = [b.companyName, note];
    const naming = async () =>
      (await scanItems(tableName, { expression: 'attribute_exists(pk)', values: {} })).filter((item) =>
        terms.some((term) => JSON.stringify(item).includes(term)),
      );
    expect((await naming()).map((item) => item.type).sort()).toEqual(
      ['application', 'collaboration', 'collaboration-profile', 'human-task'].sort(),
    );
    const erased = await runAdminCli([
      'privacy',
      'erase',
      '--email',
      b.smeEmail,
      '--yes',
      '--endpoint',
      process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
      '--table',
      tableName,
      '--stepfunctions-endpoint',
      local.stepFunctions,
      '--outbox',
      local.outbox,
    ]);
    expect(erased.code, erased.stderr).toBe(0);
    expect(await naming()).toEqual([]);
    const after = (await getJson(admin(`/collaborations/${proposed.body.collaborationId}`)))
      .body as typeof detail & {
      members: Record<string, { companyName: string }>;
    };
    expect(after).toMatchObject({ status: 'closed', benefitTotalEur: 1000 });
    expect(after.members[b.applicationId]).toMatchObject({
      companyName: '—',
      status: 'left',
      benefitEur: 200,
    });
    expect(after.members[a.applicationId]).toMatchObject({ companyName: a.companyName, benefitEur: 800 });
  }, 120_000);
});
