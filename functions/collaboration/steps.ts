// The collaboration workflow's task handlers, one export per state machine task (the function
// catalogue names the export). IDs, the cycle number and codes in; codes out.
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { programmeIdSchema } from '#shared/domain/programme.ts';
import { mailerConfig, sendEmail } from '#shared/email/mailer.ts';
import {
  type CollaborationDeps,
  closeCollaboration,
  finishInvitations,
  openInvitations,
  openReportTask,
  planCollaborationCycle,
  recordCollaborationReport,
} from '#shared/use-cases/collaboration.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const env = readFunctionEnv(functionCatalog.planCollaborationCycle);

const deps: CollaborationDeps = {
  tableName: env.TABLE_NAME,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  send: (to, email) => sendEmail(mailerConfig(env), to, email),
};

const cycleInput = z.object({
  collaborationId: z.uuid(),
  programmeId: programmeIdSchema,
  cycle: z.number().int().min(0).max(1000),
});
const callbackInput = cycleInput.extend({
  /** Step Functions' task token ($$.Task.Token): stored, never logged. */
  taskToken: z.string().min(1).max(4096),
  phase: z.enum(['first', 'reminder']),
});

export const planCollaborationCycleHandler = taskHandler(cycleInput, (input) =>
  planCollaborationCycle(deps, input),
);

export const openInvitationsHandler = taskHandler(callbackInput, (input) => openInvitations(deps, input));

export const finishInvitationsHandler = taskHandler(cycleInput, (input) => finishInvitations(deps, input));

export const openCollaborationReportHandler = taskHandler(callbackInput, (input) =>
  openReportTask(deps, input),
);

export const recordCollaborationReportHandler = taskHandler(
  cycleInput.extend({ missed: z.boolean() }),
  (input) => recordCollaborationReport(deps, input),
);

export const closeCollaborationHandler = taskHandler(cycleInput, (input) => closeCollaboration(deps, input));
