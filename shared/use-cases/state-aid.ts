// Use cases of state aid: the single undertaking's de minimis headroom (screening, the financing
// page, its answer), the approval that reserves the budget and records the aid pending its
// registration in one atomic step, and the COR that registers it (task link or file import).
import { getAssessment } from '#shared/data/assessments.ts';
import { listHumanTasks } from '#shared/data/human-tasks.ts';
import { reserveProgrammeBudget } from '#shared/data/programme-budget.ts';
import {
  concessionOfCor,
  getAidByConcession,
  readUndertakingAid,
  recordAidCor,
  reserveBudgetWithAid,
} from '#shared/data/state-aid.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import { TaskAnswerMismatchError } from '#shared/domain/errors.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { italianToday, officeLanguage, type Programme } from '#shared/domain/programme.ts';
import { planValue } from '#shared/domain/services.ts';
import {
  type AidGrant,
  aidOfFinancing,
  checksDeMinimis,
  type DeMinimisHeadroom,
  fitsDeMinimis,
  projectEndDate,
  registersAid,
  undertakingHeadroom,
} from '#shared/domain/state-aid.ts';
import { t } from '#shared/i18n/messages.ts';

/** The de minimis headroom of the application's single undertaking for a grant on `grantedOn`. */
export async function headroomOf(
  tableName: string,
  application: ApplicationRecord,
  programme: Programme,
  grantedOn: string,
): Promise<DeMinimisHeadroom> {
  const undertaking = await readUndertakingAid(
    tableName,
    application.company.vatNumber,
    application.stateAid?.linkedVatNumbers ?? [],
  );
  return undertakingHeadroom(firmOf(application), undertaking, programme.stateAid, grantedOn);
}

const firmOf = (application: ApplicationRecord) => ({
  vatNumber: application.company.vatNumber,
  concessionId: application.applicationId,
  ...(application.stateAid ? { declaration: application.stateAid } : {}),
});

/**
 * Whether the firm is already over the de minimis ceiling with the programme's first benefit (the
 * assessment's aid value): screened out as `de_minimis_exceeded`. False where the ceiling is not checked.
 */
export async function exceedsDeMinimisAtScreening(
  tableName: string,
  application: ApplicationRecord,
  programme: Programme,
  today: string,
): Promise<boolean> {
  if (!checksDeMinimis(programme.stateAid)) return false;
  const headroom = await headroomOf(tableName, application, programme, today);
  return !fitsDeMinimis(headroom, programme.stateAid.aidValues.assessmentEur);
}

export type AidReservation = 'reserved' | 'over_budget' | 'over_de_minimis' | 'journey_ended';

/** Attempts before a reservation that keeps meeting concurrent grants gives up (the step retries). */
const maxAttempts = 6;

/**
 * Reserves an approved amount. Where the programme gives state aid, the aid is recorded pending
 * registration in the same transaction, and (de minimis) only if the single undertaking's headroom,
 * read consistently just before, still holds it: a grant to any firm of the undertaking meanwhile
 * makes the write fail, and the check runs again on the new figures.
 */
export async function reserveApproval(
  tableName: string,
  application: ApplicationRecord,
  programme: Programme,
  amountEur: number,
  now: Date,
): Promise<AidReservation> {
  const reservation = {
    programmeId: programme.id,
    applicationId: application.applicationId,
    amountEur,
    budgetTotalEur: programme.budget.totalEur,
    at: now.toISOString(),
  };
  if (!registersAid(programme.stateAid)) return reserveProgrammeBudget(tableName, reservation);
  // A retried step: the reservation (and its aid) was made by the first attempt.
  if (application.budgetReservedEur !== undefined) return 'reserved';
  const grantedOn = italianToday(now);
  const grant = await aidGrantOf(tableName, application, programme, amountEur, grantedOn, now);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const undertaking = await readUndertakingAid(
      tableName,
      application.company.vatNumber,
      application.stateAid?.linkedVatNumbers ?? [],
    );
    if (checksDeMinimis(programme.stateAid)) {
      const headroom = undertakingHeadroom(firmOf(application), undertaking, programme.stateAid, grantedOn);
      if (!fitsDeMinimis(headroom, grant.aidAmountEur)) return 'over_de_minimis';
    }
    const outcome = await reserveBudgetWithAid(tableName, reservation, grant, undertaking);
    if (outcome !== 'undertaking_changed') return outcome;
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random()));
  }
  throw new Error('the single undertaking kept changing; the step is retried');
}

