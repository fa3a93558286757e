// The one catalogue of the environment variables our functions read, each with the access flag of
// the function catalogue (infra/functions.ts) that brings it and the rule its value must pass. The
// CDK stack sets exactly these from the flags, the local runtime gives each one a local value, and
// a handler reads its own with readFunctionEnv(functionCatalog.<name>): a name is written once.
import * as z from 'zod';
import { readEnv } from './env.ts';

/** What a function may do or needs; each flag brings the variables that name it below. */
export interface AccessFlags {
  /** Access to the main table. */
  readonly table?: 'read' | 'readWrite';
  /** Read/write access to the Powertools idempotency table. */
  readonly idempotencyTable?: boolean;
  /** May start executions of the sme-journey state machine. */
  readonly startsJourney?: boolean;
  /** Queues journey starts in the intake's buffer (SQS SendMessage). */
  readonly queuesJourneyStarts?: boolean;
  /** Drains the intake's buffer: its SQS event source, and a retry's backoff (ChangeMessageVisibility). */
  readonly drainsJourneyStarts?: boolean;
  /** May stop journey executions (withdrawal). */
  readonly stopsJourneys?: boolean;
  /** May start project-monitoring executions (project launch). */
  readonly startsMonitoring?: boolean;
  /** May stop and resume project-monitoring executions (the office pauses or closes a project). */
  readonly controlsMonitoring?: boolean;
  /** May start collaboration executions (the office proposes a collaboration between firms). */
  readonly startsCollaborations?: boolean;
  /** May start manager-onboarding executions (registration). */
  readonly startsOnboarding?: boolean;
  /** May send e-mail through SES. */
  readonly sendsEmail?: boolean;
  /** Builds links to the public site (PUBLIC_BASE_URL). */
  readonly buildsLinks?: boolean;
  /** Writes to the programme office (OFFICE_EMAIL). */
  readonly mailsOffice?: boolean;
  /** Configured with the programme office's Cognito user pool and app client. */
  readonly programmeOfficeAuth?: boolean;
}

type Flag = keyof AccessFlags;

const arn = z.string().startsWith('arn:');

/**
 * Every variable: the flags that bring it (any of them) and its rule. `localOnly` variables are set
 * by the local runtime alone; an optional rule means the cloud may leave it unset.
 */
export const functionVariables = {
  TABLE_NAME: { flags: ['table'], schema: z.string().min(1) },
  IDEMPOTENCY_TABLE_NAME: { flags: ['idempotencyTable'], schema: z.string().min(1) },
  JOURNEY_STATE_MACHINE_ARN: { flags: ['startsJourney', 'stopsJourneys'], schema: arn },
  /** The intake's buffer of journeys to start (an SQS queue URL). */
  JOURNEY_START_QUEUE_URL: { flags: ['queuesJourneyStarts', 'drainsJourneyStarts'], schema: z.url() },
  MONITORING_STATE_MACHINE_ARN: { flags: ['startsMonitoring', 'controlsMonitoring'], schema: arn },
  ONBOARDING_STATE_MACHINE_ARN: { flags: ['startsOnboarding'], schema: arn },
  COLLABORATION_STATE_MACHINE_ARN: { flags: ['startsCollaborations'], schema: arn },
  SENDER_EMAIL: { flags: ['sendsEmail'], schema: z.email() },
  /** The SES configuration set (bounce and complaint events); none locally. */
  SES_CONFIGURATION_SET: { flags: ['sendsEmail'], schema: z.string().min(1).optional() },
  OFFICE_EMAIL: { flags: ['mailsOffice'], schema: z.email() },
  /** The public site's address, for links in e-mails and pages. */
  PUBLIC_BASE_URL: { flags: ['buildsLinks', 'sendsEmail'], schema: z.url() },
  /** The programme office's Cognito user pool and app client; unset locally (nobody signs in). */
  ADMIN_USER_POOL_ID: { flags: ['programmeOfficeAuth'], schema: z.string().min(1).optional() },
  ADMIN_CLIENT_ID: { flags: ['programmeOfficeAuth'], schema: z.string().min(1).optional() },
  /** Cognito's managed-login domain, e.g. https://percorso-pmi-prod.auth.eu-south-1.amazoncognito.com */
  ADMIN_SIGN_IN_DOMAIN: { flags: ['programmeOfficeAuth'], schema: z.url().optional() },
} as const satisfies Record<string, { flags: readonly Flag[]; schema: z.ZodType }>;

export type FunctionVariable = keyof typeof functionVariables;

type Variables = typeof functionVariables;

/** True when the spec sets any of the flags. */
type HasAny<Spec, Flags extends readonly Flag[]> = {
  [F in Flags[number]]: F extends keyof Spec ? (Spec[F] extends false | undefined ? never : F) : never;
}[Flags[number]] extends never
  ? false
  : true;

/** The variables a function with these flags reads, and their types. */
export type FunctionEnv<Spec> = {
  [V in FunctionVariable as HasAny<Spec, Variables[V]['flags']> extends true ? V : never]: z.infer<
    Variables[V]['schema']
  >;
};

/** The variables a function with these flags is given (what the stack sets). */
export function variablesOf(spec: AccessFlags): FunctionVariable[] {
  return (Object.keys(functionVariables) as FunctionVariable[]).filter((name) =>
    (functionVariables[name].flags as readonly Flag[]).some((flag) => Boolean(spec[flag])),
  );
}

/**
 * Reads and checks, at module load, the variables a function's flags bring.
 * @param spec - the function's catalogue entry (functionCatalog.<name>)
 * @throws ConfigurationError naming each missing or malformed variable
 */
export function readFunctionEnv<const Spec extends AccessFlags>(
  spec: Spec,
  env: NodeJS.ProcessEnv = process.env,
): FunctionEnv<Spec> {
  const shape = Object.fromEntries(variablesOf(spec).map((name) => [name, functionVariables[name].schema]));
  return readEnv(shape, env) as FunctionEnv<Spec>;
}

/**
 * The public site's address where the function is given it (those that build links), else
 * undefined: a function that only compares against it (a post's origin) or can derive it from the
 * request reads it this way.
 */
export function knownPublicBaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const parsed = functionVariables.PUBLIC_BASE_URL.schema.safeParse(env.PUBLIC_BASE_URL);
  return parsed.success ? parsed.data : undefined;
}
