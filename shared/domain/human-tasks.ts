// Human tasks: one record per task a person must answer through an e-mailed link (an offer to a
// manager, an assessment, a financing decision, an escalation to the programme office). The
// answers are validated with these schemas whether they come from the page (form) or as JSON.
import * as z from 'zod';
import { interestAreas } from '#shared/schemas/application.ts';
import { storableNumber } from '#shared/schemas/number.ts';
import { multiLine, singleLine } from '#shared/schemas/text.ts';
import { collaborationProfileSchema, resourceKinds } from './collaboration.ts';
import { type DmaDimension, dmaDimensions } from './manager.ts';
import type { AssessmentModel, Programme } from './programme.ts';
import { italianToday } from './programme.ts';
import { type ServiceCategory, servicePlanSchema } from './services.ts';
import { rnaCode } from './state-aid.ts';

export const humanTaskKinds = [
  'offer',
  'assessment',
  'financing',
  'escalation',
  'checkin',
  'closing',
  'vetting',
  'registration',
  'join',
  'collaboration_report',
  'delivery',
  'followup',
] as const;
export type HumanTaskKind = (typeof humanTaskKinds)[number];

/**
 * Tasks about a collaboration between firms (its ID is the task's subject): each firm invited
 * joins or declines; the coordinator reports each verification cycle.
 */
export const collaborationTaskKinds: readonly HumanTaskKind[] = ['join', 'collaboration_report'];

/** Tasks the programme office answers (their e-mails go to its addresses, in its language). */
export const officeTaskKinds: readonly HumanTaskKind[] = [
  'financing',
  'escalation',
  'vetting',
  'registration',
];

/** Tasks about a manager (their onboarding) rather than an SME's journey. */
export const managerTaskKinds: readonly HumanTaskKind[] = ['vetting'];

/**
 * open: waiting for the answer; answered: consumed by its one POST; expired: the deadline passed
 * (the workflow moved on); cancelled: the journey no longer needs it (withdrawal, reassignment).
 */
export const humanTaskStatuses = ['open', 'answered', 'expired', 'cancelled'] as const;
export type HumanTaskStatus = (typeof humanTaskStatuses)[number];

const reason = multiLine(1, 1000);

export const offerAnswerSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({ decision: z.literal('decline'), reason: reason.optional() }),
]);

const score = storableNumber().min(0).max(100);

/** The internationalisation part of an assessment: the firm's segment (1–4) and the action fronts. */
const internationalisationAnswerSchema = z.strictObject(
  {
    segment: z.number().int().min(1).max(4),
    actionFronts: z.array(singleLine(1, 200)).min(1).max(10),
  },
  // Absent where the programme's model asks for it: "required", not zod's "expected object".
  { error: (issue) => (issue.input === undefined ? 'validation.required' : undefined) },
);

/**
 * An assessment answer with the given rules for its internationalisation, collaboration and service
 * plan parts.
 */
function assessmentAnswerSchemaWith<I extends z.ZodType, C extends z.ZodType, S extends z.ZodType>(
  internationalisation: I,
  collaboration: C,
  servicePlan: S,
  projectRecommended: z.ZodBoolean | z.ZodDefault<z.ZodBoolean> = z.boolean(),
) {
  return z
    .strictObject({
      dma: z.strictObject(
        Object.fromEntries(dmaDimensions.map((dimension) => [dimension, score])) as Record<
          DmaDimension,
          typeof score
        >,
      ),
      improvementAreas: z
        .array(z.enum(interestAreas))
        .min(1)
        .max(interestAreas.length)
        .refine((areas) => new Set(areas).size === areas.length, { message: 'validation.duplicates' }),
      findings: multiLine(1, 10_000),
      internationalisation,
      /** The firm's collaboration profile, where the programme enables collaboration (MechNet). */
      collaboration,
      /**
       * The services the expert proposes from the catalogue, where the programme delivers services
       * (an EDIH): the office approves the plan instead of financing a project.
       */
      servicePlan,
      /** Whether a project follows (a services programme has none: false unless said). */
      projectRecommended,
      project: z
        .strictObject({
          title: singleLine(3, 200),
          objectives: multiLine(1, 5000),
          durationMonths: z.number().int().min(1).max(60),
          budgetEur: storableNumber().positive().max(10_000_000),
          kpis: z
            .array(
              z.strictObject({
                name: singleLine(1, 200),
                unit: singleLine(1, 50),
                baseline: storableNumber().min(-1e12).max(1e12),
                target: storableNumber().min(-1e12).max(1e12),
              }),
            )
            .min(1)
            .max(20),
          qualitativeObjectives: z.array(singleLine(1, 500)).max(20).default([]),
        })
        .optional(),
    })
    .superRefine((answer, ctx) => {
      if (answer.projectRecommended && !answer.project) {
        ctx.addIssue({ code: 'custom', path: ['project'], message: 'validation.required' });
      }
      if (!answer.projectRecommended && answer.project) {
        ctx.addIssue({ code: 'custom', path: ['project'], message: 'validation.projectNotRecommended' });
      }
      if ((answer as { servicePlan?: unknown }).servicePlan !== undefined && answer.projectRecommended) {
        ctx.addIssue({
          code: 'custom',
          path: ['projectRecommended'],
          message: 'validation.projectInServices',
        });
      }
    });
}

