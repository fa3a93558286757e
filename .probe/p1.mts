import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';

const def: any = {
  StartAt: 'A',
  States: {
    A: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      HeartbeatSeconds: 10,
      TimeoutSeconds: 20,
      Parameters: {
        FunctionName: 'arn:aws:lambda:eu-south-1:000000000000:function:x',
        Payload: { 'taskToken.$': '$$.Task.Token', 'a.$': '$.a' },
      },
      Next: 'B',
    },
    B: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution',
      Parameters: {
        StateMachineArn: 'arn:aws:states:eu-south-1:000000000000:stateMachine:x',
        Input: { 'x.$': '$' },
      },
      Next: 'W',
    },
    W: { Type: 'Wait', Seconds: 1, End: true },
  },
};
for (const opts of [{}, { checkArn: false }, { checkArn: false, checkPaths: false }]) {
  try {
    new StateMachine(def, { validationOptions: opts });
    console.log('valid', opts);
  } catch (e) {
    console.log('invalid', opts, (e as Error).message);
  }
}
const sm = new StateMachine(
  {
    StartAt: 'T',
    States: {
      T: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:eu-south-1:000000000000:function:x',
        TimeoutSeconds: 0.001,
        End: true,
      } as any,
    },
  },
  { validationOptions: { noValidate: true } },
);
const r = sm.run({}, { overrides: { taskResourceLocalHandlers: { T: () => new Promise(() => {}) } } });
try {
  await r.result;
} catch (e) {
  const c = (e as any).cause;
  console.log(e instanceof ExecutionError, c?.name, c?.constructor?.name, c?.message, c instanceof Error);
}
const sm2 = new StateMachine({
  StartAt: 'P',
  States: {
    P: {
      Type: 'Pass',
      Parameters: {
        't.$': '$$.Task.Token',
        'f.$': "States.Format('x{}', $$.Task.Token)",
        'e.$': '$$.Execution.Id',
      },
      ResultPath: '$',
      End: true,
    } as any,
  },
});
const r2 = sm2.run({ a: 1 }, { context: { Task: { Token: 'PH' }, Execution: { Id: 'exec' } } });
console.log(JSON.stringify(await r2.result));
