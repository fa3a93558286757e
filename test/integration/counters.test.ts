// Programme counters move in the same write as the event they count: they never drift from the
// records, and the budget can never be over-committed, whatever runs at the same time. The
// randomised run drives journeys through the e-mailed links to every outcome, then recounts every
// dashboard figure from the application, assessment, project and reservation items in the table.
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { getAssessment } from '#shared/data/assessments.ts';
import { documentClient } from '#shared/data/client.ts';
import { reserveProgrammeBudget } from '#shared/data/programme-budget.ts';
import { getProgramme, getProgrammeCounters } from '#shared/data/programmes.ts';
import { keys } from '#shared/data/table-design.ts';
import type { ApplicationRecord, StatusChange } from '#shared/domain/application.ts';
import { lombardyProvinceCodes } from '#shared/domain/lombardy.ts';
import type { Manager } from '#shared/domain/manager.ts';
import { funnelSteps } from '#shared/pages/dashboard.tsx';
import { dashboardFigures } from '#shared/use-cases/programme-dashboard.ts';
import { eventually, seededRandom, validApplication } from '../support/fixtures.ts';
import {
  apply,
  assessmentAnswer,
  executionArn,
  finished,
  local,
  newManager,
  newProgramme,
  type OutboxMessage,
  outbox,
  postJson,
  sfn,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

/**
 * The run's seed: COUNTERS_SEED replays a failed run's plan (the interleaving of the concurrent
 * journeys is the engine's, so a replay exercises the same mix, not the same schedule).
 */
const seed = process.env.COUNTERS_SEED
  ? Number(process.env.COUNTERS_SEED)
  : Math.floor(Math.random() * 2 ** 32);

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  let roll = random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]?.[0] as T;
}

const maxOffers = 3;
const perProjectCapEur = 50_000;

/** What one applicant and the people around it will do, drawn before anything runs. */
interface JourneyPlan {
  /** Eligible, or the rule the application breaks. */
  readonly screening: 'eligible' | 'province' | 'size_class' | 'not_sme';
  /** Offers declined before one is accepted; `maxOffers` declines escalate to the programme office. */
  readonly declines: number;
  /** The office's answer to that escalation: close the journey, or assign a roster manager by hand. */
  readonly office: 'close' | 'assign';
  readonly assignManager: number;
  /** Where the SME withdraws from its status page, if it does. */
  readonly withdrawAt: 'never' | 'submitted' | 'offer' | 'assessment' | 'financing';
  readonly projectRecommended: boolean;
  readonly financing: { decision: 'reject'; reason: string } | { decision: 'approve'; amountEur: number };
}

function planJourney(random: () => number, managers: number): JourneyPlan {
  return {
    screening: pick(random, [
      ['eligible', 80],
      ['province', 7],
      ['size_class', 7],
      ['not_sme', 6],
    ]),
    declines: pick(random, [
      [0, 55],
      [1, 20],
      [2, 10],
      [maxOffers, 15],
    ]),
    office: random() < 0.5 ? 'close' : 'assign',
    assignManager: Math.floor(random() * managers),
    withdrawAt: pick(random, [
      ['never', 76],
      ['submitted', 6],
      ['offer', 6],
      ['assessment', 6],
      ['financing', 6],
    ]),
    projectRecommended: random() < 0.75,
    financing:
      random() < 0.3
        ? { decision: 'reject', reason: 'Progetto non coerente con il bando' }
        : {
            decision: 'approve',
            // One in six asks more than the per-project cap, which closes the journey as rejected.
            amountEur:
              random() < 1 / 6
                ? perProjectCapEur + 1_000 * (1 + Math.floor(random() * 15))
                : 1_000 * (10 + Math.floor(random() * 36)),
          },
  };
}

