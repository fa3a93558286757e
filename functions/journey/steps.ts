// The journey's task handlers after screening, one export per state machine task (the function
// catalogue names the export). Thin: validate the IDs-only input, call the use case, return codes.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { readEnv } from '#shared/config/env.ts';
import { sendEmail } from '#shared/email/mailer.ts';
import { logger, metrics } from '#shared/observability/powertools.ts';
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

function step<Schema extends z.ZodType, Result>(
  schema: Schema,
  run: (input: z.output<Schema>) => Promise<Result>,
) {
  return middy<z.output<Schema>>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(logMetrics(metrics))
    .use(parser({ schema }))
    .handler(async (input) => run(input as z.output<Schema>));
}

export const matchManagerHandler = step(matchManagerInputSchema, (input) =>
  matchManager(deps, input.applicationId),
);

export const openHumanTaskHandler = step(openHumanTaskInputSchema, (input) =>
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

export const expireTaskHandler = step(expireTaskInputSchema, (input) => expireTask(deps, input));

export const closeOfferHandler = step(closeOfferInputSchema, (input) => closeOffer(deps, input));

export const assignManagerHandler = step(assignManagerInputSchema, (input) =>
  assignManager(deps, {
    applicationId: input.applicationId,
    ...(input.managerId ? { managerId: input.managerId } : {}),
    ...(input.escalationRound ? { escalationRound: input.escalationRound } : {}),
  }),
);

export const recordAssessmentHandler = step(roundTaskInputSchema, (input) => recordAssessment(deps, input));

export const reserveBudgetHandler = step(roundTaskInputSchema, (input) => reserveBudget(deps, input));

export const launchProjectHandler = step(roundTaskInputSchema, (input) => launchProject(deps, input));

export const closeJourneyHandler = step(closeJourneyInputSchema, (input) => closeJourney(deps, input));
