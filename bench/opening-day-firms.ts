// The firms of an opening day, in a process of their own: each submits its application at its
// arrival time and, refused (429, 5xx, a dropped connection), tries again after a growing pause with
// the same Idempotency-Key, as the form page does; it gives up after its last try. Times are
// simulated: the schedule runs `speed` times faster than real time.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { benchApplication } from './applications.ts';
import { answerOnce } from './fork.ts';

export interface FirmsRequest {
  readonly url: string;
  readonly programmeId: string;
  /** Simulated seconds after the opening at which each firm first submits. */
  readonly arrivals: readonly number[];
  readonly serialStart: number;
  readonly speed: number;
  /** Pauses between tries, simulated seconds (the firm gives up after the last). */
  readonly retryPausesSeconds: readonly number[];
}

export interface FirmOutcome {
  readonly serial: number;
  readonly arrival: number;
  /** 'accepted' with its receipt; 'refused' a 4xx the firm cannot fix by trying again; 'gave_up'. */
  readonly outcome: 'accepted' | 'refused' | 'gave_up';
  readonly applicationId?: string;
  /** Simulated seconds from the first try to the receipt. */
  readonly secondsToReceipt?: number;
  readonly tries: number;
  /** The refusal's status and error code ('409 duplicateApplication'). */
  readonly refusedWith?: string;
  /** Answers that made it try again, by status ('network' for a dropped connection). */
  readonly retriedOn: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function firm(request: FirmsRequest, index: number, origin: number): Promise<FirmOutcome> {
  const serial = request.serialStart + index;
  const arrival = request.arrivals[index] ?? 0;
  const realAt = (simulatedSeconds: number) => origin + (simulatedSeconds * 1000) / request.speed;
  await sleep(Math.max(0, realAt(arrival) - performance.now()));
  const firstTry = performance.now();
  const key = randomUUID();
  const body = JSON.stringify(benchApplication(request.programmeId, serial));
  const retriedOn: Record<string, number> = {};
  for (let attempt = 0; ; attempt += 1) {
    let status: string;
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': key },
        body,
      });
      const answer = (await response.json().catch(() => ({}))) as { applicationId?: string; error?: string };
      if (response.status === 201)
        return {
          serial,
          arrival,
          outcome: 'accepted',
          ...(answer.applicationId ? { applicationId: answer.applicationId } : {}),
          secondsToReceipt: ((performance.now() - firstTry) / 1000) * request.speed,
          tries: attempt + 1,
          retriedOn,
        };
      // The first try still running (its answer lost to the firm): asked again later, it answers.
      const retryable =
        response.status === 429 || response.status >= 500 || answer.error === 'requestInProgress';
      if (!retryable)
        return {
          serial,
          arrival,
          outcome: 'refused',
          tries: attempt + 1,
          refusedWith: `${response.status} ${answer.error ?? ''}`.trim(),
          retriedOn,
        };
      status = answer.error === 'requestInProgress' ? '409 in progress' : String(response.status);
    } catch {
      status = 'network';
    }
    retriedOn[status] = (retriedOn[status] ?? 0) + 1;
    const pause = request.retryPausesSeconds[attempt];
    if (pause === undefined) return { serial, arrival, outcome: 'gave_up', tries: attempt + 1, retriedOn };
    // A little jitter, as people do not all click again at the same instant.
    await sleep(((pause * (0.75 + Math.random() * 0.5)) / request.speed) * 1000);
  }
}

answerOnce(async (request: FirmsRequest) => {
  const origin = performance.now() + 200;
  return Promise.all(request.arrivals.map((_, index) => firm(request, index, origin)));
});
