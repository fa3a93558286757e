// The retry policy of the workflows' tasks, in one place: a permanent error (a record missing, a
// bad input) fails at once; anything else (throttling, a Lambda hiccup) is retried four times with
// full-jitter backoff from 2 s. A callback task retries only its Lambda failing to start it.
import { Duration } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { permanentErrorNames } from '#shared/domain/errors.ts';

/**
 * Adds the retries to a task and returns it.
 * @param callback - a wait-for-task-token task: only TaskFailed is retried (its timeout is caught)
 */
export function withRetries<T extends tasks.LambdaInvoke | tasks.StepFunctionsStartExecution>(
  task: T,
  callback = false,
): T {
  if (!callback) task.addRetry({ errors: [...permanentErrorNames], maxAttempts: 0 });
  task.addRetry({
    errors: [callback ? sfn.Errors.TASKS_FAILED : sfn.Errors.ALL],
    interval: Duration.seconds(2),
    maxAttempts: 4,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}
