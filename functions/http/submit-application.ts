// POST /applications — an SME applies, by HTML form (answered with pages) or JSON (answered with
// JSON). Validates everything, stores the application and queues its journey's start. A retried request
// with the same Idempotency-Key gets the original answer (Powertools idempotency).
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { UserFacingError } from '#shared/domain/errors.ts';
import { checksDeMinimis } from '#shared/domain/state-aid.ts';
import { httpHandler, keepingIdempotencyRecords } from '#shared/http/middleware.ts';
import { parseBody, publicBaseUrlOf, requestLanguage } from '#shared/http/request.ts';
import { htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { languageSchema } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { ApplicationForm, ReceiptPage, renderPage } from '#shared/pages/index.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import {
  compactStateAidRows,
  formFieldsToApplication,
  validateApplication,
} from '#shared/schemas/application.ts';
import { submitApplication } from '#shared/use-cases/submit-application.ts';

const env = readFunctionEnv(functionCatalog.submitApplication);

const idempotency = keepingIdempotencyRecords(
  makeHandlerIdempotent({
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: env.IDEMPOTENCY_TABLE_NAME }),
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'headers."idempotency-key"',
      payloadValidationJmesPath: 'body',
      throwOnNoIdempotencyKey: false,
      expiresAfterSeconds: 24 * 3600,
    }),
  }),
);

const submitDeps = (event: APIGatewayProxyEvent) => ({
  tableName: env.TABLE_NAME,
  journeyStartQueueUrl: env.JOURNEY_START_QUEUE_URL,
  publicBaseUrl: publicBaseUrlOf(event),
});

export const handler = httpHandler()
  .use(httpHeaderNormalizer())
  .use(idempotency)
  .handler(async (event) => {
    const body = parseBody(event);
    const formLang = body.kind === 'form' ? languageSchema.safeParse(body.fields.lang).data : undefined;
    const lang = requestLanguage(event, formLang);
    const input = body.kind === 'form' ? formFieldsToApplication(withoutLang(body.fields), lang) : body.value;
    const programmeId = textFieldOf(input, 'programmeId');
    const stored = programmeId
      ? await getProgramme(env.TABLE_NAME, programmeId).catch(() => undefined)
      : undefined;
    const validation = validateApplication(input, lang, {
      stateAidRequired: stored ? checksDeMinimis(stored.stateAid) : false,
    });

    if (body.kind === 'json') {
      if (!validation.ok) {
        return jsonResponse(422, {
          error: 'validationFailed',
          message: t(lang, 'error.validationFailed'),
          fields: validation.errors,
        });
      }
      const submitted = await submitApplication(
        {
          input: validation.value,
          sme: validation.sme,
          ateco: validation.ateco,
          requestLanguage: lang,
          ...requestKeyOf(event),
        },
        submitDeps(event),
        stored,
      );
      return jsonResponse(
        201,
        { applicationId: submitted.applicationId, status: submitted.status, statusUrl: submitted.statusUrl },
        { Location: submitted.statusUrl },
      );
    }

    const programme = stored ?? findPreset('sviluppo-pmi');
    const redisplay = (
      statusCode: number,
      extra: { errors?: readonly { field: string; message: string }[]; formError?: string },
    ) =>
      htmlResponse(
        statusCode,
        renderPage(
          ApplicationForm({
            lang,
            programme: programme!,
            values: compactStateAidRows(body.fields),
            ...extra,
          }),
        ),
      );
    if (!validation.ok) return redisplay(422, { errors: validation.errors });
    try {
      const submitted = await submitApplication(
        {
          input: validation.value,
          sme: validation.sme,
          ateco: validation.ateco,
          requestLanguage: lang,
          ...requestKeyOf(event),
        },
        submitDeps(event),
        stored,
      );
      const page = ReceiptPage({
        lang,
        programme: submitted.programme,
        applicationId: submitted.applicationId,
        statusUrl: submitted.statusUrl,
      });
      return htmlResponse(201, renderPage(page));
    } catch (error) {
      if (error instanceof UserFacingError && error.statusCode < 500) {
        return redisplay(error.statusCode, { formError: t(lang, error.messageKey, error.messageParams) });
      }
      throw error;
    }
  });

/**
 * The request's Idempotency-Key (headers normalised to lower case) when it can stand for the request:
 * long enough not to be guessed (it recognises a retry of a stored application), not absurdly long.
 */
function requestKeyOf(event: APIGatewayProxyEvent): { requestKey?: string } {
  const key = event.headers['idempotency-key'];
  return key && key.length >= 16 && key.length <= 255 ? { requestKey: key } : {};
}

/** A top-level text field of the request, if it is one. */
function textFieldOf(input: unknown, name: string): string | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const value = (input as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function withoutLang(fields: Record<string, string | string[]>): Record<string, string | string[]> {
  const { lang: _lang, ...rest } = fields;
  return rest;
}
