// One logger, one metrics and one tracer instance for every handler (Powertools); log IDs, never
// personal data.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'percorso-pmi';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: 'PercorsoPmi' });
export const tracer = new Tracer({ serviceName });

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
