// The journey's task handlers after screening, one export per state machine task (the function
// catalogue names the export). Thin: validate the IDs-only input, call the use case, return codes.
import * as z from 'zod';
import { readEnv } from '#shared/config/env.ts';
import { sendEmail } from '#shared/email/mailer.ts';
import {
  assignManager,
  closeJourney,
  closeOffer,
  expireTask,
  type JourneyDeps,
  launchProject,
  matchManager,
  openTask,
  recordAssessment,
  reserveBudget,
} from '#shared/use-cases/journey.ts';
import {
  assignManagerInputSchema,
  closeJourneyInputSchema,
  closeOfferInputSchema,
  expireTaskInputSchema,
  matchManagerInputSchema,
  openHumanTaskInputSchema,
  roundTaskInputSchema,
} from '#shared/workflows/journey-task.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const env = readEnv({
  TABLE_NAME: z.string().min(1),
  SENDER_EMAIL: z.email(),
  SES_CONFIGURATION_SET: z.string().optional(),
  PUBLIC_BASE_URL: z.url(),
  MONITORING_STATE_MACHINE_ARN: z.string().startsWith('arn:').optional(),
});

const deps: JourneyDeps = {
  tableName: env.TABLE_NAME,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  ...(env.MONITORING_STATE_MACHINE_ARN
    ? { monitoringStateMachineArn: env.MONITORING_STATE_MACHINE_ARN }
    : {}),
  send: (to, email) =>
    sendEmail({ senderEmail: env.SENDER_EMAIL, configurationSet: env.SES_CONFIGURATION_SET }, to, email),
};

export const matchManagerHandler = taskHandler(matchManagerInputSchema, (input) =>
  matchManager(deps, input.applicationId),
);

export const openHumanTaskHandler = taskHandler(openHumanTaskInputSchema, (input) =>
  openTask(deps, {
    applicationId: input.applicationId,
    kind: input.kind,
    phase: input.phase,
    taskToken: input.taskToken,
    ...(input.round ? { round: input.round } : {}),
    ...(input.managerId ? { managerId: input.managerId } : {}),
    ...(input.escalated ? { escalated: true } : {}),
  }),
);

export const expireTaskHandler = taskHandler(expireTaskInputSchema, (input) => expireTask(deps, input));

export const closeOfferHandler = taskHandler(closeOfferInputSchema, (input) => closeOffer(deps, input));

export const assignManagerHandler = taskHandler(assignManagerInputSchema, (input) =>
  assignManager(deps, {
    applicationId: input.applicationId,
    ...(input.managerId ? { managerId: input.managerId } : {}),
    ...(input.escalationRound ? { escalationRound: input.escalationRound } : {}),
  }),
);

export const recordAssessmentHandler = taskHandler(roundTaskInputSchema, (input) =>
  recordAssessment(deps, input),
);

export const reserveBudgetHandler = taskHandler(roundTaskInputSchema, (input) => reserveBudget(deps, input));

export const launchProjectHandler = taskHandler(roundTaskInputSchema, (input) => launchProject(deps, input));

export const closeJourneyHandler = taskHandler(closeJourneyInputSchema, (input) => closeJourney(deps, input));
