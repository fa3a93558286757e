// The manager-onboarding task handlers, one export per state machine task. The manager's ID in,
// codes out.
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { mailerConfig, sendEmail } from '#shared/email/mailer.ts';
import {
  applyVetting,
  expireVetting,
  type OnboardingDeps,
  openVettingTask,
} from '#shared/use-cases/manager-onboarding.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const env = readFunctionEnv(functionCatalog.openVettingTask);

const deps: OnboardingDeps = {
  tableName: env.TABLE_NAME,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  officeEmail: env.OFFICE_EMAIL,
  send: (to, email) => sendEmail(mailerConfig(env), to, email),
};

const managerInput = z.object({ managerId: z.uuid() });

export const openVettingTaskHandler = taskHandler(
  managerInput.extend({ taskToken: z.string().min(1).max(4096), phase: z.enum(['first', 'reminder']) }),
  (input) => openVettingTask(deps, input),
);

export const applyVettingHandler = taskHandler(managerInput, (input) => applyVetting(deps, input));

export const expireVettingHandler = taskHandler(managerInput, (input) => expireVetting(deps, input));
