// Whatever the input schemas accept can be stored and shown: random finite numbers and random text
// (fast-check) go through the application and assessment schemas; every accepted value is written
// to DynamoDB Local with the data layer's own client and rendered in the pages, never a 500.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/data/client.ts';
import { humanTaskAnswerSchemas } from '#shared/domain/human-tasks.ts';
import { ApplicationForm, renderPage } from '#shared/pages/index.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import { applicationSchema } from '#shared/schemas/application.ts';
import { validApplication } from '../support/fixtures.ts';
import { tableName } from '../support/journey-kit.ts';

const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
  fc.constantFrom(5e-324, 1e-200, 1e16, 9007199254740992, 1e200, -0, 0.1 + 0.2),
  fc.integer(),
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', minLength: 3, maxLength: 80 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 3, maxLength: 80 }),
);
// Scores in range most of the time, so that whole answers are accepted and stored.
const aScore = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: anyNumber },
);
const anAmount = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 100, max: 100_000_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: anyNumber },
);

async function store(kind: string, item: Record<string, unknown>) {
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: { pk: `PROPERTY#${kind}`, sk: crypto.randomUUID(), ...item },
    }),
  );
}

describe('input that the schemas accept', () => {
  it('is stored by DynamoDB and rendered by the form, for random numbers and names in an application', async () => {
    const programme = findPreset('sviluppo-pmi');
    if (!programme) throw new Error('preset missing');
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 0, max: 240 }) },
          { weight: 1, arbitrary: anyNumber },
        ),
        anAmount,
        anAmount,
        anyText,
        anyText,
        async (employees, turnover, balance, company, contact) => {
          const input = validApplication();
          Object.assign(input.size, { employees, turnoverEur: turnover, balanceSheetEur: balance });
          input.company.name = company;
          input.contact.name = contact;
          const parsed = applicationSchema.safeParse(input);
          if (!parsed.success) return;
          await store('application', parsed.data as Record<string, unknown>);
          stored += 1;
          const page = renderPage(
            ApplicationForm({ lang: 'it', programme, values: { 'company.name': parsed.data.company.name } }),
          );
          expect(page).toContain('<form');
        },
      ),
      { numRuns: 300 },
    );
    // The property is about accepted input: enough of it must have been accepted to mean something.
    expect(stored).toBeGreaterThan(10);
  });

  it('is stored by DynamoDB for random numbers and text in an assessment with a project', async () => {
    let assessed = 0;
    let storedAssessments = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(aScore, aScore, aScore, aScore, aScore, aScore, anAmount, anAmount, anAmount),
        anyText,
        async ([s1, s2, s3, s4, s5, s6, baseline, target, budget], findings) => {
          assessed += 1;
          const answer = {
            dma: {
              digitalBusinessStrategy: s1,
              digitalReadiness: s2,
              humanCentricDigitalisation: s3,
              dataManagementAndConnectedness: s4,
              automationAndAi: s5,
              greenDigitalisation: s6,
            },
            improvementAreas: ['digital'],
            findings,
            projectRecommended: true,
            project: {
              title: 'Raccolta dati',
              objectives: 'Misurare OEE.',
              durationMonths: 12,
              budgetEur: budget,
              kpis: [{ name: 'OEE', unit: '%', baseline, target }],
            },
          };
          const parsed = humanTaskAnswerSchemas.assessment.safeParse(answer);
          if (!parsed.success) return;
          await store('assessment', { answer: parsed.data });
          storedAssessments += 1;
        },
      ),
      { numRuns: 300 },
    );
    expect(assessed).toBe(300);
    expect(storedAssessments).toBeGreaterThan(0);
  });

  it('refuses the numbers DynamoDB cannot store, naming the field', () => {
    // Act
    const results = [5e-324, 1e-200, 1e16, 9007199254740992, 1e200].map((employees) => {
      const input = validApplication();
      input.size.employees = employees;
      const parsed = applicationSchema.safeParse(input);
      return parsed.success
        ? 'accepted'
        : [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join();
    });

    // Assess
    expect(results).toEqual(Array(5).fill('size.employees'));
  });
});
