// The CDK app synthesised as a test needs it: bundling skipped, stage `test`, the given context;
// a synthesis error (cdk-nag included) is returned, not thrown.
import { App } from 'aws-cdk-lib';
import { buildApp } from '#infra/app.ts';

export const baseContext = { 'aws:cdk:bundling-stacks': [], 'percorso-pmi:stage': 'test' };

export function synthesiseApp(context: Record<string, unknown> = {}) {
  const app = new App({ context: { ...baseContext, ...context } });
  const built = buildApp(app);
  let synthError: unknown;
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  return { ...built, synthError };
}
