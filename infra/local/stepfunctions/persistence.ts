// Executions on disk: one JSON file per execution in the data folder, named by a hash of its ARN,
// written whole through a temporary file and a rename (a crash leaves the old file or the new one,
// never half of one). Read back at start, so running executions resume.
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
