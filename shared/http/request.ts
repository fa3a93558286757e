// Reading API Gateway proxy events: the requester's language, the body (size-capped, by media
// type) and whether the requester is a browser form or an API client.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { knownPublicBaseUrl } from '#shared/config/environment.ts';
import { type Language, negotiateLanguage, personLanguage } from '#shared/i18n/language.ts';
import { MalformedBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from './errors.ts';

/** Largest accepted request body; an application is a few kilobytes. */
export const maxBodyBytes = 64 * 1024;

export type ParsedBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'form'; readonly fields: Record<string, string | string[]> };

const header = (event: APIGatewayProxyEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
};

/** The media type of the request body, lowercased, without parameters. */
export function mediaType(event: APIGatewayProxyEvent): string {
  return (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The language to answer in: `lang` in the query (or a form field), else Accept-Language, else Italian. */
/**
 * The language of an answer to a person's link. A page (personLanguage): the switch or the form's
 * language, then the one stored with the person, then the browser's. JSON, for other systems: their
 * `lang` or Accept-Language, as on every endpoint.
 */
export function linkLanguage(event: APIGatewayProxyEvent, stored: Language | undefined): Language {
  if (!answerAsHtml(event)) return requestLanguage(event);
  const body = event.httpMethod === 'POST' && event.body ? formLanguageOf(event) : undefined;
  return personLanguage(body ?? event.queryStringParameters?.lang, stored, header(event, 'accept-language'));
}

/** The `lang` field of a urlencoded form body, if any (the language the form was shown in). */
function formLanguageOf(event: APIGatewayProxyEvent): string | undefined {
  if (mediaType(event) !== 'application/x-www-form-urlencoded' || !event.body) return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return new URLSearchParams(raw.slice(0, 64 * 1024)).get('lang') ?? undefined;
}

export function requestLanguage(event: APIGatewayProxyEvent, formLang?: string): Language {
  return negotiateLanguage(formLang ?? event.queryStringParameters?.lang, header(event, 'accept-language'));
}

/** Whether to answer with a page: a form post, or a GET from a browser. */
export function wantsHtml(event: APIGatewayProxyEvent): boolean {
  if (mediaType(event) === 'application/x-www-form-urlencoded') return true;
  if (mediaType(event) === 'application/json') return false;
  const accept = header(event, 'accept') ?? '';
  return accept.includes('text/html');
}

/**
 * Whether to answer a page rather than JSON: a form post or a browser gets HTML; a JSON body, or
 * an Accept header asking for JSON and not HTML, gets JSON.
 */
export function answerAsHtml(event: APIGatewayProxyEvent): boolean {
  if (mediaType(event) === 'application/x-www-form-urlencoded') return true;
  if (mediaType(event) === 'application/json') return false;
  const accept = header(event, 'accept') ?? '';
  return !(accept.includes('application/json') && !accept.includes('text/html'));
}

/** A request header, case-insensitively. */
export function requestHeader(event: APIGatewayProxyEvent, name: string): string | undefined {
  return header(event, name);
}

/**
 * Decodes and parses the body as JSON or an HTML form.
 * @throws PayloadTooLargeError over maxBodyBytes, UnsupportedMediaTypeError for any other media
 * type, MalformedBodyError for JSON that does not parse
 */
export function parseBody(event: APIGatewayProxyEvent, limitBytes = maxBodyBytes): ParsedBody {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > limitBytes) throw new PayloadTooLargeError(limitBytes);
  const type = mediaType(event);
  const text = bytes.toString('utf8');
  if (type === 'application/json') {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      throw new MalformedBodyError('body is not valid JSON');
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(text)) {
      const existing = fields[name];
      if (existing === undefined) fields[name] = value;
      else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    return { kind: 'form', fields };
  }
  throw new UnsupportedMediaTypeError(`unsupported media type ${type || '(none)'}`);
}

/** The site's base URL as the requester reached it (stage or custom-domain base path included). */
export function publicBaseUrlOf(event: APIGatewayProxyEvent): string {
  const known = knownPublicBaseUrl();
  if (known) return known;
  const fullPath = event.requestContext.path ?? event.path;
  const basePath = fullPath.endsWith(event.path)
    ? fullPath.slice(0, fullPath.length - event.path.length)
    : '';
  return `https://${event.requestContext.domainName}${basePath}`;
}
