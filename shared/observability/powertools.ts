// One logger, one metrics and one tracer instance for every handler (Powertools); log IDs, never
// personal data.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'percorso-pmi';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: 'PercorsoPmi' });
export const tracer = new Tracer({ serviceName });
