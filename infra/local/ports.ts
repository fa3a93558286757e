// Port helpers for the local runtime: a free port for processes that cannot listen on port 0.
import { createServer } from 'node:net';

/** Asks the OS for a free port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Whether something already listens on the port. */
export async function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/**
 * A free port for a child process that binds it later (DynamoDB Local): chosen at random from
 * 20000–29999, below the OS's ephemeral range, so neither outgoing connections nor other servers
 * listening on port 0 take it in the meantime; parallel stacks (tests) collide once in ten thousand.
 */
export async function freePortForChild(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 10000);
    if (!(await isPortTaken(port))) return port;
  }
  return freePort();
}
