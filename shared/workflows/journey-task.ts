// What journey tasks receive and return: IDs and codes only (execution history must never hold
// names, e-mails or free text). Validated with the Powertools parser at each task's edge.
import * as z from 'zod';
import { programmeIdSchema } from '#shared/domain/programme.ts';

export const journeyTaskInputSchema = z.object({
  applicationId: z.uuid(),
  programmeId: programmeIdSchema,
});
export type JourneyTaskInput = z.infer<typeof journeyTaskInputSchema>;

export const sendApplicationEmailInputSchema = journeyTaskInputSchema.extend({
  emailKind: z.enum(['receipt', 'ineligible']),
});
