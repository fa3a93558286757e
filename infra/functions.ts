// The one catalogue of Lambda functions: CDK creates a NodejsFunction per entry with exactly the
// access listed; the local runtime loads the same handler files in-process.

export interface FunctionSpec {
  /** Handler file, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySizeMb?: number;
  readonly timeoutSeconds?: number;
  /** Access to the main table. */
  readonly table?: 'read' | 'readWrite';
  /** Read/write access to the Powertools idempotency table. */
  readonly idempotencyTable?: boolean;
  /** May start executions of the sme-journey state machine. */
  readonly startsJourney?: boolean;
  /** May send e-mail through SES. */
  readonly sendsEmail?: boolean;
}

export const functionCatalog = {
  applicationForm: {
    entry: 'functions/http/application-form.ts',
    description: 'GET / — the SME application form',
    table: 'read',
  },
  submitApplication: {
    entry: 'functions/http/submit-application.ts',
    description: 'POST /applications — validates, stores and starts the journey',
    table: 'readWrite',
    idempotencyTable: true,
    startsJourney: true,
  },
  applicationStatus: {
    entry: 'functions/http/application-status.ts',
    description: 'GET /status/{token} — where the journey stands',
    table: 'read',
  },
  screenEligibility: {
    entry: 'functions/journey/screen-eligibility.ts',
    description: 'sme-journey task: screen eligibility and reserve quota',
    table: 'readWrite',
  },
  sendApplicationEmail: {
    entry: 'functions/journey/send-application-email.ts',
    description: 'sme-journey task: send a queued application e-mail once',
    table: 'readWrite',
    sendsEmail: true,
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functionCatalog;
