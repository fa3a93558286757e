// A task page's form fields (urlencoded, dotted names, everything a string) turned into the JSON
// contract's shape, so the same zod schema validates a form and a JSON answer; and the form's fixed
// shape (KPI rows, improvement-area positions) that the pages draw.

import type { HumanTaskKind } from '#shared/domain/human-tasks.ts';
import { dmaDimensions } from '#shared/domain/manager.ts';
import type { Language } from '#shared/i18n/language.ts';
import { interestAreas } from '#shared/schemas/application.ts';
import { formFieldReader } from './form-fields.ts';

/** Positions offered for ranking the improvement areas (one per area). */
export const improvementAreaSlots = interestAreas.length;
/** KPI rows the assessment form shows (more can arrive; empty rows are ignored). */
export const kpiRowCount = 5;
export const maxKpiRows = 20;
export const kpiProperties = ['name', 'unit', 'baseline', 'target'] as const;
export const segments = ['1', '2', '3', '4'] as const;
/** Rows the collaboration part shows for purchasing, offers and needs (more can arrive, up to the most). */
export const collaborationRowCount = 3;
export const maxCollaborationRows = 50;

// ---------------------------------------------------------------------------------------------
// Form fields → the JSON contract

/**
 * Turns a task form's fields (urlencoded, everything a string) into the JSON contract's shape, so
 * the same schema (humanTaskAnswerSchemas[kind]; for an assessment, its model's
 * assessmentAnswerSchemas[model]) validates both. Blank fields are left out (they
 * become "required" errors); numbers are read as written in the form's language ("1.250.000");
 * text areas of lists give one item per non-empty line; KPI rows left entirely empty are ignored;
 * fields that do not belong to the chosen decision are dropped.
 */
export function taskFormToAnswer(
  kind: HumanTaskKind,
  fields: Readonly<Record<string, string | readonly string[]>>,
  lang: Language,
): unknown {
  const { all, field, number, lines } = formFieldReader(fields, lang);
  const answer: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) answer[key] = value;
  };

  switch (kind) {
    case 'offer': {
      const decision = field('decision');
      put('decision', decision);
      if (decision !== 'accept') put('reason', field('reason'));
      return answer;
    }
    case 'financing': {
      const decision = field('decision');
      put('decision', decision);
      if (decision === 'approve') put('amountEur', number('amountEur'));
      if (decision === 'reject') put('reason', field('reason'));
      return answer;
    }
    case 'escalation': {
      const decision = field('decision');
      put('decision', decision);
      if (decision === 'assign') put('managerId', field('managerId')?.trim());
      if (decision === 'close') put('reason', field('reason'));
      return answer;
    }
    case 'vetting': {
      const decision = field('decision');
      put('decision', decision);
      if (decision === 'approve') {
        put('merit', number('merit'));
        put('notes', field('notes'));
      }
      if (decision === 'reject') put('reason', field('reason'));
      return answer;
    }
    case 'registration':
      put('cor', field('cor')?.trim());
      return answer;
    case 'join': {
      put('decision', field('decision')?.trim());
      put('note', field('note'));
      return answer;
    }
    case 'collaboration_report':
      return collaborationReportFormToAnswer(fields, { field, number, all });
    case 'assessment':
      return assessmentFormToAnswer(fields, { field, number, lines, all });
    case 'checkin':
    case 'closing':
      return monitoringFormToAnswer(kind, fields, { field, number });
    case 'delivery': {
      if (field('outcome')?.trim() === 'not_delivered') {
        answer.notDelivered = true;
        put('reason', field('reason'));
        return answer;
      }
      put('deliveredOn', field('deliveredOn')?.trim());
      put('hours', number('hours'));
      put('participants', number('participants'));
      put('investmentTriggeredEur', number('investmentTriggeredEur'));
      put('notes', field('notes'));
      return answer;
    }
    case 'followup':
      answer.dma = dmaFormToAnswer(number);
      put('notes', field('notes'));
      return answer;
  }
}

/**
 * A check-in or closing form. The lists keep their positions ("kpiValues.2" is the third KPI's
 * value), a blank one staying as a hole that the schema reports as required; a qualitative
 * objective left unanswered is sent blank by its hidden field, so it is reported the same way.
 */
