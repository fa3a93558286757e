// Every workflow the product runs, by the name its state machine gets, with the functions its
// definition needs. CDK and the local engine both iterate this table.
import { defineSmeJourney, smeJourneyFunctions } from './sme-journey.ts';

export const workflows = {
  'sme-journey': { define: defineSmeJourney, functions: smeJourneyFunctions },
} as const;

export type WorkflowName = keyof typeof workflows;
