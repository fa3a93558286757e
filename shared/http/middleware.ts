// The middy chain every HTTP handler shares: Powertools logger context, then one error boundary
// that answers in the requester's language (HTML for browsers, JSON for API clients).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { knownPublicBaseUrl } from '#shared/config/environment.ts';
import { logger, metrics } from '#shared/observability/powertools.ts';
import { CrossSiteError, errorResponse } from './errors.ts';
import { requestHeader, requestLanguage, wantsHtml } from './request.ts';

/** Catches whatever the handler throws and turns it into a translated answer. */
function errorBoundary(): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    onError: async (request) => {
      request.response = errorResponse(
        request.error,
        requestLanguage(request.event),
        wantsHtml(request.event),
      );
    },
  };
}

/**
 * Wraps an HTTP handler: `httpHandler().use(extra).handler(fn)`; the error boundary runs last on
 * the way out, so other middlewares' errors are answered too.
 */
export function httpHandler() {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(errorBoundary())
    .use(logMetrics(metrics))
    .use(injectLambdaContext(logger, { resetKeys: true }));
}

/**
 * Powertools' idempotency middleware, with its records kept when it refuses a request itself. Its
 * onError deletes the idempotency record, which is right when the handler failed (the client may
 * retry) but wrong when the before-step refused the request because the key was reused for
 * another body or is still in progress: that record belongs to the first request, and deleting it
 * let the original body get a 409 and another body a second application. With this wrapper, one
 * key gives one application, whatever the bodies and however concurrent.
 */
export function keepingIdempotencyRecords<T extends MiddlewareObj>(idempotency: T): T {
  const refusedByIdempotency = (error: unknown) =>
    error instanceof Error &&
    (error.name === 'IdempotencyValidationError' || error.name === 'IdempotencyAlreadyInProgressError');
  return {
    ...idempotency,
    onError: async (request: Parameters<NonNullable<MiddlewareObj['onError']>>[0]) => {
      if (refusedByIdempotency(request.error)) return;
      await idempotency.onError?.(request);
    },
  };
}

/**
 * Whether a POST comes from this site's own pages: a browser sends its Origin, which must be the
 * public site's (or, without a proxy in front, the API host the request reached); without an
 * Origin, Sec-Fetch-Site must not say another site. Scripts and JSON clients send neither and are
 * let through (they still need the link's secret or a token).
 */
export function postedFromThisSite(event: APIGatewayProxyEvent, publicBaseUrl: string | undefined): boolean {
  const origin = requestHeader(event, 'origin');
  // Pages here send Referrer-Policy: no-referrer, under which browsers post with `Origin: null`:
  // then Sec-Fetch-Site tells where the post came from.
  if (origin && origin !== 'null') {
    // API Gateway says the scheme in X-Forwarded-Proto (https); without it (the local API) the page
    // was served over plain http.
    const host = requestHeader(event, 'host') ?? '';
    const scheme = requestHeader(event, 'x-forwarded-proto') ?? 'http';
    const allowed = new Set([`https://${host}`, `${scheme}://${host}`]);
    if (publicBaseUrl) allowed.add(new URL(publicBaseUrl).origin);
    return allowed.has(origin);
  }
  const fetchSite = requestHeader(event, 'sec-fetch-site');
  return fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
}

/**
 * Refuses (403, in the requester's language) a POST sent from another site's page: secret links
 * and the office's actions act only on posts from this site. PUBLIC_BASE_URL is read when present.
 */
export function sameSitePostsOnly(): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    before: async (request) => {
      if (request.event.httpMethod !== 'POST') return;
      if (!postedFromThisSite(request.event, knownPublicBaseUrl())) throw new CrossSiteError();
    },
  };
}
