// Journey task "Screen eligibility": IDs in, { eligible, reason? } out (a reason code, no text).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { readEnv } from '#shared/config/env.ts';
import { logger, metrics } from '#shared/observability/powertools.ts';
import { screenApplication } from '#shared/use-cases/screen-application.ts';
import { type JourneyTaskInput, journeyTaskInputSchema } from '#shared/workflows/journey-task.ts';

const env = readEnv({ TABLE_NAME: z.string().min(1) });

export const handler = middy<JourneyTaskInput>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .use(parser({ schema: journeyTaskInputSchema }))
  .handler(async (input) => screenApplication(input.applicationId, { tableName: env.TABLE_NAME }));
