// Journey task "Screen eligibility": IDs in, { eligible, reason? } out (a reason code, no text).
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { screenApplication } from '#shared/use-cases/screen-application.ts';
import { journeyTaskInputSchema } from '#shared/workflows/journey-task.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const env = readFunctionEnv(functionCatalog.screenEligibility);

export const handler = taskHandler(journeyTaskInputSchema, (input) =>
  screenApplication(input, { tableName: env.TABLE_NAME }),
);
