// The journey's task handlers after screening, one export per state machine task (the function
// catalogue names the export). Thin: validate the IDs-only input, call the use case, return codes.
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { mailerConfig, sendEmail } from '#shared/email/mailer.ts';
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

// One bundle for every journey step, each function given what its own flags bring: only the launch
// starts monitoring, so only its function has the monitoring state machine.
const env = readFunctionEnv(functionCatalog.matchManager);
const monitoringEnv = process.env.MONITORING_STATE_MACHINE_ARN
  ? readFunctionEnv(functionCatalog.launchProject)
  : undefined;

const deps: JourneyDeps = {
  tableName: env.TABLE_NAME,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  ...(monitoringEnv ? { monitoringStateMachineArn: monitoringEnv.MONITORING_STATE_MACHINE_ARN } : {}),
  send: (to, email) => sendEmail(mailerConfig(env), to, email),
};

export const matchManagerHandler = taskHandler(matchManagerInputSchema, (input) => matchManager(deps, input));

export const openHumanTaskHandler = taskHandler(openHumanTaskInputSchema, (input) =>
  openTask(deps, {
    applicationId: input.applicationId,
    programmeId: input.programmeId,
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
    programmeId: input.programmeId,
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
