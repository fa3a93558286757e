// The services steps of a services programme's journey (an EDIH), one export per state machine
// task: open the deliveries (or remind the providers), close the services not delivered in time,
// record the T1 DMA. Thin: validate the IDs-only input, call the use case, return codes.
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { mailerConfig, sendEmail } from '#shared/email/mailer.ts';
import type { JourneyDeps } from '#shared/use-cases/journey.ts';
import {
  expireServiceDeliveries,
  openServiceDeliveries,
  recordFollowUp,
} from '#shared/use-cases/services.ts';
import {
  journeyTaskInputSchema,
  openDeliveriesInputSchema,
  roundTaskInputSchema,
} from '#shared/workflows/journey-task.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const env = readFunctionEnv(functionCatalog.openServiceDeliveries);

const deps: JourneyDeps = {
  tableName: env.TABLE_NAME,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  send: (to, email) => sendEmail(mailerConfig(env), to, email),
};

export const openServiceDeliveriesHandler = taskHandler(openDeliveriesInputSchema, (input) =>
  openServiceDeliveries(deps, input),
);

export const expireServiceDeliveriesHandler = taskHandler(journeyTaskInputSchema, (input) =>
  expireServiceDeliveries(deps, input),
);

export const recordFollowUpHandler = taskHandler(roundTaskInputSchema, (input) =>
  recordFollowUp(deps, input),
);