/** The aid an approval grants, with every field its registration needs. */
async function aidGrantOf(
  tableName: string,
  application: ApplicationRecord,
  programme: Programme,
  amountEur: number,
  grantedOn: string,
  now: Date,
): Promise<AidGrant> {
  const answer = (await getAssessment(tableName, application.applicationId))?.answer as
    | HumanTaskAnswer<'assessment'>
    | undefined;
  const settings = programme.stateAid;
  // A services programme grants the aid share of each planned service (its catalogue says how much).
  const services = programme.delivery === 'services' ? servicesAid(programme, answer, amountEur) : undefined;
  const proposal = answer?.project;
  if (!services && !proposal) throw new TaskAnswerMismatchError('an approval without a proposed project');
  const regime = settings.regime === 'gber' ? 'gber' : 'de_minimis';
  const { company, size } = application;
  return {
    concessionId: application.applicationId,
    applicationId: application.applicationId,
    programmeId: programme.id,
    regime,
    regulation: settings.regulation,
    carCode: settings.carCode,
    beneficiary: {
      vatNumber: company.vatNumber,
      ...(company.taxCode ? { taxCode: company.taxCode } : {}),
      name: company.name,
      sizeClass: size.sizeClass,
      ...(company.legalForm ? { legalForm: company.legalForm } : {}),
      atecoCode: company.atecoCode,
      atecoVersion: company.atecoVersion,
      province: company.province,
    },
    projectTitle: services ? t(officeLanguage, 'services.aidTitle') : (proposal?.title ?? ''),
    projectStartsOn: grantedOn,
    projectEndsOn: projectEndDate(grantedOn, services ? servicesAidMonths : (proposal?.durationMonths ?? 12)),
    grantedOn,
    instrument: 'grant',
    ...(services
      ? { nominalAmountEur: amountEur, aidAmountEur: services.aidEur, costItems: services.costItems }
      : {
          nominalAmountEur: amountEur + settings.aidValues.assessmentEur,
          aidAmountEur: aidOfFinancing(settings, amountEur),
          costItems: [
            ...(settings.aidValues.assessmentEur > 0
              ? [{ item: 'assessment', amountEur: settings.aidValues.assessmentEur }]
              : []),
            { item: 'project', amountEur: proposal?.budgetEur ?? amountEur },
          ],
        }),
    status: 'pending_registration',
    createdAt: now.toISOString(),
  };
}

/** How long the services of an approved plan are expected to take, for the aid's register entry. */
const servicesAidMonths = 12;

/** The aid of an approved service plan: each service's aid share, one cost item per plan line. */
function servicesAid(
  programme: Programme,
  answer: HumanTaskAnswer<'assessment'> | undefined,
  amountEur: number,
) {
  const plan = answer?.servicePlan;
  if (!plan) throw new TaskAnswerMismatchError('an approval without a service plan');
  const catalogue = programme.services.catalogue;
  const value = planValue(plan, catalogue);
  if (value.valueEur !== amountEur)
    throw new TaskAnswerMismatchError('the approved amount is not the plan value');
  return {
    aidEur: value.aidEur,
    costItems: plan.map((line) => ({
      item: line.serviceId,
      amountEur: planValue([line], catalogue).valueEur,
    })),
  };
}

/** The COR of the last answered aid registration task, if any. */
async function corGiven(tableName: string, applicationId: string): Promise<string | undefined> {
  const answered = (await listHumanTasks(tableName, applicationId)).filter(
    (task) => task.kind === 'registration' && task.status === 'answered',
  );
  return (answered.at(-1)?.answer as HumanTaskAnswer<'registration'> | undefined)?.cor;
}

/**
 * The aid of an application once registered, before anything is given (a project launched, a
 * service plan's deliveries opened): the COR the office gave (on the task's page or by import) is
 * recorded on it if it is not yet. Throws when no COR was given.
 */
export async function registeredAidOf(
  tableName: string,
  applicationId: string,
  now: Date,
): Promise<AidGrant> {
  const aid = await getAidByConcession(tableName, applicationId);
  if (!aid) throw new TaskAnswerMismatchError('no aid recorded for this approval');
  if (aid.status === 'registered') return aid;
  const cor = await corGiven(tableName, applicationId);
  if (!cor) throw new TaskAnswerMismatchError('the aid has no COR yet');
  const recorded = await recordAidCor(tableName, aid, cor, now.toISOString());
  if (recorded !== 'recorded' && recorded !== 'already_recorded')
    throw new TaskAnswerMismatchError(`the COR could not be recorded: ${recorded}`);
  return { ...aid, status: 'registered', cor };
}

/**
 * The other aid a COR is already recorded for, if any: one aid per COR, so a COR given for a second
 * aid is a typing error (the task's page and the file import refuse it; the write holds it too).
 */
export async function corRecordedForAnother(
  tableName: string,
  cor: string,
  concessionId: string,
): Promise<string | undefined> {
  const holder = await concessionOfCor(tableName, cor);
  return holder !== undefined && holder !== concessionId ? holder : undefined;
}
