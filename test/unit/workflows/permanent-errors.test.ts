// The errors retrying cannot fix are named once (shared/domain/errors.ts) and every workflow reads
// that list: each Lambda step that retries at all first refuses to retry exactly those names, and the
// use cases throw them under their own names (what Step Functions matches on).
import { describe, expect, it } from 'vitest';
import { permanentErrorNames, permanentErrors } from '#shared/domain/errors.ts';
import { type WorkflowName, workflows } from '#workflows/index.ts';
import { renderWorkflowAsl } from '#workflows/render.ts';

interface RetryRule {
  ErrorEquals: string[];
  MaxAttempts?: number;
}
interface State {
  Type: string;
  Resource?: string;
  Retry?: RetryRule[];
  States?: Record<string, State>;
  Iterator?: { States: Record<string, State> };
  Branches?: { States: Record<string, State> }[];
}

/** Every Task state that calls a Lambda function directly (not a human task's callback). */
function lambdaSteps(states: Record<string, State>): [string, State][] {
  return Object.entries(states).flatMap(([name, state]) => [
    ...(state.Type === 'Task' &&
    state.Resource?.includes(':lambda:') &&
    !state.Resource.includes('waitForTaskToken')
      ? [[name, state] as [string, State]]
      : []),
    ...(state.Branches ?? []).flatMap((branch) => lambdaSteps(branch.States)),
    ...(state.Iterator ? lambdaSteps(state.Iterator.States) : []),
  ]);
}

describe('permanent errors', () => {
  it('have a name of their own each, the one their instances carry', () => {
    const names = permanentErrors.map((ErrorClass) => new ErrorClass('x').name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/Error$/);
    expect(permanentErrorNames).toEqual([...names, 'ParseError', 'ValidationException']);
  });

  it.each(Object.keys(workflows) as WorkflowName[])(
    'are never retried by the %s workflow, whose other failures are',
    (workflow) => {
      const asl = renderWorkflowAsl(workflow) as { States: Record<string, State> };
      const steps = lambdaSteps(asl.States);
      expect(steps.length).toBeGreaterThan(0);
      for (const [name, state] of steps) {
        const rules = state.Retry ?? [];
        const permanent = rules.findIndex(
          (rule) => rule.ErrorEquals.join() === permanentErrorNames.join() && rule.MaxAttempts === 0,
        );
        const everythingElse = rules.findIndex(
          (rule) => rule.ErrorEquals.includes('States.ALL') && (rule.MaxAttempts ?? 3) > 0,
        );
        expect({ name, permanentFirst: permanent >= 0 && permanent < everythingElse }).toEqual({
          name,
          permanentFirst: true,
        });
      }
    },
  );
});
