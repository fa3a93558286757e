// The local console on the local stack: an SME journey waiting on its offer shows the state
// machine as an SVG graph with the current state marked, the application and its human tasks
// beside it, and never the task token nor a task link; the list finds the execution by its ID.
import { describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { listHumanTasks } from '#shared/data/human-tasks.ts';
import {
  apply,
  emailTo,
  executionArn,
  local,
  newManager,
  newProgramme,
  tableName,
} from '../support/journey-kit.ts';

const page = async (path: string) => {
  const response = await fetch(`${local.site}${path}`, { headers: { Accept: 'text/html' } });
  return {
    status: response.status,
    csp: response.headers.get('content-security-policy'),
    body: await response.text(),
  };
};

describe('the local console', () => {
  it('shows a journey waiting on its offer as a graph, beside its application, without secrets', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    await emailTo(manager.email, /Proposta di incarico/);
    const [task] = await listHumanTasks(tableName, sme.applicationId);
    const application = await getApplication(tableName, sme.applicationId);

    // Act
    const detail = await page(`/_local/executions/${encodeURIComponent(executionArn(sme.applicationId))}`);

    // Assess
    expect(detail.status).toBe(200);
    expect(detail.csp).toContain("style-src 'sha256-");
    expect(detail.csp).not.toContain('script-src');
    expect(detail.body).toContain('<svg');
    expect(detail.body).not.toMatch(/<script|style="/);
    expect(detail.body).toMatch(/<g [^>]*data-state="Offer to manager"[^>]*data-current="true"/);
    expect(detail.body.match(/data-current="true"/g)).toHaveLength(1);
    expect(detail.body).toMatch(/<g [^>]*data-state="Screen eligibility"[^>]*data-visited="true"/);
    expect(detail.body).not.toMatch(/<g [^>]*data-state="Launch the project"[^>]*data-visited="true"/);
    expect(application?.status).toBe('eligible');
    expect(detail.body).toContain('data-application-status="eligible"');
    expect(detail.body).toContain(`${manager.managerId} (round 1)`);
    expect(detail.body).toMatch(/<tr data-task="offer-1"><td>offer<\/td><td>1<\/td><td>open/);
    expect(task?.taskToken.length).toBeGreaterThan(20);
    expect(detail.body).not.toContain(task?.taskToken);
    expect(detail.body).not.toContain('/tasks/');
    expect(detail.body).toContain('‹hidden›'); // the token in the history's task parameters
  });

  it('finds an execution by application ID', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    const other = await apply(programme.id);

    // Act
    const found = await page(`/_local/?q=${encodeURIComponent(sme.applicationId)}`);
    const narrowed = await page(
      `/_local/?machine=percorso-pmi-dev-sme-journey&q=${encodeURIComponent(sme.applicationId)}`,
    );
    const elsewhere = await page(`/_local/?machine=none&q=${encodeURIComponent(sme.applicationId)}`);

    // Assess
    expect(found.status).toBe(200);
    expect([...found.body.matchAll(/data-execution="([^"]+)"/g)].map((m) => m[1])).toEqual([
      sme.applicationId,
    ]);
    expect(found.body).toContain(
      `href="/_local/executions/${encodeURIComponent(executionArn(sme.applicationId))}"`,
    );
    expect(found.body).toContain(`value="${sme.applicationId}"`);
    expect(found.body).not.toContain(other.applicationId);
    expect([...narrowed.body.matchAll(/data-execution="([^"]+)"/g)].map((m) => m[1])).toEqual([
      sme.applicationId,
    ]);
    expect(elsewhere.body).not.toContain('data-execution=');
  });

  it('filters executions by programme and by current state, and lists the managers with their load', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    await emailTo(manager.email, /Proposta di incarico/);

    // Act
    const byProgramme = await page(`/_local/?programme=${programme.id}`);
    const byState = await page(
      `/_local/?programme=${programme.id}&state=${encodeURIComponent('Offer to manager')}`,
    );
    const byOtherState = await page(`/_local/?programme=${programme.id}&state=Wait`);
    const managers = await page('/_local/managers');

    // Assess
    const names = (body: string) => [...body.matchAll(/data-execution="([^"]+)"/g)].map((m) => m[1]);
    expect(names(byProgramme.body)).toEqual([sme.applicationId]);
    expect(names(byState.body)).toEqual([sme.applicationId]);
    expect(names(byOtherState.body)).toEqual([]);
    expect(managers.body).toMatch(
      new RegExp(
        `data-manager="${manager.managerId}"><td>[^<]+</td><td>active</td><td>80</td><td>1 / 2</td>`,
      ),
    );
  });

  it('refreshes its lists only when the person asks, with a way to pause', async () => {
    const still = (await page('/_local/outbox')).body;
    const refreshing = (await page('/_local/outbox?refresh=on')).body;

    expect(still).not.toContain('http-equiv="refresh"');
    expect(still).toContain('<a href="/_local/outbox?refresh=on">Refresh every 5 s</a>');
    expect(refreshing).toContain('<meta http-equiv="refresh" content="5"');
    expect(refreshing).toContain('<a href="/_local/outbox">Pause</a>');
  });
});
