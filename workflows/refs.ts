// What a workflow definition may need to know about its deployment: the ARNs of state machines
// (its own, to start the next cycle). CDK gives the deployed ARNs, the local renderer the local ones.
export interface WorkflowRefs {
  stateMachineArn(workflowName: string): string;
}
