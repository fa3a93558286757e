// Named domain errors. The HTTP adapter maps them to status codes and translated messages in one
// place (shared/http/errors.ts); Step Functions sees their `name` as the error to Retry/Catch on,
// and the workflows read `permanentErrorNames` (below) for the errors they must not retry.
import type { MessageKey } from '#shared/i18n/messages.ts';

/** An error whose message the requester may read, in their language. */
export abstract class UserFacingError extends Error {
  abstract readonly statusCode: number;
  abstract readonly messageKey: MessageKey;
  readonly messageParams: Record<string, string | number> = {};
}

export class DuplicateApplicationError extends UserFacingError {
  override name = 'DuplicateApplicationError';
  readonly statusCode = 409;
  readonly messageKey = 'error.duplicateApplication';
  override readonly messageParams: Record<string, string>;
  /** @param office - the programme office's address, for a firm that did not apply itself */
  constructor(message: string, office = '') {
    super(message);
    this.messageParams = { office };
  }
}

export class UnknownProgrammeError extends UserFacingError {
  override name = 'UnknownProgrammeError';
  readonly statusCode = 422;
  readonly messageKey = 'error.unknownProgramme';
}

export class ProgrammeClosedError extends UserFacingError {
  override name = 'ProgrammeClosedError';
  readonly statusCode = 422;
  readonly messageKey = 'error.programmeClosed';
}

export class JourneyUnavailableError extends UserFacingError {
  override name = 'JourneyUnavailableError';
  readonly statusCode = 503;
  readonly messageKey = 'error.serviceUnavailable';
}

/** A task received an ID that does not exist: a bug or tampering, never retried. */
export class ApplicationNotFoundError extends Error {
  override name = 'ApplicationNotFoundError';
}

/** A step names a manager that is not in the registry (a bug or a record removed by hand). */
export class ManagerNotFoundError extends Error {
  override name = 'ManagerNotFoundError';
}

/** A step needs a record an earlier step writes (a manager chosen, a project) and it is not there. */
export class JourneyRecordMissingError extends Error {
  override name = 'JourneyRecordMissingError';
}

/** A step runs after a human task whose stored answer is missing or says otherwise (not approved). */
export class TaskAnswerMismatchError extends Error {
  override name = 'TaskAnswerMismatchError';
}

/**
 * The errors retrying cannot fix: a bug, tampering, or data that will not appear by waiting. The
 * workflows fail (or catch) them at once instead of retrying four times; everything else (throttling,
 * timeouts, a store briefly unavailable) is retried with backoff.
 */
export const permanentErrors = [
  ApplicationNotFoundError,
  UnknownProgrammeError,
  ManagerNotFoundError,
  JourneyRecordMissingError,
  TaskAnswerMismatchError,
] as const;

/**
 * Their names as Step Functions sees them, with the parser's own (an event that cannot be read) and
 * the AWS SDK's for a request a service refuses as malformed (DynamoDB, Step Functions: an expression
 * or item it cannot take, the same request fails the same way again).
 */
export const permanentErrorNames: readonly string[] = [
  ...permanentErrors.map((ErrorClass) => new ErrorClass('').name),
  'ParseError',
  'ValidationException',
];
