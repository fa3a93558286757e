// The one description of the DynamoDB tables: CDK creates them from it in the cloud, the local
// runtime creates them from it in DynamoDB Local, and the data access code builds keys from it.

/** A key attribute: every key in this design is a string. */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S';
}

export interface IndexDesign {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

export interface TableDesign {
  /** Logical name: the CDK construct ID and, locally, the table name. */
  readonly logicalName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDesign[];
  readonly timeToLiveAttribute: string;
}

/** Business data: applications, journeys, programmes, counters, links (single-table design). */
export const mainTable = {
  logicalName: 'PercorsoPmi',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
} as const satisfies TableDesign;

/** Powertools idempotency records (keys and TTL attribute are Powertools' defaults). */
export const idempotencyTable = {
  logicalName: 'PercorsoPmiIdempotency',
  partitionKey: { name: 'id', type: 'S' },
  globalSecondaryIndexes: [],
  timeToLiveAttribute: 'expiration',
} as const satisfies TableDesign;

export const tableDesigns = [mainTable, idempotencyTable] as const;

/** Key builders: the only place that knows how items are addressed. */
export const keys = {
  application: (applicationId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: 'APPLICATION' }),
  applicationEmail: (applicationId: string, emailKind: string) => ({
    pk: `APPLICATION#${applicationId}`,
    sk: `EMAIL#${emailKind}`,
  }),
  applicationsOfProgramme: (programmeId: string) => ({ gsi1pk: `PROGRAMME#${programmeId}#APPLICATIONS` }),
  companyInProgramme: (programmeId: string, vatNumber: string) => ({
    pk: `PROGRAMME#${programmeId}`,
    sk: `COMPANY#${vatNumber}`,
  }),
  programme: (programmeId: string) => ({ pk: `PROGRAMME#${programmeId}`, sk: 'PROGRAMME' }),
  /** Every stored programme, in the index, by ID. */
  programmesList: (programmeId: string) => ({ gsi1pk: 'PROGRAMMES', gsi1sk: programmeId }),
  programmeCounters: (programmeId: string) => ({ pk: `PROGRAMME#${programmeId}`, sk: 'COUNTERS' }),
  link: (linkHash: string) => ({ pk: `LINK#${linkHash}`, sk: 'LINK' }),
  /**
   * A human task, in the partition of what it is about: an application's journey (its ID), for
   * a manager's vetting the manager (their ID), for a collaboration's join and report tasks the
   * collaboration (its ID; the round is the member's number or the cycle). Kind and round (the nth
   * offer) make it unique.
   */
  humanTask: (subjectId: string, kind: string, round: number) => ({
    pk:
      kind === 'vetting'
        ? `MANAGER#${subjectId}`
        : kind === 'join' || kind === 'collaboration_report'
          ? `COLLABORATION#${subjectId}`
          : `APPLICATION#${subjectId}`,
    sk: `TASK#${kind}#${String(round).padStart(3, '0')}`,
  }),
  humanTasksOfApplication: (applicationId: string) => ({
    pk: `APPLICATION#${applicationId}`,
    skPrefix: 'TASK#',
  }),
  /** One registration per e-mail address (lower-cased). */
  managerEmail: (email: string) => ({ pk: `MANAGEREMAIL#${email.toLowerCase()}`, sk: 'MANAGEREMAIL' }),
  assessment: (applicationId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: 'ASSESSMENT' }),
  /** A bounce or complaint, once per SES message and recipient (address hashed). */
  emailEvent: (messageId: string, addressHash: string) => ({
    pk: `EMAILEVENT#${messageId}`,
    sk: `RECIPIENT#${addressHash}`,
  }),
  emailDailyStats: (day: string) => ({ pk: 'EMAILSTATS', sk: `DAY#${day}` }),
  project: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'PROJECT' }),
  projectsOfProgramme: (programmeId: string) => ({ gsi1pk: `PROGRAMME#${programmeId}#PROJECTS` }),
  manager: (managerId: string) => ({ pk: `MANAGER#${managerId}`, sk: 'MANAGER' }),
  managersByStatus: (status: string) => ({ gsi1pk: `MANAGERS#${status}` }),
  /** An audit event, in the partition of what it is about, ordered by time. */
  auditEvent: (subjectKind: string, subjectId: string, at: string, eventId: string) => ({
    pk: `AUDIT#${subjectKind}#${subjectId}`,
    sk: `${at}#${eventId}`,
  }),
  /** The same event in the index, under its programme (the export). */
  auditOfProgramme: (programmeId: string, at: string, eventId: string) => ({
    gsi1pk: `PROGRAMME#${programmeId}#AUDIT`,
    gsi1sk: `${at}#${eventId}`,
  }),
  /** One pending data request of each kind per application (no second e-mail within its day). */
  privacyRequestMarker: (applicationId: string, request: string) => ({
    pk: `APPLICATION#${applicationId}`,
    sk: `PRIVACYREQUEST#${request}`,
  }),
  /**
   * A firm's state aid, in one partition read consistently: its ledger (a version every grant to its
   * single undertaking bumps, and the firms linked to it) and the aid it was granted.
   */
  aidLedger: (vatNumber: string) => ({ pk: `AIDFIRM#${vatNumber}`, sk: 'LEDGER' }),
  aid: (vatNumber: string, concessionId: string) => ({
    pk: `AIDFIRM#${vatNumber}`,
    sk: `AID#${concessionId}`,
  }),
  aidsOfFirm: (vatNumber: string) => ({ pk: `AIDFIRM#${vatNumber}`, skPrefix: 'AID#' }),
  /** Where an aid is, by its concession ID (the COR import names aids by it). */
  aidConcession: (concessionId: string) => ({ pk: `AIDCONCESSION#${concessionId}`, sk: 'AIDCONCESSION' }),
  /** A COR recorded for an aid: one aid per COR. */
  aidCor: (cor: string) => ({ pk: `AIDCOR#${cor}`, sk: 'AIDCOR' }),
  /** The same aid in the index, under its programme (the register and the registration export). */
  aidsOfProgramme: (programmeId: string) => ({ gsi1pk: `PROGRAMME#${programmeId}#AIDS` }),
  /** A service of a customer's approved plan (services programmes), and the same under its programme. */
  service: (applicationId: string, number: number) => ({
    pk: `APPLICATION#${applicationId}`,
    sk: `SERVICE#${String(number).padStart(3, '0')}`,
  }),
  servicesOfApplication: (applicationId: string) => ({
    pk: `APPLICATION#${applicationId}`,
    skPrefix: 'SERVICE#',
  }),
  servicesOfProgramme: (programmeId: string) => ({ gsi1pk: `PROGRAMME#${programmeId}#SERVICES` }),
  /** A customer's T0 and T1 DMA once the T1 is taken, and the same under its programme. */
  dmaFollowUp: (applicationId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: 'DMAFOLLOWUP' }),
  dmaFollowUpsOfProgramme: (programmeId: string) => ({ gsi1pk: `PROGRAMME#${programmeId}#DMAFOLLOWUPS` }),
  /** A firm's collaboration profile (from its assessment), and the same under its programme. */
  collaborationProfile: (applicationId: string) => ({
    pk: `APPLICATION#${applicationId}`,
    sk: 'COLLABPROFILE',
  }),
  collaborationProfilesOfProgramme: (programmeId: string) => ({
    gsi1pk: `PROGRAMME#${programmeId}#COLLABPROFILES`,
  }),
  /** A collaboration between firms, its verification reports, and the list under its programme. */
  collaboration: (collaborationId: string) => ({
    pk: `COLLABORATION#${collaborationId}`,
    sk: 'COLLABORATION',
  }),
  collaborationReport: (collaborationId: string, cycle: number) => ({
    pk: `COLLABORATION#${collaborationId}`,
    sk: `REPORT#${String(cycle).padStart(3, '0')}`,
  }),
  collaborationReports: (collaborationId: string) => ({
    pk: `COLLABORATION#${collaborationId}`,
    skPrefix: 'REPORT#',
  }),
  collaborationsOfProgramme: (programmeId: string) => ({
    gsi1pk: `PROGRAMME#${programmeId}#COLLABORATIONS`,
  }),
  /** One live collaboration per opportunity of a programme (proposing it twice is refused). */
  opportunityTaken: (programmeId: string, opportunityId: string) => ({
    pk: `PROGRAMME#${programmeId}`,
    sk: `OPPORTUNITY#${opportunityId}`,
  }),
  managerReservation: (managerId: string, applicationId: string) => ({
    pk: `MANAGER#${managerId}`,
    sk: `RESERVATION#${applicationId}`,
  }),
} as const;

/**
 * A place claimed under a programme's quota whose application is not stored yet: an attribute of
 * the programme's counters item, named after the application, holding when it was claimed.
 */
export const placeClaim = {
  attribute: (applicationId: string) => `placeClaim:${applicationId}`,
  is: (attributeName: string) => attributeName.startsWith('placeClaim:'),
} as const;