/** A part the programme does not collect: refused, so no JSON answer stores what it does not ask. */
const notCollected = z.never({ error: 'validation.notInAssessmentModel' }).optional();

/**
 * Any assessment as stored (internationalisation, collaboration and plan optional): the shape every
 * reader of an answer relies on. An answer being given is checked with its programme's settings:
 * assessmentAnswerSchemaFor.
 */
export const assessmentAnswerSchema = assessmentAnswerSchemaWith(
  internationalisationAnswerSchema.optional(),
  collaborationProfileSchema.optional(),
  servicePlanSchema.optional(),
);

/** What a programme's assessment collects besides the DMA. */
export interface AssessmentParts {
  readonly model: AssessmentModel;
  readonly collaboration: boolean;
  /** A services programme: the expert proposes a service plan (required, possibly empty). */
  readonly services: boolean;
}

/** What the programme's assessment collects, from its settings. */
export function assessmentPartsOf(programme: Programme): AssessmentParts {
  return {
    model: programme.assessment.model,
    collaboration: programme.collaboration.enabled,
    services: programme.delivery === 'services',
  };
}

const assessmentSchemaVariants = new Map<string, ReturnType<typeof variantOf>>();

const variantOf = (parts: AssessmentParts) =>
  assessmentAnswerSchemaWith(
    parts.model === 'dma_internationalisation' ? internationalisationAnswerSchema : notCollected,
    parts.collaboration ? collaborationProfileSchema : notCollected,
    parts.services ? servicePlanSchema.default([]) : notCollected,
    parts.services ? z.boolean().default(false) : z.boolean(),
  );

/**
 * The assessment answer a programme asks for: `dma_internationalisation` requires the segment and
 * action fronts, `dma` refuses them; a programme with collaboration enabled requires the firm's
 * collaboration profile, any other refuses it (its page does not ask it, and a JSON answer carrying
 * it would store data the programme does not collect); a services programme takes a service plan
 * (no project), any other refuses one. The profile's codes and the plan's services are checked
 * against the programme's catalogues apart (collaborationProfileIssues, servicePlanIssues).
 */
export function assessmentAnswerSchemaFor(parts: AssessmentParts) {
  const key = `${parts.model}/${parts.collaboration}/${parts.services}`;
  let schema = assessmentSchemaVariants.get(key);
  if (!schema) {
    schema = variantOf(parts);
    assessmentSchemaVariants.set(key, schema);
  }
  return schema;
}

/** The assessment answer of each model in a programme without collaboration or services. */
export const assessmentAnswerSchemas = {
  dma: assessmentAnswerSchemaFor({ model: 'dma', collaboration: false, services: false }),
  dma_internationalisation: assessmentAnswerSchemaFor({
    model: 'dma_internationalisation',
    collaboration: false,
    services: false,
  }),
} as const;

export const financingAnswerSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), amountEur: storableNumber().positive().max(10_000_000) }),
  z.strictObject({ decision: z.literal('reject'), reason }),
]);

export const escalationAnswerSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('assign'), managerId: z.uuid() }),
  z.strictObject({ decision: z.literal('close'), reason }),
]);

/** Progress on a qualitative objective at a check-in. */
export const qualitativeProgress = ['not_started', 'in_progress', 'achieved'] as const;

