// Runs a bench module in a child process of its own (the tsx loader carried over) and returns the
// one answer it sends over IPC: load generators and memory measurements must not share this
// process's event loop or heap.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Forks the module, sends it the request and resolves with its reply.
 * @param module - URL of a module that answers one message with `{ ok, result | error }`
 * @param extraExecArgv - Node flags for the child (e.g. --expose-gc)
 */
export function runInChild<Request, Result>(
  module: URL,
  request: Request,
  extraExecArgv: readonly string[] = [],
): Promise<Result> {
  const loader = process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
  const child = fork(fileURLToPath(module), [], {
    execArgv: [...extraExecArgv, ...loader],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let answered = false;
    child.once('message', (message) => {
      answered = true;
      const reply = message as { ok: true; result: Result } | { ok: false; error: string };
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`${module.pathname.split('/').at(-1)} failed: ${reply.error}`));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`${module.pathname.split('/').at(-1)} exited with code ${code}`));
    });
    child.send(request as object);
  });
}

/** The child's side: answers the first message with the handler's result, then exits. */
export function answerOnce<Request, Result>(handle: (request: Request) => Promise<Result> | Result): void {
  process.once('message', (message) => {
    Promise.resolve()
      .then(() => handle(message as Request))
      .then(
        (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
        (error: unknown) =>
          process.send?.({ ok: false, error: error instanceof Error ? error.stack : String(error) }, () =>
            process.exit(1),
          ),
      );
  });
}
