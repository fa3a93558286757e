// HTTP answers in API Gateway's proxy shape, every one with the security headers.
import { siteCssHash } from '#shared/pages/style.ts';
import { securityHeaders } from './security.ts';

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const pageHeaders = securityHeaders([siteCssHash]);

/**
 * API Gateway gzips answers at least this long for clients that accept it (the stack's
 * minCompressionSize; the local server does the same): pages, exports and Chart.js travel light.
 */
export const minimumCompressedBytes = 1024;

/** A page that loads this site's own scripts from /assets (never inline ones). */
export const scriptPageHeaders = securityHeaders([siteCssHash], ["'self'"]);

export function htmlResponse(
  statusCode: number,
  html: string,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { ...pageHeaders, 'Content-Type': 'text/html; charset=utf-8', ...headers },
    body: html,
  };
}

export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { ...pageHeaders, 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** A JSON document to save rather than show (a person's data, downloaded). */
export function jsonDownload(body: unknown, fileName: string): HttpResponse {
  return jsonResponse(200, body, { 'Content-Disposition': `attachment; filename="${fileName}"` });
}

/** A HEAD request gets the same status and headers as GET, without the body. */
export function forMethod(method: string, response: HttpResponse): HttpResponse {
  return method.toUpperCase() === 'HEAD' ? { ...response, body: '' } : response;
}
