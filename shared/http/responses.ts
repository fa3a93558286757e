// HTTP answers in API Gateway's proxy shape, every one with the security headers.
import { siteCssHash } from '#shared/pages/style.ts';
import { securityHeaders } from './security.ts';

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const pageHeaders = securityHeaders([siteCssHash]);

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

/** A HEAD request gets the same status and headers as GET, without the body. */
export function forMethod(method: string, response: HttpResponse): HttpResponse {
  return method.toUpperCase() === 'HEAD' ? { ...response, body: '' } : response;
}
