// API Gateway's throttling, locally: one token bucket per method, with its traffic class's rate and
// burst (infra/api-capacity.ts, the figures CDK deploys). A request finding its bucket empty gets
// what API Gateway answers then: 429 {"message":"Too Many Requests"}.
import type { Route } from '#shared/http/routes.ts';
import { trafficClassOf, trafficLimits } from '../api-capacity.ts';

/** A bucket of `burst` tokens refilled at `rate` per second; each request takes one. */
export class TokenBucket {
  private readonly rate: number;
  private readonly burst: number;
  private readonly now: () => number;
  private tokens: number;
  private last: number;

  constructor(rate: number, burst: number, now: () => number = () => performance.now()) {
    this.rate = rate;
    this.burst = burst;
    this.now = now;
    this.tokens = burst;
    this.last = now();
  }

  /** Takes a token if there is one. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** The buckets of every method of the route table, created on first use. */
export function methodThrottle(now?: () => number) {
  const buckets = new Map<string, TokenBucket>();
  return (route: Route, method: Route['methods'][number]): boolean => {
    const key = `${method} ${route.path}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      const limits = trafficLimits[trafficClassOf(route, method)];
      bucket = new TokenBucket(limits.rate, limits.burst, now);
      buckets.set(key, bucket);
    }
    return bucket.take();
  };
}
