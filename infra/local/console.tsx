import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { HumanTaskRecord } from '#shared/data/human-tasks.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import type { AuditEvent } from '#shared/domain/audit.ts';
import { securityHeaders, styleHash } from '#shared/http/security.ts';
import { AuditTable } from '#shared/pages/audit-table.tsx';
import { siteCss } from '#shared/pages/style.ts';
import { localStateMachineName } from '#workflows/render.ts';
import {
  type AslLayout,
  aslGraphCss,
  layoutAsl,
  marksFromHistory,
  renderAslSvg,
  stateAnchor,
} from './asl-graph.ts';
import { type Outbox, outboxErasureRequest } from './outbox.ts';
import type { LocalStepFunctions } from './stepfunctions/engine.ts';

const consoleCss = `${siteCss}
main{max-width:80rem}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}
.status{font-weight:700}
.status-RUNNING{color:#0b5cad}.status-SUCCEEDED{color:#1e7b34}.status-FAILED,.status-TIMED_OUT{color:#b3261e}.status-ABORTED{color:#7a5b00}
pre{background:#fff;border:1px solid var(--line);padding:.5rem;overflow:auto;max-height:20rem;font-size:.85rem;white-space:pre-wrap;overflow-wrap:anywhere}
.scrolling{overflow:auto;max-height:20rem;margin:0 0 1rem}
.scrolling pre{overflow:visible;max-height:none;margin:0}
table.history{table-layout:fixed}
table.history th:nth-child(1){width:3.5rem}
table.history th:nth-child(2){width:14rem}
table.history th:nth-child(4){width:11rem}
table.history td{overflow-wrap:anywhere}
table.history summary code{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;display:inline-block;max-width:90%;vertical-align:bottom}
nav.tabs{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.tabs a{margin-right:0}
.scroll{overflow-x:auto;max-width:100%}
.filters a{margin-right:.6rem}
.filters a[aria-current]{font-weight:700;text-decoration:none;color:var(--ink)}
main.wide{max-width:none}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
form.search input{padding:.35rem .5rem;border:1px solid #8a93a3;border-radius:.35rem;font:inherit;width:min(22rem,100%)}
form.search button{padding:.35rem .9rem}
.split{display:grid;grid-template-columns:minmax(0,1fr) minmax(20rem,28rem);gap:1.25rem;align-items:start}
@media (max-width:70rem){.split{grid-template-columns:minmax(0,1fr)}}
.graph{overflow:auto;max-height:78vh;background:#fff;border:1px solid var(--line);border-radius:.5rem}
.record h2{margin-top:0}
.record{min-width:0;overflow-x:auto}
.record table{font-size:.85rem;table-layout:fixed}
.record td,.record th{overflow-wrap:anywhere}
main{overflow-wrap:anywhere}
.muted{color:var(--muted)}
${aslGraphCss}
`;

