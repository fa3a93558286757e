// The local console: executions the way the Step Functions console shows them (status, current
// state, event history), and the e-mail outbox. Server-rendered HTML, no JavaScript; JSON where a
// test or script wants it (GET /_local/outbox).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { securityHeaders, styleHash } from '#shared/http/security.ts';
import { siteCss } from '#shared/pages/style.ts';
import type { Outbox } from './outbox.ts';
import type { LocalStepFunctions } from './stepfunctions/engine.ts';

const consoleCss = `${siteCss}
main{max-width:80rem}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}
.status{font-weight:700}
.status-RUNNING{color:#0b5cad}.status-SUCCEEDED{color:#1e7b34}.status-FAILED,.status-TIMED_OUT{color:#b3261e}.status-ABORTED{color:#7a5b00}
pre{background:#fff;border:1px solid var(--line);padding:.5rem;overflow:auto;max-height:20rem;font-size:.85rem}
nav.tabs a{margin-right:1rem}
.filters a{margin-right:.6rem}
`;

export interface ConsoleDeps {
  readonly engine: LocalStepFunctions;
  readonly outbox: Outbox;
  readonly tableName: string;
}

const headers = securityHeaders([styleHash(consoleCss)]);

function Page(props: { title: string; refreshSeconds?: number; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{`${props.title} · Percorso PMI local console`}</title>
        {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
        <style dangerouslySetInnerHTML={{ __html: consoleCss }} />
      </head>
      <body>
        <header class="site">
          <a class="brand" href="/_local/">
            Percorso PMI · local console
          </a>
          <nav class="tabs">
            <a href="/_local/">Executions</a>
            <a href="/_local/outbox">Outbox</a>
            <a href="/">Public site</a>
          </nav>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

const when = (date?: Date | string | number) =>
  date === undefined
    ? '—'
    : new Date(date)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z');

export function createConsole(deps: ConsoleDeps) {
  const html = (response: ServerResponse, status: number, page: VNode) => {
    response.writeHead(status, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>${renderToString(page)}`);
  };
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(JSON.stringify(body));
  };

  async function executionsPage(url: URL, response: ServerResponse) {
    const statusFilter = url.searchParams.get('status') ?? '';
    const machines = deps.engine.listStateMachines();
    const executions = machines
      .flatMap(
        (machine) => deps.engine.listExecutions({ stateMachineArn: machine.stateMachineArn }).executions,
      )
      .filter((execution) => !statusFilter || execution.status === statusFilter)
      .sort((a, b) => new Date(b.startDate).getTime() - new Date(a.startDate).getTime());
    html(
      response,
      200,
      <Page title="Executions" refreshSeconds={5}>
        <h1>Executions</h1>
        <p class="filters">
          Status:{' '}
          {['', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'].map((status) => (
            <a
              href={status ? `/_local/?status=${status}` : '/_local/'}
              aria-current={status === statusFilter ? 'page' : undefined}
            >
              {status || 'All'}
            </a>
          ))}
        </p>
        <p>
          State machines: {machines.map((m) => m.name).join(', ')} · {executions.length} execution(s)
        </p>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>State machine</th>
              <th>Status</th>
              <th>Current state</th>
              <th>Started</th>
              <th>Stopped</th>
            </tr>
          </thead>
          <tbody>
            {executions.map((execution) => (
              <tr data-execution={execution.name}>
                <td>
                  <a href={`/_local/executions/${encodeURIComponent(execution.executionArn)}`}>
                    {execution.name}
                  </a>
                </td>
                <td>{execution.stateMachineArn.split(':').pop()}</td>
                <td class={`status status-${execution.status}`}>{execution.status}</td>
                <td>{deps.engine.getCurrentStates(execution.executionArn).join(', ') || '—'}</td>
                <td>{when(execution.startDate)}</td>
                <td>{when(execution.stopDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Page>,
    );
  }

  async function executionPage(executionArn: string, response: ServerResponse) {
    let execution: ReturnType<LocalStepFunctions['describeExecution']>;
    try {
      execution = deps.engine.describeExecution({ executionArn });
    } catch {
      html(
        response,
        404,
        <Page title="Not found">
          <h1>No such execution</h1>
        </Page>,
      );
      return;
    }
    const history = deps.engine.getExecutionHistory({ executionArn, includeExecutionData: true }).events;
    html(
      response,
      200,
      <Page title={execution.name} refreshSeconds={execution.status === 'RUNNING' ? 3 : undefined}>
        <h1>{execution.name}</h1>
        <dl class="facts">
          <dt>Status</dt>
          <dd class={`status status-${execution.status}`}>{execution.status}</dd>
          <dt>State machine</dt>
          <dd>{execution.stateMachineArn}</dd>
          <dt>Current state</dt>
          <dd>{deps.engine.getCurrentStates(executionArn).join(', ') || '—'}</dd>
          <dt>Started</dt>
          <dd>{when(execution.startDate)}</dd>
          <dt>Stopped</dt>
          <dd>{when(execution.stopDate)}</dd>
          {execution.error ? (
            <>
              <dt>Error</dt>
              <dd>
                {execution.error} {execution.cause ?? ''}
              </dd>
            </>
          ) : null}
        </dl>
        <h2>Input</h2>
        <pre>{execution.input}</pre>
        <h2>Output</h2>
        <pre>{execution.output ?? '—'}</pre>
        <h2>Event history</h2>
        <table>
          <thead>
            <tr>
              <th>ID</th>
              <th>Type</th>
              <th>Step</th>
              <th>Time</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {history.map((event) => {
              const {
                id,
                type,
                timestamp,
                previousEventId: _p,
                ...details
              } = event as unknown as Record<string, unknown>;
              const detail = Object.values(details)[0] as Record<string, unknown> | undefined;
              return (
                <tr>
                  <td>{String(id)}</td>
                  <td>{String(type)}</td>
                  <td>{detail && typeof detail.name === 'string' ? detail.name : ''}</td>
                  <td>{when(timestamp as Date)}</td>
                  <td>
                    <code>{detail ? JSON.stringify(detail).slice(0, 400) : ''}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Page>,
    );
  }

  function outboxPage(response: ServerResponse) {
    const messages = [...deps.outbox.list()].reverse();
    html(
      response,
      200,
      <Page title="Outbox" refreshSeconds={5}>
        <h1>Outbox</h1>
        <p>
          E-mails the product sent, kept here instead of being delivered ({messages.length}). JSON:{' '}
          <code>GET /_local/outbox</code> with <code>Accept: application/json</code>.
        </p>
        <table>
          <thead>
            <tr>
              <th>Sent</th>
              <th>To</th>
              <th>Subject</th>
              <th>MIME</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr>
                <td>{when(message.sentAt)}</td>
                <td>{message.to.join(', ')}</td>
                <td>
                  <a href={`/_local/outbox/${message.id}`}>{message.subject}</a>
                </td>
                <td>
                  <a href={`/_local/outbox/${message.id}.eml`}>.eml</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Page>,
    );
  }

  function messagePage(id: string, response: ServerResponse) {
    const message = deps.outbox.get(id);
    if (!message) {
      html(
        response,
        404,
        <Page title="Not found">
          <h1>No such message</h1>
        </Page>,
      );
      return;
    }
    html(
      response,
      200,
      <Page title={message.subject}>
        <h1>{message.subject}</h1>
        <dl class="facts">
          <dt>From</dt>
          <dd>{message.from}</dd>
          <dt>To</dt>
          <dd>{message.to.join(', ')}</dd>
          <dt>Sent</dt>
          <dd>{when(message.sentAt)}</dd>
        </dl>
        <h2>Plain text</h2>
        <pre data-testid="email-text">{message.text}</pre>
        <h2>Links in this e-mail</h2>
        <ul>
          {[...new Set(message.text.match(/https?:\/\/\S+/g) ?? [])].map((link) => (
            <li>
              <a href={link}>{link}</a>
            </li>
          ))}
        </ul>
        <p>
          <a href={`/_local/outbox/${message.id}.eml`}>Raw MIME (.eml)</a>
        </p>
      </Page>,
    );
  }

  /** Answers /_local/* requests; returns false for any other path. */
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/_local')) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      json(response, 405, { message: 'Method Not Allowed' });
      return true;
    }
    const path = url.pathname.replace(/\/+$/, '') || '/_local';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (path === '/_local') {
      await executionsPage(url, response);
    } else if (path === '/_local/outbox') {
      if (wantsHtml) outboxPage(response);
      else {
        json(
          response,
          200,
          deps.outbox.list().map(({ id, to, subject, text, html: body, sentAt }) => ({
            id,
            to: to.join(', '),
            subject,
            text,
            html: body,
            sentAt,
          })),
        );
      }
    } else if (path.startsWith('/_local/outbox/') && path.endsWith('.eml')) {
      const raw = deps.outbox.rawMime(path.slice('/_local/outbox/'.length, -'.eml'.length));
      if (!raw) json(response, 404, { message: 'No such message' });
      else {
        response.writeHead(200, { 'Content-Type': 'message/rfc822', 'Cache-Control': 'no-store' });
        response.end(raw);
      }
    } else if (path.startsWith('/_local/outbox/')) {
      messagePage(path.slice('/_local/outbox/'.length), response);
    } else if (path.startsWith('/_local/executions/')) {
      await executionPage(decodeURIComponent(path.slice('/_local/executions/'.length)), response);
    } else if (path === '/_local/api/executions') {
      json(
        response,
        200,
        deps.engine
          .listStateMachines()
          .flatMap(
            (machine) => deps.engine.listExecutions({ stateMachineArn: machine.stateMachineArn }).executions,
          ),
      );
    } else {
      json(response, 404, { message: 'Not Found' });
    }
    return true;
  }

  return { handle };
}
