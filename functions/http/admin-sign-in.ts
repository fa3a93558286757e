// GET /admin/sign-in, /admin/callback, /admin/sign-out — the programme office's way in. Sign-in
// sends the browser to Cognito's managed login (authorisation code + PKCE, state in a short-lived
// HttpOnly cookie); the callback checks the state, exchanges the code for tokens server-side and keeps
// the access token in an HttpOnly, Secure, SameSite=Lax cookie that the /admin authorizer reads;
// sign-out clears it and ends the Cognito session. Where Cognito is not configured (locally) the
// page says so and points to the local console.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import {
  cookie,
  newSignIn,
  readCookie,
  safeNext,
  sessionCookie,
  signInCookie,
} from '#shared/auth/admin-session.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { requestHeader, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { renderPage, SignInMessagePage } from '#shared/pages/index.ts';

const signInLifetimeSeconds = 600;

/** Where to find the dashboards when sign-in is not configured: the local console (local runtime only). */
const localConsoleSchema = z.object({ LOCAL_CONSOLE_URL: z.url().optional() });

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z
    .number()
    .int()
    .positive()
    .max(24 * 3600),
});

function config() {
  const parsed = {
    ...readFunctionEnv(functionCatalog.adminSignIn),
    ...localConsoleSchema.parse(process.env),
  };
  const base = parsed.PUBLIC_BASE_URL.replace(/\/+$/, '');
  return { ...parsed, base, redirectUri: `${base}${routes.adminCallback.path}` };
}

function redirect(location: string, cookies: string[] = []) {
  return {
    statusCode: 302,
    headers: { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
    multiValueHeaders: cookies.length > 0 ? { 'Set-Cookie': cookies } : undefined,
    body: '',
  };
}

/** The link that starts a new sign-in, in the page's language. */
const signInAgain = (base: string, lang: Language) => ({
  href: `${base}${routes.adminSignIn.path}?lang=${lang}`,
  label: t(lang, 'admin.signIn.again'),
});

function messagePage(
  statusCode: number,
  lang: Language,
  message: string,
  link: { href: string; label: string } | undefined,
  cookies: string[] = [],
) {
  const response = htmlResponse(
    statusCode,
    renderPage(SignInMessagePage({ lang, title: t(lang, 'admin.signIn.title'), message, link })),
  );
  return cookies.length > 0 ? { ...response, multiValueHeaders: { 'Set-Cookie': cookies } } : response;
}

function signIn(event: APIGatewayProxyEvent, lang: Language) {
  const settings = config();
  if (event.queryStringParameters?.signedOut !== undefined) {
    return messagePage(200, lang, t(lang, 'admin.signedOut'), signInAgain(settings.base, lang));
  }
  if (!settings.ADMIN_SIGN_IN_DOMAIN || !settings.ADMIN_CLIENT_ID) {
    const console = settings.LOCAL_CONSOLE_URL;
    return messagePage(
      503,
      lang,
      t(lang, 'admin.signIn.notConfigured'),
      console
        ? { href: `${console}/_local/programmes`, label: t(lang, 'admin.signIn.openConsole') }
        : undefined,
    );
  }
  const { state, verifier, challenge } = newSignIn();
  const next = safeNext(event.queryStringParameters?.next);
  const authorize = new URL('/oauth2/authorize', settings.ADMIN_SIGN_IN_DOMAIN);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.ADMIN_CLIENT_ID,
    redirect_uri: settings.redirectUri,
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    lang,
  }).toString();
  const pending = `${state}.${verifier}.${Buffer.from(next).toString('base64url')}`;
  return forMethod(
    event.httpMethod,
    redirect(authorize.toString(), [cookie(signInCookie, pending, signInLifetimeSeconds)]),
  );
}

async function callback(event: APIGatewayProxyEvent, lang: Language) {
  const settings = config();
  const clearPending = cookie(signInCookie, '', 0);
  const failed = () =>
    messagePage(400, lang, t(lang, 'admin.signIn.failed'), signInAgain(settings.base, lang), [clearPending]);
  const [state, verifier, encodedNext] = (
    readCookie(requestHeader(event, 'cookie'), signInCookie) ?? ''
  ).split('.');
  const code = event.queryStringParameters?.code;
  if (
    !settings.ADMIN_SIGN_IN_DOMAIN ||
    !settings.ADMIN_CLIENT_ID ||
    !state ||
    !verifier ||
    !code ||
    code.length > 2048 ||
    event.queryStringParameters?.state !== state
  )
    return failed();
  const answer = await fetch(new URL('/oauth2/token', settings.ADMIN_SIGN_IN_DOMAIN), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: settings.ADMIN_CLIENT_ID,
      code,
      redirect_uri: settings.redirectUri,
      code_verifier: verifier,
    }),
    signal: AbortSignal.timeout(5000),
  }).catch(() => undefined);
  if (!answer?.ok) return failed();
  const tokens = tokenResponseSchema.safeParse(await answer.json().catch(() => undefined));
  if (!tokens.success) return failed();
  const next = safeNext(Buffer.from(encodedNext ?? '', 'base64url').toString('utf8'));
  return redirect(`${settings.base}${next}`, [
    cookie(sessionCookie, tokens.data.access_token, tokens.data.expires_in),
    clearPending,
  ]);
}

function signOut() {
  const settings = config();
  // Cognito accepts only a registered sign-out URL, exactly: no language in it (the page negotiates).
  const signedOut = `${settings.base}${routes.adminSignIn.path}?signedOut`;
  const cleared = [cookie(sessionCookie, '', 0)];
  if (!settings.ADMIN_SIGN_IN_DOMAIN || !settings.ADMIN_CLIENT_ID) return redirect(signedOut, cleared);
  const logout = new URL('/logout', settings.ADMIN_SIGN_IN_DOMAIN);
  logout.search = new URLSearchParams({
    client_id: settings.ADMIN_CLIENT_ID,
    logout_uri: signedOut,
  }).toString();
  return redirect(logout.toString(), cleared);
}

export const handler = httpHandler().handler(async (event) => {
  const lang = requestLanguage(event);
  switch (event.resource) {
    case routes.adminCallback.path:
      return callback(event, lang);
    case routes.adminSignOut.path:
      return signOut();
    default:
      return signIn(event, lang);
  }
});
