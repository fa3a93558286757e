// One local stack per data folder: a second `npm start` (above all with --fresh, which empties the
// folder) on a folder another live stack uses would pull DynamoDB Local's files from under it. The
// running stack writes its process ID in the folder; a stale file (the stack was killed) is ignored.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const lockFile = (dataDir: string) => join(dataDir, 'stack.pid');

/** The process ID of another live stack using the folder, if any. */
export function otherStackUsing(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(lockFile(dataDir), 'utf8'), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but not ours to signal; ESRCH: gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/** Marks the folder as used by this process; returns the release. */
export function holdDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockFile(dataDir), String(process.pid));
  return () => {
    if (otherStackUsing(dataDir) === undefined) rmSync(lockFile(dataDir), { force: true });
  };
}
