// What API Gateway itself answers when the /admin authorizer refuses a request (the handler is never
// reached): 401 without a valid sign-in, 403 for a signed-in user outside the admin group. Gateway
// responses cannot negotiate a language, so the message carries both. CDK and the local API share it.
import { t } from '#shared/i18n/messages.ts';
import { routes } from './routes.ts';

export interface GatewayRefusal {
  readonly statusCode: 401 | 403;
  readonly body: { error: string; message: string; signIn: string };
}

/** The two refusals, with the sign-in address under the site's base path (`/prod` or ''). */
export function adminRefusals(siteBasePath: string): {
  unauthorized: GatewayRefusal;
  forbidden: GatewayRefusal;
} {
  const signIn = `${siteBasePath.replace(/\/+$/, '')}${routes.adminSignIn.path}`;
  const both = (key: 'admin.signIn.required' | 'error.adminOnly') => `${t('it', key)} / ${t('en', key)}`;
  return {
    unauthorized: {
      statusCode: 401,
      body: { error: 'unauthorized', message: both('admin.signIn.required'), signIn },
    },
    forbidden: { statusCode: 403, body: { error: 'forbidden', message: both('error.adminOnly'), signIn } },
  };
}