const checkinFields = {
  /** The current value of each quantitative KPI, in the project's KPI order. */
  kpiValues: z.array(storableNumber().min(-1e12).max(1e12)).min(1).max(20),
  /** Progress on each qualitative objective, in the project's order. */
  qualitativeProgress: z.array(z.enum(qualitativeProgress)).max(20).default([]),
  /** Economic benefit for the firm so far, in euro, with a short justification. */
  economicBenefitEur: storableNumber().min(0).max(1_000_000_000),
  benefitJustification: multiLine(1, 2000),
  /** Spending to date on the project, in euro. */
  spentEur: storableNumber().min(0).max(100_000_000),
  risks: multiLine(0, 2000).optional(),
};

export const checkinAnswerSchema = z.strictObject(checkinFields);

/** How a project ended. */
export const projectOutcomes = ['completed', 'completed_partially', 'abandoned'] as const;

/** The final cycle: the last check-in, the T1 digital maturity and the closing report. */
export const closingAnswerSchema = z.strictObject({
  ...checkinFields,
  dma: z.strictObject(
    Object.fromEntries(dmaDimensions.map((dimension) => [dimension, score])) as Record<
      DmaDimension,
      typeof score
    >,
  ),
  outcome: z.enum(projectOutcomes),
  report: multiLine(1, 10_000),
});

/** The programme office vets a registered manager: approved with a merit score, or rejected. */
export const vettingAnswerSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    merit: storableNumber().min(0).max(100),
    notes: multiLine(0, 2000).optional(),
  }),
  z.strictObject({ decision: z.literal('reject'), reason }),
]);

/** A firm invited to a collaboration joins it or declines, with an optional note. */
export const joinAnswerSchema = z.strictObject({
  decision: z.enum(['join', 'decline']),
  note: multiLine(1, 1000).optional(),
});

/** How a collaboration is going, as its coordinator reports it each cycle. */
export const collaborationActivityStatuses = ['active', 'paused', 'ended'] as const;

/**
 * The coordinator's report of a verification cycle: the economic benefit of each member in euro
 * with its justification, how the collaboration is going, the members who left, notes. Which
 * members it must name is checked against the collaboration (collaborationReportIssues).
 */
export const collaborationReportAnswerSchema = z
  .strictObject({
    benefits: z
      .array(
        z.strictObject({
          applicationId: z.uuid(),
          economicBenefitEur: storableNumber().min(0).max(1_000_000_000),
          justification: multiLine(1, 2000),
        }),
      )
      .min(1)
      .max(100),
    status: z.enum(collaborationActivityStatuses),
    left: z.array(z.uuid()).max(100).default([]),
    notes: multiLine(1, 5000).optional(),
  })
  .superRefine((report, ctx) => {
    const seen = new Set<string>();
    report.benefits.forEach((benefit, i) => {
      if (seen.has(benefit.applicationId))
        ctx.addIssue({
          code: 'custom',
          path: ['benefits', i, 'applicationId'],
          message: 'validation.duplicates',
        });
      seen.add(benefit.applicationId);
    });
  });

/**
 * A provider records a planned service (services programmes): delivered on a day, with its hours and
 * participants; or not delivered, with why (its value goes back to the budget).
 */
export const deliveryAnswerSchema = z
  .strictObject({
    deliveredOn: z.iso
      .date({ message: 'validation.invalid' })
      .refine((date) => date <= italianToday(), { message: 'validation.futureDate' })
      .optional(),
    hours: storableNumber().positive().max(10_000).optional(),
    participants: z.number().int().min(1).max(10_000).optional(),
    /** Access-to-finance support (investment_support services): the investment it triggered. */
    investmentTriggeredEur: storableNumber().min(0).max(10_000_000_000).optional(),
    notes: multiLine(1, 2000).optional(),
    notDelivered: z.literal(true).optional(),
    reason: multiLine(1, 1000).optional(),
  })
  .superRefine((answer, ctx) => {
    const required = (field: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    const refused = (field: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message: 'validation.notWithNotDelivered' });
    if (answer.notDelivered) {
      if (answer.reason === undefined) required('reason');
      for (const field of [
        'deliveredOn',
        'hours',
        'participants',
        'investmentTriggeredEur',
        'notes',
      ] as const)
        if (answer[field] !== undefined) refused(field);
    } else {
      if (answer.deliveredOn === undefined) required('deliveredOn');
      if (answer.hours === undefined) required('hours');
      if (answer.reason !== undefined) refused('reason');
    }
  });

