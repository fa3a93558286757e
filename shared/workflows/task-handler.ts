// The shape of every state machine task handler: Powertools logger context and metrics, the input
// validated with its zod schema (IDs and codes only), then the use case.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type * as z from 'zod';
import { logger, metrics } from '#shared/observability/powertools.ts';

/** A task handler validating its input with `schema` and running `run` on it. */
export function taskHandler<Schema extends z.ZodType, Result>(
  schema: Schema,
  run: (input: z.output<Schema>) => Promise<Result>,
) {
  return middy<z.output<Schema>>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(parser({ schema }))
    .handler(async (input) => run(input as z.output<Schema>));
}
