// The one route table: CDK builds the REST API from it, the local API server routes with it, and
// pages build their links from it. `handler` names the entry in infra/functions.ts.

export interface Route {
  readonly methods: readonly ('GET' | 'HEAD' | 'POST')[];
  /** API Gateway resource path; `{name}` is a path parameter. */
  readonly path: string;
  readonly handler: string;
}

export const routes = {
  applicationForm: { methods: ['GET', 'HEAD'], path: '/', handler: 'applicationForm' },
  submitApplication: { methods: ['POST'], path: '/applications', handler: 'submitApplication' },
  applicationStatus: { methods: ['GET', 'HEAD'], path: '/status/{token}', handler: 'applicationStatus' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;

/** Absolute URL of an application's status page. */
export function statusUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${routes.applicationStatus.path.replace('{token}', encodeURIComponent(token))}`;
}
