// Journey task "Screen eligibility": IDs in, { eligible, reason? } out (a reason code, no text).
import * as z from 'zod';
import { readEnv } from '#shared/config/env.ts';
import { screenApplication } from '#shared/use-cases/screen-application.ts';
import { journeyTaskInputSchema } from '#shared/workflows/journey-task.ts';
import { taskHandler } from '#shared/workflows/task-handler.ts';

const env = readEnv({ TABLE_NAME: z.string().min(1) });

export const handler = taskHandler(journeyTaskInputSchema, (input) =>
  screenApplication(input.applicationId, { tableName: env.TABLE_NAME }),
);