/** An application for the plan's screening: the fixture is a small firm in Varese (VA). */
async function applyAs(programmeId: string, screening: JourneyPlan['screening']) {
  return apply(programmeId, 'it', (application) => {
    if (screening === 'province') application.company.province = 'BG';
    if (screening === 'size_class')
      application.size = { employees: 120, turnoverEur: 30_000_000, balanceSheetEur: 25_000_000 };
    if (screening === 'not_sme')
      application.size = { employees: 400, turnoverEur: 90_000_000, balanceSheetEur: 80_000_000 };
  });
}

/**
 * One read of the outbox shared by every journey's driver, at most every 200 ms: the outbox lists
 * all mail of the run, and forty drivers polling it each would starve the engine of CPU.
 */
function sharedMailbox() {
  let latest: OutboxMessage[] = [];
  let readAt = 0;
  let reading: Promise<void> | undefined;
  const refresh = async () => {
    if (Date.now() - readAt < 200) return;
    reading ??= outbox()
      .then((messages) => {
        latest = messages;
        readAt = Date.now();
      })
      .finally(() => {
        reading = undefined;
      });
    await reading;
  };
  /** The nth message whose subject matches (and sent to `to`, when given). */
  return (subject: RegExp, options: { to?: string; nth?: number } = {}) =>
    eventually(
      async () => {
        await refresh();
        return latest.filter(
          (m) => (options.to === undefined || m.to.includes(options.to)) && subject.test(m.subject),
        )[(options.nth ?? 1) - 1];
      },
      45_000,
      100,
    );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Italian subjects of the e-mails each step waits for (shared/i18n/journey-messages.ts). */
const subjects = {
  offer: (company: string) => new RegExp(`^Proposta di incarico: ${escapeRegExp(company)} — `),
  escalation: (company: string) => new RegExp(`^Decisione richiesta: ${escapeRegExp(company)} — `),
  assessment: (company: string) => new RegExp(`^Registra l’assessment di ${escapeRegExp(company)} — `),
  financing: (company: string) => new RegExp(`^Decisione sul finanziamento: ${escapeRegExp(company)} — `),
};

/** The stage-time bucket a status change adds to the counters: ⌊log2(hours in the stage + 1)⌋, at most 16. */
function stageBucket(left: StatusChange, next: StatusChange): string {
  const hours = Math.max(0, (Date.parse(next.at) - Date.parse(left.at)) / 3_600_000);
  return `stage_${left.status}_h${Math.min(16, Math.floor(Math.log2(hours + 1)))}`;
}

type StoredApplication = ApplicationRecord & { budgetReservedEur?: number };

/** Every counter the dashboard reads, recounted from the application, assessment and project records. */
function recount(
  applications: readonly StoredApplication[],
  assessed: number,
  projects: number,
): Record<string, number> {
  const tally: Record<string, number> = {};
  const add = (name: string, by = 1) => {
    tally[name] = (tally[name] ?? 0) + by;
  };
  for (const application of applications) {
    const path = application.statusHistory.map((change) => change.status);
    add('applications');
    if (path.includes('eligible')) add('eligible');
    // A place claimed on arrival stays given unless its application was screened out.
    if (typeof application.quotaPlace === 'number' && !path.includes('ineligible')) add('placesClaimed');
    if (application.status === 'ineligible') {
      add('ineligible');
      add(`ineligible_${application.ineligibilityReason}`);
    }
    if (path.includes('manager_assigned')) add('assessmentsAssigned');
    if (path.includes('financing_pending')) add('projectsRecommended');
    if (application.budgetReservedEur !== undefined) {
      add('projectsApproved');
      add('budgetCommittedEur', application.budgetReservedEur);
    }
    if (application.outcome) add(`outcome_${application.outcome}`);
    application.statusHistory.forEach((change, i) => {
      const left = application.statusHistory[i - 1];
      if (left) add(stageBucket(left, change));
    });
  }
  if (assessed > 0) add('assessmentsCompleted', assessed);
  if (projects > 0) add('projectsLaunched', projects);
  return tally;
}

const nonZero = (counters: object) =>
  Object.fromEntries(
    Object.entries(counters)
      .filter(([, value]) => value !== 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

async function queryAll(input: {
  IndexName?: string;
  KeyConditionExpression: string;
  ExpressionAttributeValues: Record<string, unknown>;
}) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** What the table holds for the programme: its applications, assessments, projects and counters. */
async function programmeRecords(programmeId: string, roster: readonly Manager[]) {
  const applications = (await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.applicationsOfProgramme(programmeId).gsi1pk },
  })) as unknown as StoredApplication[];
  const projects = (await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.projectsOfProgramme(programmeId).gsi1pk },
  })) as { applicationId: string; managerId: string; amountEur: number }[];
  const assessments = (
    await Promise.all(applications.map((a) => getAssessment(tableName, a.applicationId)))
  ).filter((assessment) => assessment !== undefined);
  const reservations = await Promise.all(
    roster.map(async (manager) => {
      const { pk, sk } = keys.managerReservation(manager.managerId, '');
      return (
        await queryAll({
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': sk },
        })
      ).map((reservation) => String(reservation.sk).slice(sk.length));
    }),
  );
  const counters = await getProgrammeCounters(tableName, programmeId);
  return { applications, projects, assessments, reservations, counters };
}

