// Starts one local stack (DynamoDB Local in memory, the local Step Functions service, the outbox,
// the local API) on free ports for the whole test run, so tests can run while `npm start` runs.
// Workers get its endpoints through provide/inject (see test/support/worker-env.ts).
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '#infra/local/stack.ts';
import { type FunctionVariable, functionVariables } from '#shared/config/environment.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    localStack: {
      site: string;
      outbox: string;
      stepFunctions: string;
      journeyStateMachineArn: string;
      env: Record<string, string>;
    };
  }
}

const envNamesForWorkers = [
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_SFN',
  'AWS_ENDPOINT_URL_SESV2',
  'AWS_ENDPOINT_URL_SQS',
  ...(Object.keys(functionVariables) as FunctionVariable[]),
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_LOG_LEVEL',
  'POWERTOOLS_TRACE_ENABLED',
  'POWERTOOLS_METRICS_DISABLED',
] as const;

export default async function setup(project: TestProject) {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const stack = await startLocalStack({ timeScale: 0.001 });
  const env = Object.fromEntries(
    envNamesForWorkers.flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name]]],
    ),
  );
  project.provide('localStack', {
    site: stack.urls.site,
    outbox: stack.urls.outbox,
    stepFunctions: stack.urls.stepFunctions,
    journeyStateMachineArn: stack.stateMachineArns['sme-journey'],
    env,
  });
  return async () => {
    await stack.stop();
  };
}
