// Errors of the HTTP edge (body too large, wrong media type, malformed body) and the one place that
// turns any error into an answer in the requester's language, never echoing the exception.

import { UserFacingError } from '#shared/domain/errors.ts';
import type { Language } from '#shared/i18n/language.ts';
import { type MessageKey, t } from '#shared/i18n/messages.ts';
import { logger } from '#shared/observability/powertools.ts';
import { MessagePage, renderPage } from '#shared/pages/index.ts';
import { forMethod, type HttpResponse, htmlResponse, jsonResponse } from './responses.ts';

export class PayloadTooLargeError extends UserFacingError {
  override name = 'PayloadTooLargeError';
  readonly statusCode = 413;
  readonly messageKey = 'error.payloadTooLarge';
  override readonly messageParams: Record<string, string | number>;
  constructor(limitBytes: number) {
    super('request body too large');
    this.messageParams = { limitKb: Math.round(limitBytes / 1024) };
  }
}

export class UnsupportedMediaTypeError extends UserFacingError {
  override name = 'UnsupportedMediaTypeError';
  readonly statusCode = 415;
  readonly messageKey = 'error.unsupportedMediaType';
}

export class MalformedBodyError extends UserFacingError {
  override name = 'MalformedBodyError';
  readonly statusCode = 400;
  readonly messageKey = 'error.malformedBody';
}

export class IdempotencyKeyReusedError extends UserFacingError {
  override name = 'IdempotencyKeyReusedError';
  readonly statusCode = 422;
  readonly messageKey = 'error.idempotencyKeyReused';
}

export class RequestInProgressError extends UserFacingError {
  override name = 'RequestInProgressError';
  readonly statusCode = 409;
  readonly messageKey = 'error.requestInProgress';
}

/** The programme office's pages and actions: signed-in members of the admin group only. */
export class ForbiddenError extends UserFacingError {
  override name = 'ForbiddenError';
  readonly statusCode = 403;
  readonly messageKey = 'error.adminOnly';
}

/** A form action posted from another site's page. */
export class CrossSiteError extends UserFacingError {
  override name = 'CrossSiteError';
  readonly statusCode = 403;
  readonly messageKey = 'admin.project.crossSite';
}

/** Nothing at this address; the message may name what is missing (a project, a page). */
export class NotFoundError extends UserFacingError {
  override name = 'NotFoundError';
  readonly statusCode = 404;
  readonly messageKey: MessageKey;
  constructor(messageKey: MessageKey = 'error.notFound') {
    super('not found');
    this.messageKey = messageKey;
  }
}

/** Machine-readable code of a user-facing error: its class name without the `Error` suffix. */
export function errorCode(error: UserFacingError): string {
  const base = error.name.replace(/Error$/, '');
  return base.charAt(0).toLowerCase() + base.slice(1);
}

/**
 * Maps any error to a response: user-facing errors keep their status and translated message;
 * anything else is logged (name and stack, no request data) and becomes a generic 500.
 * @param asHtml - answer with a page (browser form) rather than JSON
 */
export function errorResponse(error: unknown, lang: Language, asHtml: boolean): HttpResponse {
  const known = toUserFacing(error);
  if (!known) {
    logger.error('Unhandled error', {
      errorName: error instanceof Error ? error.name : typeof error,
      error: error as Error,
    });
  }
  const statusCode = known?.statusCode ?? 500;
  const message = known ? t(lang, known.messageKey, known.messageParams) : t(lang, 'error.internal');
  const code = known ? errorCode(known) : 'internal';
  if (asHtml) {
    return htmlResponse(
      statusCode,
      renderPage(MessagePage({ lang, title: t(lang, 'error.title'), message })),
    );
  }
  return jsonResponse(statusCode, { error: code, message });
}

function toUserFacing(error: unknown): UserFacingError | undefined {
  if (error instanceof UserFacingError) return error;
  if (error instanceof Error) {
    // Powertools idempotency errors, matched by name so this module does not import the utility.
    if (error.name === 'IdempotencyValidationError') return new IdempotencyKeyReusedError(error.message);
    if (error.name === 'IdempotencyAlreadyInProgressError') return new RequestInProgressError(error.message);
  }
  return undefined;
}

/**
 * The answer to a secret link that leads nowhere (mistyped, or its record gone): 404 with the same
 * words on every link page (status, availability), as a page or JSON, nothing about why.
 */
export function unknownLinkResponse(method: string, lang: Language, asHtml: boolean): HttpResponse {
  const message = t(lang, 'link.unknown.body');
  const response = asHtml
    ? htmlResponse(404, renderPage(MessagePage({ lang, title: t(lang, 'link.unknown.title'), message })))
    : jsonResponse(404, { error: 'unknownLink', message });
  return forMethod(method, response);
}