/**
 * The answer to the delivery task of a service of this category: the investment triggered is asked
 * of access-to-finance support only (the EDIH network's KPI), and refused for any other service.
 */
export function deliveryAnswerSchemaFor(category: ServiceCategory | undefined) {
  return deliveryAnswerSchema.superRefine((answer, ctx) => {
    if (answer.investmentTriggeredEur !== undefined && category !== 'investment_support')
      ctx.addIssue({
        code: 'custom',
        path: ['investmentTriggeredEur'],
        message: 'validation.investmentOnlyForInvestmentSupport',
      });
  });
}

/** The expert's T1 DMA (services programmes): the six scores again, after the services. */
export const followUpAnswerSchema = z.strictObject({
  dma: z.strictObject(
    Object.fromEntries(dmaDimensions.map((dimension) => [dimension, score])) as Record<
      DmaDimension,
      typeof score
    >,
  ),
  notes: multiLine(1, 5000).optional(),
});

/** The programme office records the COR the national State-aid register returned for the aid. */
export const registrationAnswerSchema = z.strictObject({ cor: rnaCode });

export const humanTaskAnswerSchemas = {
  offer: offerAnswerSchema,
  assessment: assessmentAnswerSchema,
  financing: financingAnswerSchema,
  escalation: escalationAnswerSchema,
  checkin: checkinAnswerSchema,
  closing: closingAnswerSchema,
  vetting: vettingAnswerSchema,
  registration: registrationAnswerSchema,
  join: joinAnswerSchema,
  collaboration_report: collaborationReportAnswerSchema,
  delivery: deliveryAnswerSchema,
  followup: followUpAnswerSchema,
} as const satisfies Record<HumanTaskKind, z.ZodType>;

/**
 * Every code an answer holds besides numbers, booleans and IDs: the decisions of each kind, the
 * improvement areas, qualitative progress and project outcomes. Whatever else an answer holds as
 * text was written by a person (a reason, findings, a KPI's name) and goes when personal data is
 * erased (see withoutFreeText).
 */
export const answerCodes: ReadonlySet<string> = new Set([
  ...[offerAnswerSchema, financingAnswerSchema, escalationAnswerSchema, vettingAnswerSchema].flatMap(
    (schema) => schema.options.map((option) => option.shape.decision.value as string),
  ),
  ...joinAnswerSchema.shape.decision.options,
  ...interestAreas,
  ...qualitativeProgress,
  ...projectOutcomes,
  ...collaborationActivityStatuses,
  ...resourceKinds,
]);

export type HumanTaskAnswer<K extends HumanTaskKind> = z.output<(typeof humanTaskAnswerSchemas)[K]>;

/**
 * What the workflow receives when a task is answered: codes and IDs only, never free text (findings,
 * reasons and the project proposal stay in DynamoDB).
 */
export function taskOutputForWorkflow(kind: HumanTaskKind, answer: unknown): Record<string, unknown> {
  switch (kind) {
    case 'offer':
      return { decision: (answer as HumanTaskAnswer<'offer'>).decision };
    case 'assessment':
      return { projectRecommended: (answer as HumanTaskAnswer<'assessment'>).projectRecommended };
    case 'financing': {
      const financing = answer as HumanTaskAnswer<'financing'>;
      return financing.decision === 'approve'
        ? { decision: 'approve', amountEur: financing.amountEur }
        : { decision: 'reject' };
    }
    case 'checkin':
      return { submitted: true };
    case 'registration':
      return { registered: true };
    case 'vetting':
      return { decision: (answer as HumanTaskAnswer<'vetting'>).decision };
    case 'closing':
      return { outcome: (answer as HumanTaskAnswer<'closing'>).outcome };
    case 'join':
      return { decision: (answer as HumanTaskAnswer<'join'>).decision };
    case 'collaboration_report':
      return { status: (answer as HumanTaskAnswer<'collaboration_report'>).status };
    case 'delivery':
      return { delivered: (answer as HumanTaskAnswer<'delivery'>).notDelivered !== true };
    case 'followup':
      return { submitted: true };
    case 'escalation': {
      const escalation = answer as HumanTaskAnswer<'escalation'>;
      return escalation.decision === 'assign'
        ? { decision: 'assign', managerId: escalation.managerId }
        : { decision: 'close' };
    }
  }
}
