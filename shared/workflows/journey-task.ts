// What journey tasks receive and return: IDs and codes only (execution history must never hold
// names, e-mails or free text). Validated with the Powertools parser at each task's edge.
import * as z from 'zod';
import { journeyOutcomes } from '#shared/domain/application.ts';
import { humanTaskKinds } from '#shared/domain/human-tasks.ts';
import { programmeIdSchema } from '#shared/domain/programme.ts';

export const journeyTaskInputSchema = z.object({
  applicationId: z.uuid(),
  programmeId: programmeIdSchema,
});
export type JourneyTaskInput = z.infer<typeof journeyTaskInputSchema>;

export const sendApplicationEmailInputSchema = journeyTaskInputSchema.extend({
  emailKind: z.enum(['receipt', 'ineligible']),
});

const round = z.number().int().min(1).max(1000);
const taskKind = z.enum(humanTaskKinds);

export const matchManagerInputSchema = journeyTaskInputSchema;

export const openHumanTaskInputSchema = journeyTaskInputSchema.extend({
  /** Step Functions' task token ($$.Task.Token): stored, never logged. */
  taskToken: z.string().min(1).max(4096),
  kind: taskKind,
  phase: z.enum(['first', 'reminder']),
  round: round.optional(),
  managerId: z.uuid().optional(),
  escalated: z.boolean().optional(),
});

/** The deliveries' waiting state (services programmes): its token, first time or reminder. */
export const openDeliveriesInputSchema = journeyTaskInputSchema.extend({
  taskToken: z.string().min(1).max(4096),
  phase: z.enum(['first', 'reminder']),
});

export const expireTaskInputSchema = journeyTaskInputSchema.extend({ kind: taskKind });

export const closeOfferInputSchema = journeyTaskInputSchema.extend({
  managerId: z.uuid(),
  round,
  reason: z.enum(['declined', 'expired']),
});

export const assignManagerInputSchema = journeyTaskInputSchema.extend({
  managerId: z.uuid().optional(),
  escalationRound: round.optional(),
});

export const roundTaskInputSchema = journeyTaskInputSchema.extend({ round });

export const closeJourneyInputSchema = journeyTaskInputSchema.extend({
  outcome: z.enum(journeyOutcomes),
});
