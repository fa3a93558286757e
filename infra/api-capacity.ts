// How much traffic each kind of request may bring, per second, before API Gateway answers 429:
// separate token buckets so an opening-day rush on the form cannot starve the managers' task links
// or the programme office, and pages (cheap, mostly cached) cannot starve submissions.
//
// The capacity model behind the figures (an opening "a sportello" of a regional call):
// - 5,000 firms in the first 10 minutes is 8 submissions/s on average; at the opening minute
//   perhaps ten times that. Submissions: 100/s steady, bursts of 200.
// - Each firm loads the form and its status page a few times; scripts and styles are cached for a
//   year (hashed names). Pages: 300/s, bursts of 600.
// - Task links and status pages are answered by managers, the office and SMEs following e-mails:
//   a few per minute in normal times, kept apart so they work during a rush. Links: 100/s, 200.
// - The programme office: a handful of people. Admin: 20/s, bursts of 40.
// Together they stay far below the account's API Gateway quota (10,000/s per region). Each
// submission holds a Lambda for ~0.1-0.2 s: 100/s needs ~20 concurrent executions, under the
// default account concurrency of 1,000 (a new account may start lower: see the README's go-live
// guide).
import type { Route } from '#shared/http/routes.ts';

export type TrafficClass = 'pages' | 'submissions' | 'links' | 'admin';

export const trafficLimits: Readonly<Record<TrafficClass, { rate: number; burst: number }>> = {
  pages: { rate: 300, burst: 600 },
  submissions: { rate: 100, burst: 200 },
  links: { rate: 100, burst: 200 },
  admin: { rate: 20, burst: 40 },
};

/** Which bucket a request draws from: the route and its method decide. */
export function trafficClassOf(route: Route, method: Route['methods'][number]): TrafficClass {
  if (route.admin) return 'admin';
  if (route.path.includes('{token}')) return 'links';
  if (method === 'POST') return 'submissions';
  return 'pages';
}

/**
 * The buffer between an acknowledged application and its journey (SQS, drained by the
 * startJourneys function): the intake never waits on Step Functions. Sized so that a throttled
 * start is retried for long enough (backoff 1, 2, 4… s up to a minute; 15 receives ≈ 10 minutes)
 * before the message goes to the dead-letter queue, whose depth raises the alarm.
 */
export const journeyStartBuffer = {
  /** Lambda asks for at least the function's timeout; a retry's own delay is set per message. */
  visibilityTimeoutSeconds: 60,
  maxReceiveCount: 15,
  /** Longest wait before a throttled start is tried again. */
  maxRetryDelaySeconds: 60,
  /** Records per invocation, and invocations at once (the event source's maximum concurrency). */
  batchSize: 10,
  maxConcurrency: 5,
  deadLetterRetentionDays: 14,
  consumerTimeoutSeconds: 30,
} as const;

/** How long a start throttled for the n-th time (n ≥ 1) waits before it is tried again. */
export const journeyStartRetryDelaySeconds = (receiveCount: number): number =>
  Math.min(2 ** Math.max(0, receiveCount - 1), journeyStartBuffer.maxRetryDelaySeconds);

/**
 * The AWS quotas an opening day meets, as token buckets (the figures of the service quotas pages
 * for Standard workflows and Lambda, eu-south-1 among "all other regions"); the opening-day
 * benchmark models them, the go-live guide says how to raise them.
 */
export const awsQuotas = {
  /** states:StartExecution, per account and region: bucket 800, refill 150/s. */
  startExecution: { rate: 150, burst: 800 },
  /** Lambda concurrent executions per account and region: 1,000 by default; new accounts start at 10. */
  lambdaConcurrency: { default: 1000, newAccount: 10 },
  /** DynamoDB on-demand, a new table: up to 4,000 write and 12,000 read request units per second. */
  dynamoDbOnDemand: { writeUnits: 4000, readUnits: 12000 },
} as const;

/**
 * Reserved concurrency, opt-in (`-c percorso-pmi:reservedConcurrency=true`) because Lambda refuses
 * any reservation that leaves an account fewer than 100 unreserved executions: ask for the 1,000
 * quota first (the go-live guide). Then the form's rush is capped (40 at once is 200 submissions a
 * second at 0.2 s each, twice the stage's submissions rate) so task links, the office and journey
 * steps keep the rest, and the buffer's consumer always has its own, so journeys start during the
 * rush instead of after it.
 */
export const reservedConcurrency = {
  submitApplication: 40,
  startJourneys: journeyStartBuffer.maxConcurrency,
} as const;
