// EventBridge target: SES bounce and complaint events of our configuration set → recorded once,
// counted per day, and emitted as metrics for the bounce-rate alarm.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { logger, metrics } from '#shared/observability/powertools.ts';
import { recordEmailEvent, type SesEmailEvent, sesEmailEventSchema } from '#shared/use-cases/email-events.ts';

const env = readFunctionEnv(functionCatalog.recordEmailEvent);

export const handler = middy<SesEmailEvent>()
  .use(logMetrics(metrics))
  .use(parser({ schema: sesEmailEventSchema }))
  .handler(async (event) => {
    const recorded = await recordEmailEvent(env.TABLE_NAME, event);
    const name = event.detail.eventType === 'Bounce' ? 'EmailBounced' : 'EmailComplaint';
    if (recorded > 0) metrics.addMetric(name, MetricUnit.Count, recorded);
    logger.info('SES event recorded', { eventType: event.detail.eventType, recorded });
    return { recorded };
  });