/** Preformatted text in a box that scrolls when long: a named region the keyboard can reach. */
function ScrollingText(props: { label: string; testId?: string; children: string }) {
  return (
    <section
      class="scrolling"
      aria-label={props.label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable with the keyboard (axe: scrollable-region-focusable)
      tabIndex={0}
    >
      <pre data-testid={props.testId}>{props.children}</pre>
    </section>
  );
}

export interface ConsoleDeps {
  readonly engine: LocalStepFunctions;
  readonly outbox: Outbox;
  readonly tableName: string;
}

const headers = securityHeaders([styleHash(consoleCss)]);
/** The dashboard page draws charts with scripts served from this same origin (no inline script). */

/**
 * How a page refreshes itself: never unless the person asks (?refresh=on), and a link to pause it,
 * so a screen reader or a slow reader is never pulled away mid-page.
 */
interface Refresh {
  readonly url: URL;
  readonly seconds: number;
}

function refreshHref(url: URL, on: boolean): string {
  const next = new URL(url);
  if (on) next.searchParams.set('refresh', 'on');
  else next.searchParams.delete('refresh');
  return `${next.pathname}${next.search}`;
}

function Page(props: {
  title: string;
  refresh?: Refresh | undefined;
  wide?: boolean;
  children: ComponentChildren;
}) {
  const refreshing = props.refresh?.url.searchParams.get('refresh') === 'on';
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{`${props.title} · Percorso PMI local console`}</title>
        {props.refresh && refreshing ? (
          <meta http-equiv="refresh" content={String(props.refresh.seconds)} />
        ) : null}
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
            <a href="/admin/programmes">Programmes (office)</a>
            <a href="/_local/managers">Managers</a>
            <a href="/">Public site</a>
          </nav>
        </header>
        <main class={props.wide ? 'wide' : undefined}>
          {props.refresh ? (
            <p class="refresh" data-testid="refresh">
              {refreshing ? (
                <>
                  Refreshing every {props.refresh.seconds} s ·{' '}
                  <a href={refreshHref(props.refresh.url, false)}>Pause</a>
                </>
              ) : (
                <>
                  <a href={refreshHref(props.refresh.url, false)}>Refresh now</a> ·{' '}
                  <a href={refreshHref(props.refresh.url, true)}>Refresh every {props.refresh.seconds} s</a>
                </>
              )}
            </p>
          ) : null}
          {props.children}
        </main>
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

const hidden = '‹hidden›';
const secretKey = /token|secret/i;

/**
 * The value with whatever sits under a key naming a token or secret replaced, also inside JSON
 * held in strings (the history keeps task parameters and payloads as JSON text).
 */
export function hideSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideSecrets);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, secretKey.test(key) ? hidden : hideSecrets(inner)]),
    );
  }
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      return JSON.stringify(hideSecrets(JSON.parse(value)));
    } catch {
      return value;
    }
  }
  return value;
}

/** JSON text, pretty-printed with its secrets hidden (text that is not JSON as it is). */
const shownJson = (text: string | undefined) => {
  if (text === undefined) return '—';
  try {
    return JSON.stringify(hideSecrets(JSON.parse(text)), null, 2);
  } catch {
    return text;
  }
};

const machineNameOf = (arn: string) => arn.split(':').pop() ?? arn;

