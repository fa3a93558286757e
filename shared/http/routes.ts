// The one route table: CDK builds the REST API from it, the local API server routes with it, and
// pages build their links from it. `handler` names the entry in infra/functions.ts.

export interface Route {
  readonly methods: readonly ('GET' | 'HEAD' | 'POST')[];
  /** API Gateway resource path; `{name}` is a path parameter. */
  readonly path: string;
  readonly handler: string;
  /** Programme-office routes: signed-in members of the admin group only, never anonymous. */
  readonly admin?: true;
}

export const routes = {
  applicationForm: { methods: ['GET', 'HEAD'], path: '/', handler: 'applicationForm' },
  submitApplication: { methods: ['POST'], path: '/applications', handler: 'submitApplication' },
  /** GET shows where the journey stands; POST withdraws the application (from the page's form). */
  applicationStatus: {
    methods: ['GET', 'HEAD', 'POST'],
    path: '/status/{token}',
    handler: 'applicationStatus',
  },
  /**
   * An SME contact's data request (a copy, or erasure) confirmed by the link e-mailed to them:
   * GET shows what it does, POST does it once.
   */
  privacyRequest: {
    methods: ['GET', 'HEAD', 'POST'],
    path: '/privacy-requests/{token}',
    handler: 'applicationStatus',
  },
  /** A programme's privacy notice, linked from its form (and the notice for managers, below). */
  privacyNotice: { methods: ['GET', 'HEAD'], path: '/privacy/{programmeId}', handler: 'applicationForm' },
  managerPrivacyNotice: { methods: ['GET', 'HEAD'], path: '/privacy', handler: 'managerRegistration' },
  /** The public registration form for managers; POST /managers registers (form or JSON). */
  managerForm: { methods: ['GET', 'HEAD'], path: '/managers/register', handler: 'managerRegistration' },
  registerManager: { methods: ['POST'], path: '/managers', handler: 'managerRegistration' },
  /** A manager's personal link: GET shows their availability, POST changes it. */
  managerAvailability: {
    methods: ['GET', 'HEAD', 'POST'],
    path: '/managers/availability/{token}',
    handler: 'managerAvailability',
  },
  /**
   * The programme office signs in (Cognito managed login, authorisation code + PKCE); the callback
   * keeps the session in an HttpOnly cookie; sign-out clears it. Public: they are the way in.
   */
  adminSignIn: { methods: ['GET', 'HEAD'], path: '/admin/sign-in', handler: 'adminSignIn' },
  adminCallback: { methods: ['GET'], path: '/admin/callback', handler: 'adminSignIn' },
  adminSignOut: { methods: ['GET'], path: '/admin/sign-out', handler: 'adminSignIn' },
  /** The list of programmes, each with its dashboard: where the office lands after signing in. */
  adminProgrammes: {
    methods: ['GET', 'HEAD'],
    path: '/admin/programmes',
    handler: 'adminDashboard',
    admin: true,
  },
  /** The programme dashboard (HTML or JSON) and its CSV exports, for the programme office. */
  adminDashboard: {
    methods: ['GET', 'HEAD'],
    path: '/admin/programmes/{programmeId}',
    handler: 'adminDashboard',
    admin: true,
  },
  /**
   * Collaboration between a programme's firms: the opportunities found, the collaborations with their
   * figures (HTML or JSON); POST {"opportunityId","coordinatorManagerId"} proposes one. A literal
   * segment: it wins over {export} below, as in API Gateway.
   */
  adminCollaborations: {
    methods: ['GET', 'HEAD', 'POST'],
    path: '/admin/programmes/{programmeId}/collaborations',
    handler: 'adminCollaborations',
    admin: true,
  },
  /** One collaboration: members, verifications, the network contract's form. */
  adminCollaboration: {
    methods: ['GET', 'HEAD'],
    path: '/admin/collaborations/{collaborationId}',
    handler: 'adminCollaborations',
    admin: true,
  },
  /** GET …/contract: the contract's printable draft; POST …/contract its content, …/signature its signing. */
  adminCollaborationPart: {
    methods: ['GET', 'HEAD', 'POST'],
    path: '/admin/collaborations/{collaborationId}/{part}',
    handler: 'adminCollaborations',
    admin: true,
  },
  adminExport: {
    methods: ['GET'],
    path: '/admin/programmes/{programmeId}/{export}',
    handler: 'adminDashboard',
    admin: true,
  },
  /** POST …/{programmeId}/unlock {vatNumber}: the office frees a firm's place held by an ended application. */
  adminUnlock: {
    methods: ['POST'],
    path: '/admin/programmes/{programmeId}/{export}',
    handler: 'adminDashboard',
    admin: true,
  },
  /** A launched project: KPI trajectories, check-ins, T0/T1; POST pause|resume|close with a reason. */
  /** People's data requests: a copy, or erasure (GET the page; POST export, preview or erase). */
  adminPrivacy: {
    methods: ['GET', 'HEAD', 'POST'],
    path: '/admin/privacy',
    handler: 'adminPrivacy',
    admin: true,
  },
  adminProject: {
    methods: ['GET', 'HEAD'],
    path: '/admin/projects/{projectId}',
    handler: 'adminProjects',
    admin: true,
  },
  adminProjectAction: {
    methods: ['POST'],
    path: '/admin/projects/{projectId}/{action}',
    handler: 'adminProjects',
    admin: true,
  },
  /** The dashboard's chart scripts (Chart.js bundled from node_modules, no CDN); public, cacheable. */
  asset: { methods: ['GET', 'HEAD'], path: '/assets/{file}', handler: 'assets' },
  /** A human task's link: GET and HEAD only show it, POST answers it once (form or JSON). */
  humanTask: { methods: ['GET', 'HEAD', 'POST'], path: '/tasks/{token}', handler: 'humanTask' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;

/**
 * A site path as the browser must request it. On the API's own URL every path sits under the stage
 * (`/prod/…`); locally and behind a custom domain at the root. SITE_BASE_PATH is set by CDK.
 */
export function sitePath(path: string): string {
  const base = (process.env.SITE_BASE_PATH ?? '').replace(/\/+$/, '');
  return `${base}${path}`;
}

/** Absolute URL of a data request's confirmation page. */
export function privacyRequestUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${routes.privacyRequest.path.replace('{token}', encodeURIComponent(token))}`;
}

/** Absolute URL of an application's status page. */
export function statusUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${routes.applicationStatus.path.replace('{token}', encodeURIComponent(token))}`;
}

/** Absolute URL of a human task's link. */
export function taskUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${routes.humanTask.path.replace('{token}', encodeURIComponent(token))}`;
}

/** Absolute URL of a manager's personal availability link. */
export function managerAvailabilityUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${routes.managerAvailability.path.replace('{token}', encodeURIComponent(token))}`;
}
