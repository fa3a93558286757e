// The manager-onboarding task handlers, one export per state machine task. The manager's ID in,
// codes out.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { readEnv } from '#shared/config/env.ts';
import { sendEmail } from '#shared/email/mailer.ts';
import { logger } from '#shared/observability/powertools.ts';
import {
  applyVetting,
  expireVetting,
  type OnboardingDeps,
  openVettingTask,
} from '#shared/use-cases/manager-onboarding.ts';

const env = readEnv({
  TABLE_NAME: z.string().min(1),
  SENDER_EMAIL: z.email(),
  SES_CONFIGURATION_SET: z.string().optional(),
  PUBLIC_BASE_URL: z.url(),
  OFFICE_EMAIL: z.email(),
});

const deps: OnboardingDeps = {
  tableName: env.TABLE_NAME,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  officeEmail: env.OFFICE_EMAIL,
  send: (to, email) =>
    sendEmail({ senderEmail: env.SENDER_EMAIL, configurationSet: env.SES_CONFIGURATION_SET }, to, email),
};

const managerInput = z.object({ managerId: z.uuid() });

function step<Schema extends z.ZodType, Result>(
  schema: Schema,
  run: (input: z.output<Schema>) => Promise<Result>,
) {
  return middy<z.output<Schema>>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(parser({ schema }))
    .handler(async (input) => run(input as z.output<Schema>));
}

export const openVettingTaskHandler = step(
  managerInput.extend({ taskToken: z.string().min(1).max(4096), phase: z.enum(['first', 'reminder']) }),
  (input) => openVettingTask(deps, input),
);

export const applyVettingHandler = step(managerInput, (input) => applyVetting(deps, input));

export const expireVettingHandler = step(managerInput, (input) => expireVetting(deps, input));
