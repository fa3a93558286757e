// The one catalogue of Lambda functions: CDK creates a NodejsFunction per entry with exactly the
// access listed (and the environment variables its flags bring: shared/config/environment.ts); the
// local runtime loads the same handler files in-process.
import type { AccessFlags } from '#shared/config/environment.ts';
import { journeyStartBuffer } from './api-capacity.ts';

export interface FunctionSpec extends AccessFlags {
  /** Handler file, relative to the repository root. */
  readonly entry: string;
  /** The export that is the handler. @default 'handler' */
  readonly handler?: string;
  readonly description: string;
  readonly memorySizeMb?: number;
  readonly timeoutSeconds?: number;
  /**
   * May answer waiting tasks (SendTaskSuccess/Failure/Heartbeat): of every workflow (true), or of
   * the workflows named.
   */
  readonly respondsToTasks?: true | readonly string[];
  /** A Lambda authorizer: its "errors" are refusals (401), kept out of the Lambda errors alarm. */
  readonly refusesByThrowing?: boolean;
  /**
   * Answers people's data requests: reads the whole table (Scan) to find every item that holds
   * their address, and deletes what erasure removes in batches (BatchWriteItem). Nothing else scans.
   */
  readonly handlesDataRequests?: boolean;
  /** Files (from the repository root) copied next to the bundle, read by the handler at run time. */
  readonly bundledFiles?: readonly string[];
}

const onboardingStep = (handler: string, description: string) =>
  ({
    entry: 'functions/managers/steps.ts',
    handler,
    description,
    table: 'readWrite',
    sendsEmail: true,
    buildsLinks: true,
    mailsOffice: true,
  }) as const satisfies FunctionSpec;

const monitoringStep = (handler: string, description: string) =>
  ({
    entry: 'functions/monitoring/steps.ts',
    handler,
    description,
    table: 'readWrite',
    sendsEmail: true,
    buildsLinks: true,
  }) as const satisfies FunctionSpec;

const collaborationStep = (handler: string, description: string) =>
  ({
    entry: 'functions/collaboration/steps.ts',
    handler,
    description,
    table: 'readWrite',
    sendsEmail: true,
    buildsLinks: true,
  }) as const satisfies FunctionSpec;

const journeyStep = (handler: string, description: string) =>
  ({
    entry: 'functions/journey/steps.ts',
    handler,
    description,
    table: 'readWrite',
    sendsEmail: true,
    buildsLinks: true,
  }) as const satisfies FunctionSpec;

const servicesStep = (handler: string, description: string) =>
  ({
    ...journeyStep(handler, description),
    entry: 'functions/journey/services.ts',
  }) as const satisfies FunctionSpec;

