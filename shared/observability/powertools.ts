// One logger and one metrics instance for every handler (Powertools); log IDs, never personal
// data. Traces come from Lambda's active tracing (X-Ray): no tracer in the bundle, whose X-Ray SDK
// weighed ~115 KB and slowed every cold start while nothing called it.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'percorso-pmi';

export const logger = new Logger({ serviceName });
/**
 * Metrics log through our logger, minus the warning Powertools prints for every invocation that
 * emitted no metric (most of them: counters are events, not every call is one).
 */
const metricsLogger = {
  debug: (...args: unknown[]) => logger.debug(String(args[0] ?? '')),
  info: (...args: unknown[]) => logger.info(String(args[0] ?? '')),
  warn: (...args: unknown[]) => {
    const message = String(args[0] ?? '');
    if (!message.startsWith('No application metrics to publish')) logger.warn(message);
  },
  error: (...args: unknown[]) => logger.error(String(args[0] ?? '')),
};

export const metrics = new Metrics({ serviceName, namespace: 'PercorsoPmi', logger: metricsLogger });

/** The programme counters also published as CloudWatch metrics (the dashboard graphs them). */
export const programmeMetricNames = [
  'ApplicationsSubmitted',
  'ApplicationsEligible',
  'AssessmentsCompleted',
  'ProjectsLaunched',
] as const;
export type ProgrammeMetricName = (typeof programmeMetricNames)[number];

/** Counts one programme event as a metric (flushed by the handler's logMetrics middleware). */
export function countProgrammeEvent(name: ProgrammeMetricName): void {
  metrics.addMetric(name, MetricUnit.Count, 1);
}
