// The project-monitoring task handlers, one export per state machine task (the function catalogue
// names the export). IDs and the cycle number in, codes out.
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { programmeIdSchema } from '#shared/domain/programme.ts';
import { mailerConfig, sendEmail } from '#shared/email/mailer.ts';
import type { JourneyDeps } from '#shared/use-cases/journey.ts';
import { closeProject, planCycle, recordCheckin } from '#shared/use-cases/monitoring.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const env = readFunctionEnv(functionCatalog.planCycle);

const deps: JourneyDeps = {
  tableName: env.TABLE_NAME,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  send: (to, email) => sendEmail(mailerConfig(env), to, email),
};

const cycleInput = z.object({
  projectId: z.uuid(),
  applicationId: z.uuid(),
  programmeId: programmeIdSchema,
  cycle: z.number().int().min(1).max(1000),
});

export const planCycleHandler = taskHandler(cycleInput, (input) => planCycle(deps, input));

export const recordCheckinHandler = taskHandler(
  cycleInput.extend({ missed: z.boolean(), final: z.boolean() }),
  (input) => recordCheckin(deps, input),
);

export const closeProjectHandler = taskHandler(cycleInput.extend({ missed: z.boolean() }), (input) =>
  closeProject(deps, input),
);
