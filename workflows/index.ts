// Every workflow the product runs, by the name its state machine gets, with the functions its
// definition needs. CDK and the local engine both iterate this table.
import { collaborationFunctions, defineCollaboration } from './collaboration.ts';
import { defineManagerOnboarding, managerOnboardingFunctions } from './manager-onboarding.ts';
import { defineProjectMonitoring, projectMonitoringFunctions } from './project-monitoring.ts';
import { defineSmeJourney, smeJourneyFunctions } from './sme-journey.ts';

export const workflows = {
  'sme-journey': { define: defineSmeJourney, functions: smeJourneyFunctions },
  'project-monitoring': { define: defineProjectMonitoring, functions: projectMonitoringFunctions },
  'manager-onboarding': { define: defineManagerOnboarding, functions: managerOnboardingFunctions },
  collaboration: { define: defineCollaboration, functions: collaborationFunctions },
} as const;

export type WorkflowName = keyof typeof workflows;

/**
 * The name a workflow's state machine has, deployed or local: `percorso-pmi-<stage>-<workflow>`.
 * @param stage - the deployment stage (`dev` locally)
 */
export function stateMachineNameOf(stage: string, workflow: string): string {
  return `percorso-pmi-${stage}-${workflow}`;
}