function monitoringFormToAnswer(
  kind: 'checkin' | 'closing',
  fields: Readonly<Record<string, string | readonly string[]>>,
  read: {
    field: (name: string) => string | undefined;
    number: (name: string) => number | string | undefined;
  },
): Record<string, unknown> {
  const list = (prefix: string, readOne: (name: string) => unknown): unknown[] => {
    let length = 0;
    for (const name of Object.keys(fields)) {
      const match = new RegExp(`^${prefix}\\.(\\d{1,2})$`).exec(name);
      if (match) length = Math.max(length, Number(match[1]) + 1);
    }
    return Array.from({ length }, (_, index) => readOne(`${prefix}.${index}`));
  };
  const answer: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) answer[key] = value;
  };
  answer.kpiValues = list('kpiValues', read.number);
  const progress = list('qualitativeProgress', (name) => read.field(name)?.trim());
  if (progress.length > 0) answer.qualitativeProgress = progress;
  put('economicBenefitEur', read.number('economicBenefitEur'));
  put('benefitJustification', read.field('benefitJustification'));
  put('spentEur', read.number('spentEur'));
  put('risks', read.field('risks'));
  if (kind === 'closing') {
    answer.dma = dmaFormToAnswer(read.number);
    put('outcome', read.field('outcome')?.trim());
    put('report', read.field('report'));
  }
  return answer;
}

function assessmentFormToAnswer(
  fields: Readonly<Record<string, string | readonly string[]>>,
  read: {
    field: (name: string) => string | undefined;
    number: (name: string) => number | string | undefined;
    lines: (name: string) => string[];
    all: (name: string) => string[];
  },
): Record<string, unknown> {
  const answer: Record<string, unknown> = {};

  answer.dma = dmaFormToAnswer(read.number);

  // Ranked selects "improvementAreas.0" … in rank order; a plain repeated "improvementAreas" too.
  const ranked = Object.keys(fields)
    .map((name) => /^improvementAreas\.(\d{1,2})$/.exec(name))
    .filter((match) => match !== null)
    .map((match) => ({ rank: Number(match[1]), name: match[0] }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ name }) => read.field(name));
  answer.improvementAreas = [...ranked, ...read.all('improvementAreas')]
    .filter((area): area is string => area !== undefined && area.trim() !== '')
    .map((area) => area.trim());

  const findings = read.field('findings');
  if (findings !== undefined) answer.findings = findings;

  const segment = read.number('internationalisation.segment');
  const actionFronts = read.lines('internationalisation.actionFronts');
  if (segment !== undefined || actionFronts.length > 0) {
    answer.internationalisation = { ...(segment === undefined ? {} : { segment }), actionFronts };
  }

  const collaboration = collaborationFormToAnswer(fields, read);
  if (collaboration) answer.collaboration = collaboration;

  // A services programme's plan: one quantity per catalogue service ("servicePlan.<id>"), blank or 0
  // for none; the page's hidden field says the plan was asked, so an empty plan is an empty list.
  const planFields = Object.keys(fields).filter((name) => /^servicePlan\.[a-z][a-z0-9_]{0,47}$/.test(name));
  if (planFields.length > 0 || read.field('servicePlanAsked') !== undefined) {
    answer.servicePlan = planFields.flatMap((name) => {
      const quantity = read.number(name);
      return quantity === undefined || quantity === 0
        ? []
        : [{ serviceId: name.slice('servicePlan.'.length), quantity }];
    });
  }

  const recommendedRaw = read.field('projectRecommended')?.trim().toLowerCase();
  const recommended = yesNo(recommendedRaw);
  if (recommended !== undefined) answer.projectRecommended = recommended;

  // KPI rows by index; a row with all four cells blank is ignored.
  const rows = new Map<number, Record<string, unknown>>();
  for (const name of Object.keys(fields)) {
    const match = /^project\.kpis\.(\d{1,2})\.(name|unit|baseline|target)$/.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    const property = match[2] as (typeof kpiProperties)[number];
    if (index >= maxKpiRows) continue;
    const value =
      property === 'baseline' || property === 'target' ? read.number(name) : read.field(name)?.trim();
    if (value === undefined) continue;
    const row = rows.get(index) ?? {};
    row[property] = value;
    rows.set(index, row);
  }
  const kpis = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);

  const project: Record<string, unknown> = {};
  const title = read.field('project.title');
  const objectives = read.field('project.objectives');
  const durationMonths = read.number('project.durationMonths');
  const budgetEur = read.number('project.budgetEur');
  if (title !== undefined) project.title = title;
  if (objectives !== undefined) project.objectives = objectives;
  if (durationMonths !== undefined) project.durationMonths = durationMonths;
  if (budgetEur !== undefined) project.budgetEur = budgetEur;
  const qualitativeObjectives = read.lines('project.qualitativeObjectives');
  const projectStarted =
    Object.keys(project).length > 0 || kpis.length > 0 || qualitativeObjectives.length > 0;
  // "No project" wins over fields filled before changing one's mind; "yes" wants the whole proposal.
  if (recommended === true || (recommended !== false && projectStarted)) {
    answer.project = { ...project, kpis, qualitativeObjectives };
  }
  return answer;
}

/** The six DMA scores of a form ("dma.<dimension>"), those given. */
function dmaFormToAnswer(number: (name: string) => number | string | undefined): Record<string, unknown> {
  const dma: Record<string, unknown> = {};
  for (const dimension of dmaDimensions) {
    const score = number(`dma.${dimension}`);
    if (score !== undefined) dma[dimension] = score;
  }
  return dma;
}

