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
