// The admin CLI as an operator runs it: a child process of `infra/admin/cli.ts`, its exit code and
// both output streams.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Target } from '#infra/admin/target.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** @param env - changes to the environment the CLI inherits (undefined removes a variable) */
export function runAdminCli(args: readonly string[], env: Record<string, string | undefined> = {}) {
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/admin/cli.ts', ...args], {
      cwd: repoRoot,
      env: childEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The test stack as the admin commands' target (commands called in-process). */
export const localTarget: Target = {
  kind: 'local',
  endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
  tableName: process.env.TABLE_NAME ?? '',
  region: process.env.AWS_REGION ?? 'eu-south-1',
};
