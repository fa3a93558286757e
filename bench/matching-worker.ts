// Runs the cohort matcher's bench (bench/matching.ts) in a fresh process with --expose-gc, so its
// time and memory figures are not mixed with the local stack's.
import { answerOnce } from './fork.ts';
import { type MatchingBenchOptions, runMatchingBench } from './matching.ts';

answerOnce((options: MatchingBenchOptions) => runMatchingBench({ ...options, print: false }));