/** The link to the execution list with these filters (empty ones left out). */
function listHref(filters: { status?: string; machine?: string; q?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/_local/?${query}` : '/_local/';
}

interface JourneyRecord {
  readonly application?: ApplicationRecord;
  readonly tasks: readonly HumanTaskRecord[];
  /** The decisions people made about the application (the audit trail). */
  readonly decisions?: readonly AuditEvent[];
  readonly error?: string;
}

interface MatchScore {
  managerId: string;
  round: number;
  total: number;
  parts: Record<string, number>;
}

/** The score breakdown of every manager offered this journey (kept by the matcher). */
const whyThisManager = (application: ApplicationRecord): MatchScore[] =>
  ((application as { matchScores?: MatchScore[] }).matchScores ?? []).filter(
    (s) => s && typeof s.total === 'number',
  );

function BusinessRecord(props: { applicationId: string; record: JourneyRecord }) {
  const { application, tasks, error } = props.record;
  if (error) {
    return (
      <aside class="record">
        <h2>Application</h2>
        <p class="notice bad">Could not read the application: {error}</p>
      </aside>
    );
  }
  if (!application) {
    return (
      <aside class="record">
        <h2>Application</h2>
        <p class="muted">
          No application <code>{props.applicationId}</code> in the table.
        </p>
      </aside>
    );
  }
  return (
    <aside class="record" data-application={application.applicationId}>
      <h2>Application</h2>
      <dl class="facts">
        <dt>Application</dt>
        <dd>{application.applicationId}</dd>
        <dt>Programme</dt>
        <dd>{application.programmeId}</dd>
        <dt>Status</dt>
        <dd class="status" data-application-status={application.status}>
          {application.status}
        </dd>
        <dt>Outcome</dt>
        <dd data-outcome={application.outcome ?? ''}>{application.outcome ?? '—'}</dd>
        {application.ineligibilityReason ? (
          <>
            <dt>Ineligible because</dt>
            <dd>{application.ineligibilityReason}</dd>
          </>
        ) : null}
        <dt>Manager</dt>
        <dd>{application.managerId ?? '—'}</dd>
        <dt>Current offer</dt>
        <dd>
          {application.currentOffer
            ? `${application.currentOffer.managerId} (round ${application.currentOffer.round})`
            : '—'}
        </dd>
        <dt>Offers made</dt>
        <dd>{application.offerRound ?? 0}</dd>
        <dt>Submitted</dt>
        <dd>{when(application.submittedAt)}</dd>
      </dl>
      <h3>Status history</h3>
      <ol class="timeline">
        {application.statusHistory.map((change) => (
          <li>
            <strong>{change.status}</strong> · {when(change.at)}
          </li>
        ))}
      </ol>
      {whyThisManager(application).length > 0 ? (
        <>
          <h3>Why this manager</h3>
          <table data-testid="match-scores">
            <thead>
              <tr>
                <th>Round</th>
                <th>Manager</th>
                <th>Fit</th>
                <th>Sector</th>
                <th>Compet.</th>
                <th>Prov.</th>
                <th>Lang.</th>
                <th>Merit</th>
                <th>Load</th>
              </tr>
            </thead>
            <tbody>
              {whyThisManager(application).map((score) => (
                <tr>
                  <td>{score.round}</td>
                  <td>{score.managerId.slice(0, 8)}</td>
                  <td>{score.total.toFixed(1)}</td>
                  {(['sector', 'competence', 'province', 'language', 'merit', 'load'] as const).map(
                    (part) => (
                      <td>{(score.parts[part] ?? 0).toFixed(1)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {application.projectId ? (
        <p>
          Project: <a href={`/admin/projects/${application.projectId}`}>{application.projectId}</a>
        </p>
      ) : null}
      <h3>Decisions</h3>
      <AuditTable lang="en" events={props.record.decisions ?? []} />
      <h3>Human tasks</h3>
      {tasks.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Kind</th>
              <th>Round</th>
              <th>Status</th>
              <th>Due</th>
              <th>Manager</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr data-task={`${task.kind}-${task.round}`}>
                <td>{task.kind}</td>
                <td>{task.round}</td>
                <td>
                  {task.status}
                  {task.remindedAt ? <span class="muted"> (reminded)</span> : null}
                </td>
                <td>{when(task.dueAt)}</td>
                <td>{task.managerId ?? 'office'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}

/**
 * Where an old console address of the office's pages lives now: /_local/programmes[/…] →
 * /admin/programmes[/…], /_local/projects/… → /admin/projects/…, /_local/assets/… → /assets/…
 * (query kept); undefined for the console's own pages.
 */
export function adminAddressOf(url: URL): string | undefined {
  const moved = url.pathname.match(/^\/_local\/(programmes|projects|assets)(\/.*)?$/);
  if (!moved) return undefined;
  const [, area = '', rest = ''] = moved;
  const target = area === 'assets' ? `/assets${rest}` : `/admin/${area}${rest.replace(/\/+$/, '')}`;
  return `${target}${url.search}`;
}

export function createConsole(deps: ConsoleDeps) {
  const layouts = new Map<string, { definition: string; layout: AslLayout }>();
  /** The machine's layout, computed once per definition. */
  const layoutOf = (stateMachineArn: string): AslLayout => {
    const { definition } = deps.engine.describeStateMachine({ stateMachineArn });
    const known = layouts.get(stateMachineArn);
    if (known?.definition === definition) return known.layout;
    const layout = layoutAsl(JSON.parse(definition));
    layouts.set(stateMachineArn, { definition, layout });
    return layout;
  };

  /** The journey's application and human tasks; the data modules load once the stack set the endpoints. */
  async function journeyRecord(applicationId: string): Promise<JourneyRecord> {
    try {
      const [{ getApplication }, { listHumanTasks }, { listAuditEvents }] = await Promise.all([
        import('#shared/data/applications.ts'),
        import('#shared/data/human-tasks.ts'),
        import('#shared/data/audit.ts'),
      ]);
      const [application, tasks, decisions] = await Promise.all([
        getApplication(deps.tableName, applicationId),
        listHumanTasks(deps.tableName, applicationId),
        listAuditEvents(deps.tableName, { kind: 'application', id: applicationId }),
      ]);
      return application ? { application, tasks, decisions } : { tasks };
    } catch (error) {
      return { tasks: [], error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Sends the page; any of `secrets` that still made it into the markup is hidden. */
  const html = (response: ServerResponse, status: number, page: VNode, secrets: readonly string[] = []) => {
    let markup = `<!doctype html>${renderToString(page)}`;
    for (const secret of secrets) if (secret) markup = markup.replaceAll(secret, hidden);
    response.writeHead(status, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    response.end(markup);
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
    const machineFilter = url.searchParams.get('machine') ?? '';
    const query = (url.searchParams.get('q') ?? '').trim();
    const programmeFilter = (url.searchParams.get('programme') ?? '').trim();
    const stateFilter = (url.searchParams.get('state') ?? '').trim();
    /** The programme an execution runs for, from its input (IDs only: programmeId is one of them). */
    const programmeOf = (executionArn: string) => {
      try {
        return (JSON.parse(deps.engine.describeExecution({ executionArn }).input) as { programmeId?: string })
          .programmeId;
      } catch {
        return undefined;
      }
    };
    const machines = deps.engine.listStateMachines();
    const executions = machines
      .filter((machine) => !machineFilter || machine.name === machineFilter)
      .flatMap(
        (machine) => deps.engine.listExecutions({ stateMachineArn: machine.stateMachineArn }).executions,
      )
      .filter((execution) => !statusFilter || execution.status === statusFilter)
      .filter((execution) => !query || execution.name.toLowerCase().includes(query.toLowerCase()))
      .filter((execution) => !programmeFilter || programmeOf(execution.executionArn) === programmeFilter)
      .filter(
        (execution) =>
          !stateFilter || deps.engine.getCurrentStates(execution.executionArn).includes(stateFilter),
      )
      .sort((a, b) => new Date(b.startDate).getTime() - new Date(a.startDate).getTime());
    html(
      response,
      200,
      <Page title="Executions" refresh={{ url, seconds: 5 }}>
        <h1>Executions</h1>
        <form class="search" method="get" action="/_local/">
          <label for="q">Application ID</label>
          <input id="q" name="q" type="search" value={query} placeholder="the execution name" />
          {statusFilter ? <input type="hidden" name="status" value={statusFilter} /> : null}
          {machineFilter ? <input type="hidden" name="machine" value={machineFilter} /> : null}
          <label for="programme">Programme</label>
          <input
            id="programme"
            name="programme"
            type="search"
            value={programmeFilter}
            placeholder="sviluppo-pmi"
          />
          <label for="state">Current state</label>
          <input id="state" name="state" type="search" value={stateFilter} placeholder="Offer to manager" />
          <button type="submit">Search</button>
          {query ? <a href={listHref({ status: statusFilter, machine: machineFilter })}>Clear</a> : null}
        </form>
        <p class="filters">
          State machine:{' '}
          {['', ...machines.map((m) => m.name)].map((machine) => (
            <a
              href={listHref({ status: statusFilter, machine, q: query })}
              aria-current={machine === machineFilter ? 'page' : undefined}
            >
              {machine || 'All'}
            </a>
          ))}
        </p>
        <p class="filters">
          Status:{' '}
          {['', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'].map((status) => (
            <a
              href={listHref({ status, machine: machineFilter, q: query })}
              aria-current={status === statusFilter ? 'page' : undefined}
            >
              {status || 'All'}
            </a>
          ))}
        </p>
        <p>
          {executions.length} execution(s)
          {query ? (
            <>
              {' '}
              whose name contains <code>{query}</code>
            </>
          ) : null}
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
                <td>{machineNameOf(execution.stateMachineArn)}</td>
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

  async function executionPage(executionArn: string, response: ServerResponse, url: URL) {
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
    const currentStates = deps.engine.getCurrentStates(executionArn);
    const machineName = machineNameOf(execution.stateMachineArn);
    const marks = marksFromHistory(history, currentStates, execution.status);
    let graph = '';
    try {
      graph = renderAslSvg(layoutOf(execution.stateMachineArn), marks, {
        title: `State machine ${machineName}; execution ${execution.name}`,
      });
    } catch {
      // A definition the layout cannot read: the page goes on without the picture.
    }
    // sme-journey executions are named after their application.
    const record =
      machineName === localStateMachineName('sme-journey') ? await journeyRecord(execution.name) : undefined;
    const taskTokens = (record?.tasks ?? []).map((task) => task.taskToken);
    const graphPanel = (
      <section class="graph-panel">
        <h2>State machine</h2>
        <p class="asl-legend">
          <span class="l-task">Task</span>
          <span class="l-choice">Choice</span>
          <span class="l-wait">Wait</span>
          <span class="l-pass">Pass</span>
          <span class="l-succeed">Succeed</span>
          <span class="l-fail">Fail</span>
          <span class="l-current">current</span>
          <span class="l-visited">visited</span>
          <span class="l-failed">failed</span>
          <span class="l-back">back edge</span>
          {currentStates.map((name) => (
            <a href={`#${stateAnchor(name)}`}>Go to “{name}”</a>
          ))}
        </p>
        {graph ? (
          <section
            class="graph"
            aria-label="State machine graph"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable with the keyboard (axe: scrollable-region-focusable)
            tabIndex={0}
            dangerouslySetInnerHTML={{ __html: graph }}
          />
        ) : (
          <p class="muted">The definition could not be drawn.</p>
        )}
      </section>
    );
    html(
      response,
      200,
      <Page
        title={execution.name}
        refresh={execution.status === 'RUNNING' ? { url, seconds: 3 } : undefined}
        wide={record !== undefined}
      >
        <h1>{execution.name}</h1>
        <dl class="facts">
          <dt>Status</dt>
          <dd class={`status status-${execution.status}`}>{execution.status}</dd>
          <dt>State machine</dt>
          <dd>{execution.stateMachineArn}</dd>
          <dt>Current state</dt>
          <dd>{currentStates.join(', ') || '—'}</dd>
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
          {execution.redriveCount > 0 ? (
            <>
              <dt>Redriven</dt>
              <dd data-testid="redrive-count">
                {execution.redriveCount}× (last {when(execution.redriveDate)})
              </dd>
            </>
          ) : null}
        </dl>
        {execution.redriveStatus === 'REDRIVABLE' ? (
          // As in the AWS console: restarts from the state that failed, with the input it had; the
          // states that succeeded before it do not run again. A POST: GET only ever shows.
          <form
            class="redrive"
            method="post"
            action={`/_local/executions/${encodeURIComponent(executionArn)}/redrive`}
          >
            <button type="submit">Redrive</button>{' '}
            <span class="muted">restart from the state that failed, with the input it had</span>
          </form>
        ) : null}
        {record ? (
          <div class="split">
            {graphPanel}
            <BusinessRecord applicationId={execution.name} record={record} />
          </div>
        ) : (
          graphPanel
        )}
        <h2>Input</h2>
        <ScrollingText label="Input">{shownJson(execution.input)}</ScrollingText>
        <h2>Output</h2>
        <ScrollingText label="Output">{shownJson(execution.output)}</ScrollingText>
        <h2>Event history</h2>
        <div class="scroll">
          <table class="history">
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
                const detail = hideSecrets(Object.values(details)[0]) as Record<string, unknown> | undefined;
                return (
                  <tr>
                    <td>{String(id)}</td>
                    <td>{String(type)}</td>
                    <td>{detail && typeof detail.name === 'string' ? detail.name : ''}</td>
                    <td>{when(timestamp as Date)}</td>
                    <td>
                      {detail ? (
                        // Collapsed: the page fits the window; the whole detail is one click away.
                        <details>
                          <summary>
                            <code>{JSON.stringify(detail).slice(0, 60)}…</code>
                          </summary>
                          <ScrollingText label="Details">
                            {JSON.stringify(detail, null, 2).slice(0, 8000)}
                          </ScrollingText>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Page>,
      taskTokens,
    );
  }

  function outboxPage(response: ServerResponse, url: URL) {
    const messages = [...deps.outbox.list()].reverse();
    html(
      response,
      200,
      <Page title="Outbox" refresh={{ url, seconds: 5 }}>
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
        <ScrollingText label="Text" testId="email-text">
          {message.text}
        </ScrollingText>
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

  /** The programme office's dashboard (bilingual, from the counters), or the list of programmes. */
  /** Every manager: status, merit, load against capacity, where and what they cover. */
  async function managersPage(response: ServerResponse) {
    const { listManagersByStatus } = await import('#shared/data/managers.ts');
    const statuses = ['active', 'pending_vetting', 'inactive', 'rejected'] as const;
    const managers = (
      await Promise.all(statuses.map((status) => listManagersByStatus(deps.tableName, status)))
    ).flat();
    html(
      response,
      200,
      <Page title="Managers">
        <h1>Managers</h1>
        <table data-testid="managers">
          <thead>
            <tr>
              <th>Name</th>
              <th>Status</th>
              <th>Merit</th>
              <th>Load</th>
              <th>Sections</th>
              <th>Provinces</th>
            </tr>
          </thead>
          <tbody>
            {managers.map((m) => (
              <tr data-manager={m.managerId}>
                <td>{m.name}</td>
                <td>{m.status}</td>
                <td>{m.merit}</td>
                <td>
                  {m.load} / {m.capacity}
                </td>
                <td>{m.atecoSections.join(' ')}</td>
                <td>{m.provinces.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Page>,
    );
  }

  /**
   * The Redrive button: RedriveExecution, then back to the execution (303), or JSON for scripts.
   * Refused when posted from another site (the console has no sign-in; a foreign page must not
   * be able to restart executions through the browser of whoever runs npm start).
   */
  function redrivePost(request: IncomingMessage, response: ServerResponse, executionArn: string) {
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    if (
      (site !== undefined && site !== 'same-origin' && site !== 'none') ||
      (origin !== undefined && origin !== 'null' && new URL(origin).host !== request.headers.host)
    ) {
      json(response, 403, { message: 'Cross-site request refused' });
      return;
    }
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    try {
      const { redriveDate } = deps.engine.redriveExecution({ executionArn });
      if (wantsJson) json(response, 200, { redriveDate: redriveDate.toISOString() });
      else {
        response.writeHead(303, {
          Location: `/_local/executions/${encodeURIComponent(executionArn)}`,
          'Cache-Control': 'no-store',
        });
        response.end();
      }
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const message = error instanceof Error ? error.message : String(error);
      const status = name === 'ExecutionDoesNotExist' || name === 'InvalidArn' ? 404 : 409;
      if (wantsJson) json(response, status, { error: name, message });
      else
        html(
          response,
          status,
          <Page title="Not redriven">
            <h1>Not redriven</h1>
            <p>
              {name}: {message}
            </p>
            <p>
              <a href={`/_local/executions/${encodeURIComponent(executionArn)}`}>Back to the execution</a>
            </p>
          </Page>,
        );
    }
  }

  const jsonOf = (body: Buffer | undefined): unknown => {
    try {
      return JSON.parse(body?.toString('utf8') ?? '');
    } catch {
      return undefined;
    }
  };

  /** Answers /_local/* requests; returns false for any other path. */
  async function handle(
    request: IncomingMessage,
    response: ServerResponse,
    _body?: Buffer,
  ): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/_local')) return false;
    const redrive = url.pathname.match(/^\/_local\/executions\/([^/]+)\/redrive$/);
    if (redrive && request.method === 'POST') {
      redrivePost(request, response, decodeURIComponent(redrive[1] ?? ''));
      return true;
    }
    if (url.pathname === '/_local/outbox/erase' && request.method === 'POST') {
      const parsed = outboxErasureRequest.safeParse(jsonOf(_body));
      if (!parsed.success) json(response, 400, { message: 'Expected {"addresses": [...], "terms": [...]}' });
      else json(response, 200, { erased: deps.outbox.erase(parsed.data) });
      return true;
    }
    // The office's pages are the cloud's own, under /admin (the local API signs in the local
    // administrator): the console's old addresses redirect there, so scripts and bookmarks still work.
    const adminAddress = adminAddressOf(url);
    if (adminAddress) {
      // 307 keeps a POST a POST (a project action posted to the old address).
      response.writeHead(request.method === 'POST' ? 307 : 302, {
        Location: adminAddress,
        'Cache-Control': 'no-store',
      });
      response.end();
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      json(response, 405, { message: 'Method Not Allowed' });
      return true;
    }
    const path = url.pathname.replace(/\/+$/, '') || '/_local';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (path === '/_local') {
      await executionsPage(url, response);
    } else if (path === '/_local/outbox') {
      if (wantsHtml) outboxPage(response, url);
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
      await executionPage(decodeURIComponent(path.slice('/_local/executions/'.length)), response, url);
    } else if (path === '/_local/managers') {
      await managersPage(response);
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
