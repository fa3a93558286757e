// A task answer's validation issues as messages that name the form's own fields (a KPI by its
// name, an objective by its first words), in the page's language and order.
import type * as z from 'zod';
import { dmaDimensions } from '#shared/domain/manager.ts';
import { formatEuro } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { isMessageKey, type MessageKey, t } from '#shared/i18n/messages.ts';
import type { FieldError } from '#shared/schemas/application.ts';
import { unknownFieldErrors } from '#shared/schemas/application.ts';
import { kpiProperties } from '#shared/schemas/task-forms.ts';
import { labelOrCode } from './form-kit.tsx';

export function kpiLabel(
  lang: Language,
  kpi: { name: string; unit: string } | undefined,
  index: number,
): string {
  return kpi
    ? t(lang, 'checkin.kpiLabel', { name: kpi.name, unit: kpi.unit })
    : t(lang, 'checkin.kpiN', { n: index + 1 });
}
// ---------------------------------------------------------------------------------------------
// Validation issues → messages naming the form's fields

/** Lists of the contract shown as one control (a textarea, a group of selects). */
function formFieldOf(path: readonly (string | number)[]): string {
  const [first, second] = path;
  if (first === 'improvementAreas') return 'improvementAreas';
  // The plan's lines are one quantity field per service: their issues go to the plan as a whole.
  if (first === 'servicePlan') return 'servicePlan';
  if (first === 'internationalisation' && second === 'actionFronts')
    return 'internationalisation.actionFronts';
  if (first === 'project' && second === 'qualitativeObjectives') return 'project.qualitativeObjectives';
  if (first === 'collaboration' && second === 'brands') return 'collaboration.brands';
  // The form has one select for a resource's kind and code ("machine:cnc_5_axis").
  if (first === 'collaboration' && (second === 'offers' || second === 'needs') && path[3] === 'kind')
    return [...path.slice(0, 3), 'what'].join('.');
  return path.join('.');
}

/** What names a check-in's list entries in messages: the project's KPIs and qualitative objectives. */
export interface TaskFieldNames {
  readonly kpis?: readonly { name: string; unit: string }[];
  readonly qualitativeObjectives?: readonly string[];
  /** A collaboration's verification: the members' names, in the form's row order. */
  readonly members?: readonly string[];
}

/** Long enough to recognise a qualitative objective in an error message. */
const objectiveLabelLength = 60;

function taskFieldLabel(lang: Language, field: string, names: TaskFieldNames = {}): string {
  const kpiValue = /^kpiValues\.(\d+)$/.exec(field);
  if (kpiValue) {
    const index = Number(kpiValue[1]);
    return kpiLabel(lang, names.kpis?.[index], index);
  }
  const progress = /^qualitativeProgress\.(\d+)$/.exec(field);
  if (progress) {
    const index = Number(progress[1]);
    const objective = names.qualitativeObjectives?.[index]?.trim();
    if (!objective) return t(lang, 'checkin.objectiveN', { n: index + 1 });
    return objective.length > objectiveLabelLength
      ? `${objective.slice(0, objectiveLabelLength - 1).trimEnd()}…`
      : objective;
  }
  const benefit = /^benefits\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (benefit) {
    const company = names.members?.[Number(benefit[1])] ?? String(Number(benefit[1]) + 1);
    return t(lang, 'collaboration.report.memberField', {
      company,
      field: labelOrCode(lang, `field.task.benefits.${benefit[2] ?? 'economicBenefitEur'}`, benefit[2] ?? ''),
    });
  }
  const dimension = /^dma\.(\w+)$/.exec(field);
  if (dimension) return labelOrCode(lang, `dma.${dimension[1]}`, field);
  const kpiCell = /^project\.kpis\.(\d+)\.(\w+)$/.exec(field);
  if (kpiCell) {
    return t(lang, 'assessment.kpiRowField', {
      field: labelOrCode(lang, `field.assessment.project.kpis.${kpiCell[2]}`, kpiCell[2] ?? ''),
      n: Number(kpiCell[1]) + 1,
    });
  }
  const collaborationCell = /^collaboration\.(purchasing|offers|needs)\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (collaborationCell) {
    const [, list = '', row, cell] = collaborationCell;
    return t(lang, 'collaboration.rowField', {
      list: labelOrCode(lang, `field.assessment.collaboration.${list}`, list),
      n: Number(row) + 1,
      field: cell ? labelOrCode(lang, `field.assessment.collaboration.${cell}`, cell) : '',
    });
  }
  const kpiRow = /^project\.kpis\.(\d+)$/.exec(field);
  if (kpiRow) return t(lang, 'assessment.kpiRow', { n: Number(kpiRow[1]) + 1 });
  const assessmentKey = `field.assessment.${field}`;
  if (isMessageKey(assessmentKey)) return t(lang, assessmentKey);
  const taskKey = `field.task.${field}`;
  if (isMessageKey(taskKey)) return t(lang, taskKey);
  return field;
}

/** The parameters of a refusal that are amounts in euro. */
const euroParams = new Set(['amount', 'ceiling', 'used', 'headroom', 'aid']);

/** Fields in the order the forms read, so the error summary follows the page. */
const taskFieldOrder = [
  'decision',
  'kpiValues',
  'qualitativeProgress',
  'economicBenefitEur',
  'benefitJustification',
  'spentEur',
  'risks',
  'dma',
  ...dmaDimensions.map((dimension) => `dma.${dimension}`),
  'improvementAreas',
  'findings',
  'internationalisation',
  'internationalisation.segment',
  'internationalisation.actionFronts',
  'collaboration',
  'collaboration.interestedInNetwork',
  'collaboration.purchasing',
  'collaboration.offers',
  'collaboration.needs',
  'collaboration.brands',
  'projectRecommended',
  'project',
  'project.title',
  'project.objectives',
  'project.durationMonths',
  'project.budgetEur',
  'project.kpis',
  'project.qualitativeObjectives',
  'benefits',
  'status',
  'left',
  'merit',
  'notes',
  'note',
  'amountEur',
  'cor',
  'managerId',
  'reason',
  'outcome',
  'report',
];

