// The deploy rehearsal can fail: an assembly tampered the way a first deploy goes wrong (a grant
// missing, an environment variable missing, a route missing from the API) is rehearsed from the
// bundled assets and the template, and the report names exactly what AWS would refuse.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rehearse, synthesise } from '#infra/rehearsal/rehearse.ts';

let work: string;
let assembly: string;

type Template = { Resources: Record<string, { Type: string; Properties: unknown }> };

/** A copy of the assembly with its app template changed by `tamper`. */
function tampered(name: string, tamper: (template: Template) => void): string {
  const copy = join(work, name);
  cpSync(assembly, copy, { recursive: true });
  const file = join(copy, 'PercorsoPmi-App-dev.template.json');
  const template = JSON.parse(readFileSync(file, 'utf8')) as Template;
  tamper(template);
  writeFileSync(file, JSON.stringify(template));
  return copy;
}

/** The properties of a resource of the template, typed as the test reads them. */
function propertiesOf<T>(template: Template, id: string): T {
  const resource = template.Resources[id];
  if (!resource) throw new Error(`no resource ${id}`);
  return resource.Properties as T;
}

const resourceId = (template: Template, prefix: string, type: string) => {
  const id = Object.keys(template.Resources).find(
    (key) => key.startsWith(prefix) && template.Resources[key]?.Type === type,
  );
  if (!id) throw new Error(`no ${type} ${prefix}…`);
  return id;
};

beforeAll(() => {
  // Prepare: one assembly as `cdk deploy` synthesises it (account known), bundles included.
  work = mkdtempSync(join(tmpdir(), 'rehearsal-test-'));
  assembly = join(work, 'cdk.out');
  synthesise(assembly);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('deploy rehearsal of a tampered assembly', () => {
  it('reports the exact action and resource when the screening function lost its table write grant', async () => {
    // Prepare
    const cdkOut = tampered('no-screening-write', (template) => {
      const policy = resourceId(
        template,
        'ScreenEligibilityFunctionServiceRoleDefaultPolicy',
        'AWS::IAM::Policy',
      );
      const document = propertiesOf<{ PolicyDocument: { Statement: { Action: string | string[] }[] } }>(
        template,
        policy,
      ).PolicyDocument;
      for (const statement of document.Statement) {
        if (Array.isArray(statement.Action))
          statement.Action = statement.Action.filter(
            (a) => !/^dynamodb:(PutItem|UpdateItem|DeleteItem)$/.test(a),
          );
      }
    });

    // Act
    const report = await rehearse({ cdkOut, scenarios: 'smoke' });

    // Assess
    expect(report.ok).toBe(false);
    const denied = report.denied.filter((call) => call.caller.startsWith('ScreenEligibilityFunction'));
    expect(denied.length).toBeGreaterThan(0);
    expect(denied[0]?.denied).toMatch(
      /is not authorized to perform: dynamodb:(PutItem|UpdateItem|DeleteItem) on resource: arn:aws:dynamodb:eu-south-1:123456789012:table\/PercorsoPmi-Data-dev-/,
    );
    expect(report.denied.every((call) => call.caller.startsWith('ScreenEligibilityFunction'))).toBe(true);
  }, 180_000);

  it('reports a function that cannot start when the template lacks a variable its code needs', async () => {
    // Prepare
    const cdkOut = tampered('no-table-name', (template) => {
      const fn = resourceId(template, 'SubmitApplicationFunction', 'AWS::Lambda::Function');
      const variables = propertiesOf<{ Environment: { Variables: Record<string, unknown> } }>(template, fn)
        .Environment.Variables;
      delete variables.TABLE_NAME;
    });

    // Act
    const report = await rehearse({ cdkOut, scenarios: 'smoke' });

    // Assess
    expect(report.ok).toBe(false);
    const [name, error] =
      [...report.initErrors].find(([id]) => id.startsWith('SubmitApplicationFunction')) ?? [];
    expect(name).toBeDefined();
    expect(error).toMatch(/TABLE_NAME/);
    expect(report.initErrors.size).toBe(1);
  }, 180_000);

  it('answers like API Gateway when a route is missing from the API, and the run fails', async () => {
    // Prepare
    const cdkOut = tampered('no-applications-route', (template) => {
      delete template.Resources[resourceId(template, 'PublicApiapplicationsPOST', 'AWS::ApiGateway::Method')];
    });

    // Act
    const report = await rehearse({ cdkOut, scenarios: 'smoke' });

    // Assess
    expect(report.ok).toBe(false);
    const screened = report.scenarios.find((s) => s.name.includes('screened'));
    expect(screened?.ok).toBe(false);
    expect(screened?.detail).toMatch(/application → 403 .*Missing Authentication Token/);
    expect(report.denied).toHaveLength(0);
  }, 180_000);
});