describe('programme counters', () => {
  it('equal a recount from the application records after many concurrent journeys', async () => {
    // Prepare: a programme whose quota admits 12 of 30 applicants.
    const managers = await Promise.all(Array.from({ length: 3 }, () => newManager({ capacity: 2 })));
    const programme = await newProgramme(managers, { quotas: { assessments: 12 } });

    // Act
    await Promise.all(Array.from({ length: 30 }, () => apply(programme.id)));
    const records = await eventually(async () => {
      const { Items = [] } = await documentClient.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.applicationsOfProgramme(programme.id).gsi1pk },
        }),
      );
      return Items.length === 30 && Items.every((item) => item.status !== 'submitted') ? Items : undefined;
    }, 30_000);

    // Assess
    const counters = (await getProgrammeCounters(tableName, programme.id)) as unknown as Record<
      string,
      number
    >;
    const eligible = records.filter((r) => r.status !== 'ineligible').length;
    const ineligible = records.filter((r) => r.status === 'ineligible');
    expect(counters.applications).toBe(records.length);
    expect(counters.eligible).toBe(eligible);
    expect(eligible).toBe(12); // the quota, never exceeded
    expect(counters.ineligible).toBe(ineligible.length);
    expect(counters.ineligible_quota_exhausted).toBe(
      ineligible.filter((r) => r.ineligibilityReason === 'quota_exhausted').length,
    );
  }, 60_000);

  it(`equal a recount from the records after a randomised run of many concurrent journeys to every outcome (seed ${seed}; replay with COUNTERS_SEED)`, async () => {
    // Prepare: 24–36 applicants, each with its own drawn plan; a quota below the eligible ones and
    // a budget below the approvals, so some are turned away by what the others did first.
    const random = seededRandom(seed);
    const managers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => newManager({ capacity: 40, merit: 60 + 5 * i })),
    );
    const plans = Array.from({ length: 24 + Math.floor(random() * 13) }, () =>
      planJourney(random, managers.length),
    );
    const eligiblePlans = plans.filter((p) => p.screening === 'eligible').length;
    const quota = Math.max(1, eligiblePlans - 1 - Math.floor(random() * 3));
    // The budget covers about half to four fifths of the approvals the plans lead to.
    const approvals = plans.flatMap((p) =>
      p.screening === 'eligible' &&
      p.withdrawAt === 'never' &&
      !(p.declines >= maxOffers && p.office === 'close') &&
      p.projectRecommended &&
      p.financing.decision === 'approve' &&
      p.financing.amountEur <= perProjectCapEur
        ? [p.financing.amountEur]
        : [],
    );
    const budgetTotalEur = Math.max(
      10_000,
      1_000 * Math.round((approvals.reduce((sum, a) => sum + a, 0) * (0.5 + 0.3 * random())) / 1_000),
    );
    const programme = await newProgramme(managers, {
      eligibility: {
        provinces: lombardyProvinceCodes.filter((code) => code !== 'BG'),
        atecoSections: null,
        sizeClasses: ['micro', 'small'],
      },
      quotas: { assessments: quota },
      budget: { totalEur: budgetTotalEur, perProjectCapEur },
      matching: { maxOffers, noManagerRetries: 0, capacityOnLaunch: 'keep' },
    });
    const mail = sharedMailbox();
    const office = programme.officeEmail;

    // Act: every applicant applies at once, then each journey is driven through the e-mailed links.
    const smes = await Promise.all(plans.map((plan) => applyAs(programme.id, plan.screening)));
    /** Drives one journey; returns the outcome the plan leads to ('approved': launched or over budget). */
    const drive = async (plan: JourneyPlan, sme: (typeof smes)[number]): Promise<string> => {
      const company = sme.companyName;
      const answer = async (message: OutboxMessage, body: unknown) => {
        const answered = await postJson(taskLink(message), body);
        if (answered.status !== 200) throw new Error(`${message.subject}: ${answered.status}`);
      };
      const withdraw = async () => {
        const withdrawn = await postJson(sme.statusUrl, { action: 'withdraw' });
        if (withdrawn.status !== 200) throw new Error(`withdrawal refused: ${withdrawn.status}`);
        return 'withdrawn';
      };
      if (plan.screening !== 'eligible') return `ineligible_${plan.screening}`;
      if (plan.withdrawAt === 'submitted') {
        // Races screening: refused only when the quota had already turned the application away.
        const withdrawn = await postJson(sme.statusUrl, { action: 'withdraw' });
        return withdrawn.status === 200 ? 'withdrawn' : 'ineligible_quota_exhausted';
      }
      const screened = await eventually(
        async () => {
          const status = (await getApplication(tableName, sme.applicationId))?.status;
          return status === 'submitted' ? undefined : status;
        },
        30_000,
        150,
      );
      if (screened === 'ineligible') return 'ineligible_quota_exhausted';
      for (let round = 1; round <= Math.min(plan.declines, maxOffers); round++) {
        const offer = await mail(subjects.offer(company), { nth: round });
        await answer(offer, { decision: 'decline', reason: 'Agenda piena' });
      }
      if (plan.declines >= maxOffers) {
        const escalation = await mail(subjects.escalation(company), { to: office });
        if (plan.withdrawAt === 'offer') return withdraw();
        if (plan.office === 'close') {
          await answer(escalation, { decision: 'close', reason: 'Nessun manager disponibile' });
          return 'no_manager';
        }
        // The office may assign only whom matching could engage (not a manager who declined, nor a
        // full one): from the planned manager on, the first the page accepts; none → it closes.
        let assigned = false;
        for (let k = 0; k < managers.length && !assigned; k++) {
          const managerId = managers[(plan.assignManager + k) % managers.length]?.managerId;
          const posted = await postJson(taskLink(escalation), { decision: 'assign', managerId });
          if (posted.status !== 200 && posted.status !== 422)
            throw new Error(`${escalation.subject}: ${posted.status}`);
          assigned = posted.status === 200;
        }
        if (!assigned) {
          await answer(escalation, { decision: 'close', reason: 'Nessun manager disponibile' });
          return 'no_manager';
        }
      } else {
        const offer = await mail(subjects.offer(company), { nth: plan.declines + 1 });
        if (plan.withdrawAt === 'offer') return withdraw();
        await answer(offer, { decision: 'accept' });
      }
      const request = await mail(subjects.assessment(company));
      if (plan.withdrawAt === 'assessment') return withdraw();
      await answer(request, assessmentAnswer(plan.projectRecommended));
      if (!plan.projectRecommended) return 'assessed_no_project';
      const decision = await mail(subjects.financing(company), { to: office });
      if (plan.withdrawAt === 'financing') return withdraw();
      if (plan.financing.decision === 'reject') {
        await answer(decision, plan.financing);
        return 'financing_rejected';
      }
      // An approval over the cap or the budget left is refused when posted (422): the office then
      // rejects. One that fitted when posted may still lose the budget to a concurrent approval:
      // the office is asked again and rejects.
      const reject = { decision: 'reject', reason: 'Oltre i limiti del programma' };
      const posted = await postJson(taskLink(decision), plan.financing);
      if (posted.status === 422) {
        await answer(decision, reject);
        return plan.financing.amountEur > perProjectCapEur ? 'financing_rejected' : 'approved';
      }
      if (posted.status !== 200) throw new Error(`${decision.subject}: ${posted.status}`);
      const askedAgain = await eventually(
        async () => {
          const again = (await outbox()).find(
            (m) =>
              m.subject.includes(company) &&
              /Decisione sul finanziamento/.test(m.subject) &&
              m.text.includes('di nuovo'),
          );
          if (again) return again;
          const status = (await getApplication(tableName, sme.applicationId))?.status;
          return status === 'launched' ? 'launched' : undefined;
        },
        30_000,
        150,
      );
      if (askedAgain !== 'launched') await answer(askedAgain, reject);
      return 'approved';
    };
    const driven = await Promise.allSettled(
      plans.map((plan, i) => drive(plan, smes[i] as (typeof smes)[number])),
    );
    const stuck = driven.flatMap((result, i) =>
      result.status === 'rejected' ? [`#${i} ${JSON.stringify(plans[i])}: ${result.reason}`] : [],
    );
    expect(stuck, `journeys that could not be driven (seed ${seed})`).toEqual([]);
    const expected = driven.map((result) => (result.status === 'fulfilled' ? result.value : ''));
    const executions = await Promise.all(smes.map((sme) => finished(sme.applicationId, 30_000)));
    // Settled: two reads half a second apart agree (a stopped execution's last task may still write).
    let previous = '';
    const records = await eventually(
      async () => {
        const current = await programmeRecords(programme.id, managers);
        const same = JSON.stringify(current) === previous;
        previous = JSON.stringify(current);
        return same ? current : undefined;
      },
      15_000,
      500,
    );
    const stored = await getProgramme(tableName, programme.id);
    if (!stored) throw new Error('programme missing');
    const figures = await dashboardFigures(tableName, stored);
    const page = await (
      await fetch(`${local.site}/_local/programmes/${programme.id}`, { headers: { Accept: 'text/html' } })
    ).text();

    // Assess: the dashboard's counters are what the records say, every one of them.
    const { applications, projects, assessments, reservations, counters } = records;
    const recounted = recount(applications, assessments.length, projects.length);
    const byId = new Map(applications.map((a) => [a.applicationId, a]));
    expect
      .soft(nonZero(counters), `counters against a recount of the records (seed ${seed})`)
      .toEqual(nonZero(recounted));
    for (const step of funnelSteps) {
      expect
        .soft(page, `funnel step ${step} (seed ${seed})`)
        .toContain(`data-testid="counter-${step}">${recounted[step] ?? 0}<`);
    }
    // The managers' utilisation: launched projects keep their manager, every other journey let go.
    const journey = (applicationId: string) => {
      const i = smes.findIndex((sme) => sme.applicationId === applicationId);
      const record = byId.get(applicationId);
      const offer = record?.currentOffer ? ' (offer open)' : '';
      return `#${i} ${record?.status}/${record?.outcome}${offer} ${JSON.stringify(plans[i])}`;
    };
    expect
      .soft(
        reservations.map((held) => held.map(journey).sort()),
        `journeys holding each manager (seed ${seed})`,
      )
      .toEqual(
        managers.map((m) =>
          projects
            .filter((p) => p.managerId === m.managerId)
            .map((p) => journey(p.applicationId))
            .sort(),
        ),
      );
    expect.soft(figures.managers, `managers on the dashboard (seed ${seed})`).toEqual({
      active: managers.length,
      load: projects.length,
      capacity: 40 * managers.length,
    });

    // Assess: each journey ended where its plan led, and the records agree with the plan.
    const disagreements = smes.flatMap((sme, i) => {
      const record = byId.get(sme.applicationId);
      const actual =
        record?.status === 'ineligible' ? `ineligible_${record.ineligibilityReason}` : record?.outcome;
      const ended = executions[i]?.status;
      const fits =
        expected[i] === 'approved'
          ? actual === 'launched' || actual === 'financing_rejected'
          : actual === expected[i];
      const endedAsExpected = ended === (actual === 'withdrawn' ? 'ABORTED' : 'SUCCEEDED');
      return fits && endedAsExpected
        ? []
        : [
            `#${i} ${JSON.stringify(plans[i])}: expected ${expected[i]}, records ${actual}, execution ${ended}`,
          ];
    });
    expect(disagreements, `journeys whose records disagree with their plan (seed ${seed})`).toEqual([]);
    expect(applications).toHaveLength(plans.length);
    expect(assessments).toHaveLength(
      applications.filter((a) =>
        a.statusHistory.some((c) => ['assessed', 'financing_pending'].includes(c.status)),
      ).length,
    );
    const quotaTurnedAway = applications.filter((a) => a.ineligibilityReason === 'quota_exhausted').length;
    expect(counters.eligible).toBeLessThanOrEqual(quota);
    // Places go on arrival: a firm turned away means every place had been given (to firms that
    // were then screened in, or withdrew before their screening: their place stays used).
    expect(counters.placesClaimed ?? 0).toBeLessThanOrEqual(quota);
    if (quotaTurnedAway > 0) expect(counters.placesClaimed).toBe(quota);
    // Approvals within the cap either launched or found the budget too short for them.
    const approved = smes.flatMap((sme, i) => {
      const plan = plans[i] as JourneyPlan;
      return expected[i] === 'approved' && plan.financing.decision === 'approve'
        ? [{ record: byId.get(sme.applicationId), amountEur: plan.financing.amountEur }]
        : [];
    });
    const launched = approved.filter((a) => a.record?.outcome === 'launched');
    const committed = (counters as unknown as Record<string, number>).budgetCommittedEur ?? 0;
    expect(projects).toHaveLength(launched.length);
    expect(committed).toBe(launched.reduce((sum, a) => sum + a.amountEur, 0));
    expect(committed).toBeLessThanOrEqual(budgetTotalEur);
    for (const refused of approved.filter((a) => a.record?.outcome !== 'launched')) {
      expect(refused.amountEur, `refused although it fitted (seed ${seed})`).toBeGreaterThan(
        budgetTotalEur - committed,
      );
    }
    for (const project of projects) {
      expect(byId.get(project.applicationId)?.budgetReservedEur).toBe(project.amountEur);
    }
  }, 120_000);

  it('never commits more budget than the programme has, under concurrent approvals', async () => {
    // Prepare: 20 approvals of €10,000 against a €100,000 budget, all at once.
    const programmeId = `budget-${randomUUID().slice(0, 8)}`;
    const applicationIds = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(
      applicationIds.map((applicationId) =>
        documentClient.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.application(applicationId), applicationId },
          }),
        ),
      ),
    );

    // Act
    const outcomes = await Promise.all(
      applicationIds.map((applicationId) =>
        reserveProgrammeBudget(tableName, {
          programmeId,
          applicationId,
          amountEur: 10_000,
          budgetTotalEur: 100_000,
          at: new Date().toISOString(),
        }).catch((error: Error) => error.name),
      ),
    );

    // Assess: a transaction conflict may refuse a reservation (Step Functions retries it), never overbook.
    const counters = (await getProgrammeCounters(tableName, programmeId)) as unknown as Record<
      string,
      number
    >;
    const reserved = outcomes.filter((o) => o === 'reserved').length;
    expect(reserved).toBeLessThanOrEqual(10);
    expect(counters.budgetCommittedEur).toBe(reserved * 10_000);
    expect(counters.budgetCommittedEur).toBeLessThanOrEqual(100_000);
    const retried = await Promise.all(
      applicationIds.map((applicationId) =>
        reserveProgrammeBudget(tableName, {
          programmeId,
          applicationId,
          amountEur: 10_000,
          budgetTotalEur: 100_000,
          at: new Date().toISOString(),
        }),
      ),
    );
    expect(retried.filter((o) => o === 'reserved')).toHaveLength(10);
    expect(
      ((await getProgrammeCounters(tableName, programmeId)) as unknown as Record<string, number>)
        .budgetCommittedEur,
    ).toBe(100_000);
  });

  it('commits no budget to a journey that was withdrawn or closed before the approval was reserved', async () => {
    // Prepare
    const programmeId = `ended-${randomUUID().slice(0, 8)}`;
    const withdrawn = randomUUID();
    const waiting = randomUUID();
    for (const [applicationId, status] of [
      [withdrawn, 'withdrawn'],
      [waiting, 'financing_pending'],
    ] as const) {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.application(applicationId), applicationId, status },
        }),
      );
    }
    const reserve = (applicationId: string) =>
      reserveProgrammeBudget(tableName, {
        programmeId,
        applicationId,
        amountEur: 10_000,
        budgetTotalEur: 100_000,
        at: new Date().toISOString(),
      });

    // Act
    const refused = await reserve(withdrawn);
    const reserved = await reserve(waiting);
    const retried = await reserve(waiting);

    // Assess
    expect([refused, reserved, retried]).toEqual(['journey_ended', 'reserved', 'reserved']);
    const counters = (await getProgrammeCounters(tableName, programmeId)) as unknown as Record<
      string,
      number
    >;
    expect(counters.budgetCommittedEur).toBe(10_000);
    expect(counters.projectsApproved).toBe(1);
  });

  it('applies a raised quota to new applicants only, and a closed programme refuses new ones while running journeys go on', async () => {
    // Prepare: a quota of one.
    const manager = await newManager();
    const programme = await newProgramme([manager], { quotas: { assessments: 1 } });
    const first = await apply(programme.id);
    const second = await apply(programme.id);
    const statusOf = async (id: string) => {
      const { getApplication } = await import('#shared/data/applications.ts');
      return eventually(async () => {
        const status = (await getApplication(tableName, id))?.status;
        return status && status !== 'submitted' ? status : undefined;
      });
    };
    expect(await statusOf(first.applicationId)).toBe('eligible');
    expect(await statusOf(second.applicationId)).toBe('ineligible');
    const { getProgramme, putProgramme } = await import('#shared/data/programmes.ts');
    const stored = await getProgramme(tableName, programme.id);
    if (!stored) throw new Error('programme missing');

    // Act: raise the quota, then close the programme.
    await putProgramme(tableName, { ...stored, quotas: { assessments: 2 } });
    const third = await apply(programme.id);
    const thirdStatus = await statusOf(third.applicationId);
    await putProgramme(tableName, { ...stored, quotas: { assessments: 2 }, closesOn: '2026-01-31' });
    const refused = await fetch(`${local.site}/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'en' },
      body: JSON.stringify({ ...validApplication(), programmeId: programme.id }),
    });

    // Assess
    expect(thirdStatus).toBe('eligible');
    expect(await statusOf(second.applicationId)).toBe('ineligible'); // decided under the old quota
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toBe('programmeClosed');
    const { DescribeExecutionCommand } = await import('@aws-sdk/client-sfn');
    const running = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArn(first.applicationId) }),
    );
    expect(running.status).toBe('RUNNING');
  });
});