function fieldRank(field: string): number {
  const kpi = /^project\.kpis\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (kpi) {
    const property = kpiProperties.indexOf((kpi[2] ?? '') as (typeof kpiProperties)[number]);
    return taskFieldOrder.indexOf('project.kpis') + (Number(kpi[1]) * 5 + property + 2) / 1000;
  }
  const collaboration = /^(collaboration\.(?:purchasing|offers|needs))\.(\d+)/.exec(field);
  if (collaboration)
    return taskFieldOrder.indexOf(collaboration[1] ?? '') + (Number(collaboration[2]) + 1) / 1000;
  const benefitRow = /^benefits\.(\d+)/.exec(field);
  if (benefitRow) return taskFieldOrder.indexOf('benefits') + (Number(benefitRow[1]) + 1) / 1000;
  const entry = /^(kpiValues|qualitativeProgress)\.(\d+)$/.exec(field);
  if (entry) return taskFieldOrder.indexOf(entry[1] ?? '') + (Number(entry[2]) + 1) / 1000;
  const index = taskFieldOrder.indexOf(field);
  return index < 0 ? taskFieldOrder.length : index;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * One message per field, naming it in the requester's language, in form order.
 * @param issues - from humanTaskAnswerSchemas[kind].safeParse(...)
 * @param input - what was validated (taskFormToAnswer's output or the JSON body), to tell a missing
 *   value ("required") from a wrong one; without it zod's own wording decides
 * @param names - check-in and closing: the project's KPIs and qualitative objectives (a
 *   TaskPageContext's project will do), so that "kpiValues.0" reads "OEE (%)" rather than "KPI 1"
 * @returns field = the dotted form name ("dma.automationAndAi", "project.kpis.0.target",
 *   "kpiValues.0", …)
 */
export function describeTaskAnswerErrors(
  issues: readonly z.core.$ZodIssue[],
  lang: Language,
  input?: unknown,
  names?: TaskFieldNames,
): { field: string; message: string }[] {
  const described: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.filter(
      (segment): segment is string | number => typeof segment === 'string' || typeof segment === 'number',
    );
    if (issue.code === 'unrecognized_keys') {
      described.push(...unknownFieldErrors(path, issue.keys, lang));
      continue;
    }
    if (path.length === 0 && issue.code === 'invalid_type') {
      described.push({ field: 'body', message: t(lang, 'validation.bodyObject') });
      continue;
    }
    const field = formFieldOf(path);
    const label = taskFieldLabel(lang, field, names);
    const say = (key: MessageKey, params: Record<string, string | number> = {}) =>
      described.push({ field, message: t(lang, key, { field: label, ...params }) });
    const missing =
      input === undefined
        ? /received undefined/.test(issue.message)
        : valueAt(input, issue.path) === undefined || valueAt(input, issue.path) === null;

    if (isMessageKey(issue.message)) {
      const params = (issue as { params?: Record<string, string | number> }).params ?? {};
      // Amounts are in euro: written as the language writes money.
      say(
        issue.message,
        Object.fromEntries(
          Object.entries(params).map(([name, value]) => [
            name,
            euroParams.has(name) && typeof value === 'number' ? formatEuro(value, lang) : value,
          ]),
        ),
      );
      continue;
    }
    switch (issue.code) {
      case 'invalid_union':
        say(missing ? 'validation.required' : 'validation.choice');
        break;
      case 'invalid_type':
        if (missing) say('validation.required');
        else if (issue.expected === 'number') say('validation.number');
        else if (issue.expected === 'int') say('validation.integer');
        else if (issue.expected === 'boolean') say('validation.choice');
        else say('validation.invalid');
        break;
      case 'too_small':
        if (issue.origin === 'string') {
          if (Number(issue.minimum) <= 1) say('validation.required');
          else say('validation.tooShort', { min: Number(issue.minimum) });
        } else if (issue.origin === 'array' || issue.origin === 'set') {
          say(Number(issue.minimum) <= 1 ? 'validation.atLeastOne' : 'validation.tooSmall', {
            min: Number(issue.minimum),
          });
        } else if (Number(issue.minimum) === 0 && issue.inclusive === false) {
          say('validation.positive');
        } else {
          say('validation.tooSmall', { min: Number(issue.minimum) });
        }
        break;
      case 'too_big':
        if (issue.origin === 'string') say('validation.tooLong', { max: Number(issue.maximum) });
        else if (issue.origin === 'array' || issue.origin === 'set')
          say('validation.tooMany', { max: Number(issue.maximum) });
        else say('validation.tooBig', { max: Number(issue.maximum) });
        break;
      case 'invalid_value':
        say(missing ? 'validation.required' : 'validation.choice');
        break;
      case 'invalid_format':
        say(field === 'managerId' ? 'validation.choice' : 'validation.invalid');
        break;
      default:
        say('validation.invalid');
    }
  }
  const firstPerField = new Map<string, FieldError>();
  for (const error of described) if (!firstPerField.has(error.field)) firstPerField.set(error.field, error);
  return [...firstPerField.values()].sort((a, b) => fieldRank(a.field) - fieldRank(b.field));
}
