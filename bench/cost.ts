// The cost model: what the journeys actually used (state transitions from the histories, Lambda
// invocations and their measured durations, DynamoDB request units, API requests, e-mails) times
// the list prices in bench/prices.json, per completed journey and per 1,000 SMEs.
import { readFileSync } from 'node:fs';

export interface Prices {
  region: string;
  currency: string;
  writtenOn: string;
  pricesAsOf: string;
  regionNote: string;
  stepFunctions: { standardPerThousandStateTransitions: number };
  lambda: { armPerGbSecond: number; perMillionRequests: number; memoryMb: number };
  dynamoDb: { onDemandPerMillionWriteRequestUnits: number; onDemandPerMillionReadRequestUnits: number };
  apiGateway: { restPerMillionRequests: number };
  ses: { perThousandEmails: number };
  sqs: { standardPerMillionRequests: number };
  estimatedOnly: {
    cloudWatchLogsPerGbIngested: number;
    xRayPerMillionTracesRecorded: number;
    assumedLogBytesPerLambdaInvocation: number;
    assumedLogBytesPerStateMachineEvent: number;
    assumedLogBytesPerApiRequest: number;
  };
}

export function loadPrices(): Prices {
  return JSON.parse(readFileSync(new URL('./prices.json', import.meta.url), 'utf8')) as Prices;
}

/** What the completed journeys used, all of them together. */
export interface Usage {
  readonly journeys: number;
  readonly stateTransitions: number;
  readonly historyEvents: number;
  readonly lambdaInvocations: number;
  /** Σ duration rounded up to the ms, per invocation. */
  readonly lambdaBilledMs: number;
  readonly readRequestUnits: number;
  readonly writeRequestUnits: number;
  readonly apiRequests: number;
  readonly emails: number;
  /** Requests to the intake's buffer: sends, and Lambda's receives and batch deletes that found messages. */
  readonly sqsRequests: number;
}

export interface CostLine {
  readonly item: string;
  readonly quantityPerJourney: number;
  readonly unit: string;
  readonly usdPerJourney: number;
}

export interface CostResult {
  readonly lines: CostLine[];
  readonly usdPerJourney: number;
  readonly usdPer1000Smes: number;
  /** Logs and traces, estimated from assumed sizes: not in the total. */
  readonly estimatedExtras: CostLine[];
  readonly estimatedExtrasUsdPerJourney: number;
}

export function costOf(usage: Usage, prices: Prices): CostResult {
  const per = (value: number) => value / Math.max(1, usage.journeys);
  const gbSeconds = (usage.lambdaBilledMs / 1000) * (prices.lambda.memoryMb / 1024);
  const lines: CostLine[] = [
    {
      item: 'Step Functions state transitions',
      quantityPerJourney: per(usage.stateTransitions),
      unit: 'transitions',
      usdPerJourney:
        per(usage.stateTransitions) * (prices.stepFunctions.standardPerThousandStateTransitions / 1000),
    },
    {
      item: 'Lambda requests',
      quantityPerJourney: per(usage.lambdaInvocations),
      unit: 'invocations',
      usdPerJourney: per(usage.lambdaInvocations) * (prices.lambda.perMillionRequests / 1e6),
    },
    {
      item: `Lambda duration (${prices.lambda.memoryMb} MB arm64)`,
      quantityPerJourney: per(gbSeconds),
      unit: 'GB-s',
      usdPerJourney: per(gbSeconds) * prices.lambda.armPerGbSecond,
    },
    {
      item: 'DynamoDB write request units',
      quantityPerJourney: per(usage.writeRequestUnits),
      unit: 'WRU',
      usdPerJourney:
        per(usage.writeRequestUnits) * (prices.dynamoDb.onDemandPerMillionWriteRequestUnits / 1e6),
    },
    {
      item: 'DynamoDB read request units',
      quantityPerJourney: per(usage.readRequestUnits),
      unit: 'RRU',
      usdPerJourney: per(usage.readRequestUnits) * (prices.dynamoDb.onDemandPerMillionReadRequestUnits / 1e6),
    },
    {
      item: 'API Gateway REST requests',
      quantityPerJourney: per(usage.apiRequests),
      unit: 'requests',
      usdPerJourney: per(usage.apiRequests) * (prices.apiGateway.restPerMillionRequests / 1e6),
    },
    {
      item: 'SQS requests (the journey-start buffer)',
      quantityPerJourney: per(usage.sqsRequests),
      unit: 'requests',
      usdPerJourney: per(usage.sqsRequests) * (prices.sqs.standardPerMillionRequests / 1e6),
    },
    {
      item: 'SES e-mails',
      quantityPerJourney: per(usage.emails),
      unit: 'e-mails',
      usdPerJourney: per(usage.emails) * (prices.ses.perThousandEmails / 1000),
    },
  ];
  const usdPerJourney = lines.reduce((sum, line) => sum + line.usdPerJourney, 0);
  const extra = prices.estimatedOnly;
  const logBytes =
    usage.lambdaInvocations * extra.assumedLogBytesPerLambdaInvocation +
    usage.historyEvents * extra.assumedLogBytesPerStateMachineEvent +
    usage.apiRequests * extra.assumedLogBytesPerApiRequest;
  // Every API request and every execution a trace, as if all were sampled (an upper bound).
  const traces = usage.apiRequests + usage.journeys;
  const estimatedExtras: CostLine[] = [
    {
      item: 'CloudWatch Logs ingestion (estimated)',
      quantityPerJourney: per(logBytes) / 1024,
      unit: 'KB',
      usdPerJourney: (per(logBytes) / 1024 ** 3) * extra.cloudWatchLogsPerGbIngested,
    },
    {
      item: 'X-Ray traces (estimated, all sampled)',
      quantityPerJourney: per(traces),
      unit: 'traces',
      usdPerJourney: per(traces) * (extra.xRayPerMillionTracesRecorded / 1e6),
    },
  ];
  return {
    lines,
    usdPerJourney,
    usdPer1000Smes: usdPerJourney * 1000,
    estimatedExtras,
    estimatedExtrasUsdPerJourney: estimatedExtras.reduce((sum, line) => sum + line.usdPerJourney, 0),
  };
}
