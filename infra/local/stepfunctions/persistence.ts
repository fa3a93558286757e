// Executions on disk: one JSON file per execution in the data folder, named by a hash of its ARN,
// written whole through a temporary file and a rename (a crash leaves the old file or the new one,
// never half of one), soon after each change or at once before an answer that must survive a crash.
// Read back at start, so running executions resume.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExecutionRecord, FILE_VERSION } from './internals.ts';

/** The file of an execution in the data folder. */
export function executionFile(dataDir: string, executionArn: string): string {
  const hash = createHash('sha256').update(executionArn).digest('hex').slice(0, 40);
  return join(dataDir, `${hash}.json`);
}

/** Writes an execution's file whole: a temporary file, then a rename over the old one. */
export function writeExecutionFile(dataDir: string, exec: ExecutionRecord): void {
  const file = executionFile(dataDir, exec.executionArn);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(exec));
  renameSync(temp, file);
}

/**
 * Every execution stored in the data folder (created if missing); temporary files left by a crash
 * are removed, unreadable or foreign files skipped.
 */
export function readExecutionFiles(dataDir: string): ExecutionRecord[] {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true });
    return [];
  }
  const executions: ExecutionRecord[] = [];
  for (const file of readdirSync(dataDir)) {
    const path = join(dataDir, file);
    if (file.endsWith('.tmp')) {
      rmSync(path, { force: true });
      continue;
    }
    if (!file.endsWith('.json')) continue;
    let exec: ExecutionRecord;
    try {
      exec = JSON.parse(readFileSync(path, 'utf8')) as ExecutionRecord;
    } catch {
      continue;
    }
    if (exec.version !== FILE_VERSION || typeof exec.executionArn !== 'string') continue;
    exec.history ??= [];
    exec.tokens ??= [];
    exec.waits ??= [];
    exec.current ??= [];
    exec.seq ??= 0;
    executions.push(exec);
  }
  return executions;
}

/**
 * Writes executions to the data folder as they change: soon (the changed ones together, 50 ms
 * later) or now (before an answer that must survive a crash is given). Without a data folder,
 * nothing is written.
 */
export class ExecutionFiles {
  private readonly dataDir: string | undefined;
  private readonly lookup: (executionArn: string) => ExecutionRecord | undefined;
  private readonly dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;

  /** @param lookup - the execution of an ARN as it is in memory when the write happens */
  constructor(dataDir: string | undefined, lookup: (executionArn: string) => ExecutionRecord | undefined) {
    this.dataDir = dataDir;
    this.lookup = lookup;
  }

  persist(exec: ExecutionRecord): void {
    if (!this.dataDir) return;
    this.dirty.add(exec.executionArn);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), 50);
      this.flushTimer.unref();
    }
  }

  /** Writes the execution's file now (before an answer that must survive a crash is given). */
  persistNow(exec: ExecutionRecord): void {
    if (!this.dataDir) return;
    this.dirty.delete(exec.executionArn);
    mkdirSync(this.dataDir, { recursive: true });
    this.writeFile(exec);
  }

  /** Writes every execution changed since the last write. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.dataDir) return;
    mkdirSync(this.dataDir, { recursive: true });
    for (const executionArn of [...this.dirty]) {
      this.dirty.delete(executionArn);
      const exec = this.lookup(executionArn);
      if (exec) this.writeFile(exec);
    }
  }

  private writeFile(exec: ExecutionRecord): void {
    writeExecutionFile(this.dataDir ?? '.', exec);
  }
}