export const functionCatalog = {
  applicationForm: {
    entry: 'functions/http/application-form.ts',
    description: 'GET / — the SME application form; GET /privacy/{programmeId} — its privacy notice',
    table: 'read',
  },
  submitApplication: {
    entry: 'functions/http/submit-application.ts',
    description: 'POST /applications — validates, stores and queues the journey',
    table: 'readWrite',
    idempotencyTable: true,
    queuesJourneyStarts: true,
  },
  startJourneys: {
    entry: 'functions/journey/start-journeys.ts',
    description: "SQS — starts each stored application's journey, retried while Step Functions throttles",
    table: 'read',
    startsJourney: true,
    // A journey started in the same instant as its application's withdrawal is stopped at once.
    stopsJourneys: true,
    drainsJourneyStarts: true,
    timeoutSeconds: journeyStartBuffer.consumerTimeoutSeconds,
  },
  applicationStatus: {
    entry: 'functions/http/application-status.ts',
    description:
      'GET /status/{token} — where the journey stands; POST withdraws or asks for a data request; /privacy-requests/{token} confirms it',
    table: 'readWrite',
    stopsJourneys: true,
    sendsEmail: true,
    handlesDataRequests: true,
  },
  humanTask: {
    entry: 'functions/http/human-task.ts',
    description: 'GET/POST /tasks/{token} — shows a human task, answers it once',
    table: 'readWrite',
    respondsToTasks: true,
  },
  screenEligibility: {
    entry: 'functions/journey/screen-eligibility.ts',
    description: 'sme-journey task: screen eligibility and reserve quota',
    table: 'readWrite',
  },
  sendApplicationEmail: {
    entry: 'functions/journey/send-application-email.ts',
    description: 'sme-journey task: send a queued application e-mail once',
    table: 'readWrite',
    sendsEmail: true,
  },
  recordEmailEvent: {
    entry: 'functions/email/record-email-event.ts',
    description: 'EventBridge: record SES bounces and complaints (addresses hashed)',
    table: 'readWrite',
  },
  matchManager: journeyStep(
    'matchManagerHandler',
    'sme-journey task: find and reserve the best free manager',
  ),
  openHumanTask: journeyStep(
    'openHumanTaskHandler',
    'sme-journey callback task: open a human task, e-mail its link',
  ),
  expireTask: journeyStep(
    'expireTaskHandler',
    'sme-journey task: close an unanswered task before escalating it',
  ),
  closeOffer: journeyStep('closeOfferHandler', 'sme-journey task: close a declined or expired offer'),
  assignManager: journeyStep(
    'assignManagerHandler',
    'sme-journey task: assign the manager, introduce both sides',
  ),
  recordAssessment: journeyStep(
    'recordAssessmentHandler',
    'sme-journey task: store the assessment, e-mail its summary',
  ),
  reserveBudget: journeyStep('reserveBudgetHandler', 'sme-journey task: reserve the approved amount'),
  launchProject: {
    ...journeyStep('launchProjectHandler', 'sme-journey task: launch the project, start its monitoring'),
    startsMonitoring: true,
  },
  closeJourney: journeyStep('closeJourneyHandler', 'sme-journey task: record the outcome, free what is held'),
  openServiceDeliveries: {
    ...servicesStep(
      'openServiceDeliveriesHandler',
      'sme-journey callback task (services): open the delivery task of each planned service, or remind',
    ),
    // When every service was recorded while the reminder re-entered the state, it completes it itself.
    respondsToTasks: ['sme-journey'],
  },
  expireServiceDeliveries: servicesStep(
    'expireServiceDeliveriesHandler',
    'sme-journey task (services): the services not recorded in time are not delivered',
  ),
  recordFollowUp: servicesStep('recordFollowUpHandler', 'sme-journey task (services): keep the T0/T1 DMA'),
  managerRegistration: {
    entry: 'functions/http/manager-registration.ts',
    description:
      'GET /managers/register, POST /managers — managers register, onboarding starts; GET /privacy — their privacy notice',
    table: 'readWrite',
    // The privacy notice names the programme office as the contact.
    mailsOffice: true,
    startsOnboarding: true,
    // A known address is e-mailed (with a fresh availability link) instead of being told apart.
    sendsEmail: true,
    buildsLinks: true,
  },
  adminDashboard: {
    entry: 'functions/http/admin-dashboard.ts',
    description:
      'GET /admin/programmes[/{id}[/export.csv]], POST …/{id}/unlock — programmes, dashboard, exports, unlocking a firm; admin group only',
    table: 'readWrite',
    // The dashboard links Chart.js by a hash of its content (shared/pages/static-assets.ts).
    bundledFiles: ['node_modules/chart.js/dist/chart.umd.min.js'],
  },
  adminProjects: {
    entry: 'functions/http/admin-projects.ts',
    description: 'GET /admin/projects/{id}, POST …/{pause|resume|close} — one project; admin group only',
    table: 'readWrite',
    controlsMonitoring: true,
  },
  adminCollaborations: {
    entry: 'functions/http/admin-collaborations.ts',
    description:
      'GET/POST /admin/programmes/{id}/collaborations, /admin/collaborations/{id}[/contract|signature] — collaboration between firms; admin group only',
    table: 'readWrite',
    startsCollaborations: true,
  },
  adminPrivacy: {
    entry: 'functions/http/admin-privacy.ts',
    description: 'GET/POST /admin/privacy — people’s data requests (copy, erasure); admin group only',
    table: 'readWrite',
    stopsJourneys: true,
    handlesDataRequests: true,
  },
  adminAuthorizer: {
    entry: 'functions/http/admin-authorizer.ts',
    description: '/admin authorizer: Cognito access token (cookie or Bearer), admin group only',
    memorySizeMb: 256,
    timeoutSeconds: 5,
    programmeOfficeAuth: true,
    refusesByThrowing: true,
  },
  adminSignIn: {
    entry: 'functions/http/admin-sign-in.ts',
    description: 'GET /admin/sign-in, /admin/callback, /admin/sign-out — programme office sign-in (Cognito)',
    memorySizeMb: 256,
    buildsLinks: true,
    programmeOfficeAuth: true,
  },
  assets: {
    entry: 'functions/http/assets.ts',
    description:
      'GET /assets/{file} — Chart.js and the pages’ scripts, by content-hashed name (bundled, no CDN)',
    memorySizeMb: 256,
    bundledFiles: ['node_modules/chart.js/dist/chart.umd.min.js'],
  },
  managerAvailability: {
    entry: 'functions/http/manager-availability.ts',
    description: "GET/POST /managers/availability/{token} — a manager's capacity and availability",
    table: 'readWrite',
  },
  openVettingTask: onboardingStep(
    'openVettingTaskHandler',
    'manager-onboarding callback task: vetting link to the office',
  ),
  applyVetting: onboardingStep('applyVettingHandler', 'manager-onboarding task: apply the vetting decision'),
  expireVetting: onboardingStep('expireVettingHandler', 'manager-onboarding task: vetting not done in time'),
  planCycle: monitoringStep('planCycleHandler', 'project-monitoring task: when the check-in falls due'),
  recordCheckin: monitoringStep(
    'recordCheckinHandler',
    'project-monitoring task: record a check-in or a missed one',
  ),
  closeProject: monitoringStep(
    'closeProjectHandler',
    'project-monitoring task: close the project, T1 and spending',
  ),
  planCollaborationCycle: collaborationStep(
    'planCollaborationCycleHandler',
    'collaboration task: what the cycle does (invitations, a verification, nothing)',
  ),
  openInvitations: {
    ...collaborationStep(
      'openInvitationsHandler',
      'collaboration callback task: invite the firms (join links), or remind them',
    ),
    // When every firm has answered while the reminder re-entered the state, it completes it itself.
    respondsToTasks: ['collaboration'],
  },
  finishInvitations: collaborationStep(
    'finishInvitationsHandler',
    'collaboration task: end the invitations, start the collaboration or not',
  ),
  openCollaborationReport: collaborationStep(
    'openCollaborationReportHandler',
    "collaboration callback task: the coordinator's verification link",
  ),
  recordCollaborationReport: collaborationStep(
    'recordCollaborationReportHandler',
    'collaboration task: count a verification’s benefits once, flag members without benefit',
  ),
  closeCollaboration: collaborationStep(
    'closeCollaborationHandler',
    'collaboration task: close with the final report',
  ),
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functionCatalog;
