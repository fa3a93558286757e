// Journey task "Send ... e-mail": sends the e-mail queued for the application (receipt,
// ineligibility notice) once, through SES v2. Returns only what happened.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { sendQueuedEmail } from '#shared/data/email-outbox.ts';
import { mailerConfig, sendEmail } from '#shared/email/mailer.ts';
import { logger } from '#shared/observability/powertools.ts';
import { sendApplicationEmailInputSchema } from '#shared/workflows/journey-task.ts';

const env = readFunctionEnv(functionCatalog.sendApplicationEmail);

export const handler = middy<z.infer<typeof sendApplicationEmailInputSchema>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: sendApplicationEmailInputSchema }))
  .handler(async ({ applicationId, emailKind }) => {
    const mailer = mailerConfig(env);
    const result = await sendQueuedEmail(
      env.TABLE_NAME,
      applicationId,
      emailKind,
      (to, email) => sendEmail(mailer, to, email),
      () => new Date(),
    );
    logger.info('Application e-mail', { applicationId, emailKind, result });
    return { emailKind, result };
  });