/** A yes/no control's value as a boolean; anything else as written (the schema says what is wrong). */
function yesNo(raw: string | undefined): boolean | string | undefined {
  if (raw === undefined) return undefined;
  if (['true', 'yes', 'on', 'si', 'sì'].includes(raw)) return true;
  if (['false', 'no', 'off'].includes(raw)) return false;
  return raw;
}

/**
 * The collaboration part of an assessment form: rows of purchasing categories with their spend,
 * rows of offers and needs (the select's value is "kind:code", the catalogue's resource), the brands
 * ticked and the interest in a network. Rows left entirely empty are ignored; nothing at all given
 * leaves the part out (the schema says "required" where the programme asks it).
 */
function collaborationFormToAnswer(
  fields: Readonly<Record<string, string | readonly string[]>>,
  read: {
    field: (name: string) => string | undefined;
    number: (name: string) => number | string | undefined;
    all: (name: string) => string[];
  },
): Record<string, unknown> | undefined {
  const rows = (list: string, cells: readonly string[]) => {
    const found = new Map<number, Record<string, unknown>>();
    for (const name of Object.keys(fields)) {
      const match = new RegExp(`^collaboration\\.${list}\\.(\\d{1,2})\\.(\\w+)$`).exec(name);
      if (!match || !cells.includes(match[2] ?? '') || Number(match[1]) >= maxCollaborationRows) continue;
      const raw = read.field(name)?.trim();
      if (raw === undefined || raw === '') continue;
      const row = found.get(Number(match[1])) ?? {};
      row[match[2] ?? ''] = raw;
      found.set(Number(match[1]), row);
    }
    return [...found.entries()].sort(([a], [b]) => a - b).map(([index, row]) => ({ index, row }));
  };
  const numberAt = (name: string) => read.number(name);
  const purchasing = rows('purchasing', ['category', 'annualSpendEur']).map(({ index, row }) => ({
    ...(row.category === undefined ? {} : { category: row.category }),
    ...(row.annualSpendEur === undefined
      ? {}
      : { annualSpendEur: numberAt(`collaboration.purchasing.${index}.annualSpendEur`) }),
  }));
  const resources = (side: 'offers' | 'needs') =>
    rows(side, ['what', 'hoursPerMonth']).map(({ index, row }) => {
      const [kind, what] =
        typeof row.what === 'string' && row.what.includes(':')
          ? row.what.split(':', 2)
          : [undefined, row.what];
      return {
        ...(kind === undefined ? {} : { kind }),
        ...(what === undefined ? {} : { what }),
        ...(row.hoursPerMonth === undefined
          ? {}
          : { hoursPerMonth: numberAt(`collaboration.${side}.${index}.hoursPerMonth`) }),
      };
    });
  const offers = resources('offers');
  const needs = resources('needs');
  const brands = read
    .all('collaboration.brands')
    .map((brand) => brand.trim())
    .filter((brand) => brand !== '');
  const interested = yesNo(read.field('collaboration.interestedInNetwork')?.trim().toLowerCase());
  if (purchasing.length + offers.length + needs.length + brands.length === 0 && interested === undefined)
    return undefined;
  return {
    purchasing,
    offers,
    needs,
    brands,
    ...(interested === undefined ? {} : { interestedInNetwork: interested }),
  };
}

/**
 * The coordinator's verification form: one row per member (its applicationId hidden beside the
 * benefit and its justification), the activity status, the members ticked as having left, notes.
 */
function collaborationReportFormToAnswer(
  fields: Readonly<Record<string, string | readonly string[]>>,
  read: {
    field: (name: string) => string | undefined;
    number: (name: string) => number | string | undefined;
    all: (name: string) => string[];
  },
): Record<string, unknown> {
  let rows = 0;
  for (const name of Object.keys(fields)) {
    const match = /^benefits\.(\d{1,2})\./.exec(name);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  const benefits = Array.from({ length: rows }, (_, row) => {
    const benefit: Record<string, unknown> = {};
    const applicationId = read.field(`benefits.${row}.applicationId`)?.trim();
    const amount = read.number(`benefits.${row}.economicBenefitEur`);
    const justification = read.field(`benefits.${row}.justification`);
    if (applicationId !== undefined) benefit.applicationId = applicationId;
    if (amount !== undefined) benefit.economicBenefitEur = amount;
    if (justification !== undefined) benefit.justification = justification;
    return benefit;
  });
  const answer: Record<string, unknown> = { benefits, left: read.all('left').map((id) => id.trim()) };
  const status = read.field('status')?.trim();
  if (status !== undefined) answer.status = status;
  const notes = read.field('notes');
  if (notes !== undefined) answer.notes = notes;
  return answer;
}
