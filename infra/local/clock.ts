// One accelerated clock for the local process: `npm start -- --time-scale X` replaces the process's
// Date (Date.now and new Date()) with one that runs 1/X times faster, before any handler loads, so
// handlers, the Step Functions engine and every recorded timestamp read the same time, and the
// handlers stay unaware of local mode. Timers (setTimeout) keep real time: the engine shortens them.
//
// The clock's anchor is kept in a file of the data folder: after a restart it goes on from where it
// was, as if it had kept running at its pace while the stack was down (AWS never stops), so times
// already written never lie in the future of the clock that reads them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface Anchor {
  /** Real epoch ms at the anchor. */
  realAnchor: number;
  /** Clock epoch ms at the anchor. */
  clockAnchor: number;
  /** Real ms per clock ms. */
  scale: number;
}

const RealDate = Date;

function readAnchor(file: string | undefined): Anchor | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Anchor>;
    const { realAnchor, clockAnchor, scale } = parsed;
    if (
      typeof realAnchor === 'number' &&
      typeof clockAnchor === 'number' &&
      typeof scale === 'number' &&
      scale > 0
    )
      return { realAnchor, clockAnchor, scale };
  } catch {
    // an unreadable anchor: start again from real time
  }
  return undefined;
}

/** Clock time under an anchor, at a real time. */
const clockAt = (anchor: Anchor, real: number) =>
  anchor.clockAnchor + (real - anchor.realAnchor) / anchor.scale;

/**
 * Makes Date in this process run 1/scale times faster than real time.
 * @param options.scale - real ms per clock ms (0.001: a clock hour passes in 3.6 real seconds)
 * @param options.anchorFile - where the clock's anchor is kept across restarts (absent: memory only)
 * @returns whether a scaled clock is installed (false at scale 1 with a clock that never ran ahead)
 */
export function installScaledClock(options: { scale: number; anchorFile?: string }): boolean {
  if (!(options.scale > 0) || !Number.isFinite(options.scale))
    throw new Error(`Invalid time scale: ${options.scale}`);
  if (globalThis.Date !== RealDate) throw new Error('A scaled clock is installed already');
  const real = RealDate.now();
  const previous = readAnchor(options.anchorFile);
  const clock = previous ? Math.max(real, clockAt(previous, real)) : real;
  if (options.scale === 1 && clock === real) return false;
  const anchor: Anchor = { realAnchor: real, clockAnchor: clock, scale: options.scale };
  if (options.anchorFile) {
    mkdirSync(dirname(options.anchorFile), { recursive: true });
    writeFileSync(options.anchorFile, `${JSON.stringify(anchor)}\n`);
  }
  const now = () => Math.floor(clockAt(anchor, RealDate.now()));
  const ScaledDate: DateConstructor = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
    },
    apply() {
      // Date() called as a function: the current time as a string.
      return new RealDate(now()).toString();
    },
    get(target, property, receiver) {
      if (property === 'now') return now;
      return Reflect.get(target, property, receiver);
    },
  });
  globalThis.Date = ScaledDate;
  return true;
}
