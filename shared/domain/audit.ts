// The audit trail: every decision or change a person or an operator makes, as an immutable event
// with who acted, when, what, and the codes before and after. Never free text or personal data:
// a reason, a finding or a name stays in its own record; the event names the decision only.
import type { HumanTaskKind } from './human-tasks.ts';

export const auditActions = [
  'offer.answered',
  'assessment.recorded',
  'financing.decided',
  'escalation.answered',
  'checkin.recorded',
  'closing.recorded',
  'vetting.decided',
  'application.withdrawn',
  'company.unlocked',
  'project.paused',
  'project.resumed',
  'project.closed',
  'programme.loaded',
  'managers.imported',
  'privacy.exported',
  'privacy.erased',
  'aid.registered',
  'collaboration.proposed',
  'collaboration.answered',
  'collaboration.reported',
  'service.recorded',
  'followup.recorded',
  'collaboration.contract',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What an event is about; a person is named by a hash of their address (privacy requests). */
export type AuditSubjectKind =
  | 'application'
  | 'project'
  | 'manager'
  | 'programme'
  | 'person'
  | 'collaboration';

/**
 * Who acted: the role a task link was sent to (`link:manager`, `link:office`, `link:sme`), a
 * signed-in programme-office user (`user:<Cognito sub>`, `user:local-administrator` locally), or
 * the admin CLI (`cli`).
 */
export type AuditActor = `link:${'manager' | 'office' | 'sme' | 'provider'}` | `user:${string}` | 'cli';

export interface AuditEvent {
  readonly eventId: string;
  /** ISO time of the decision. */
  readonly at: string;
  /** The programme it belongs to (`onboarding` for a manager's vetting, `-` for the roster). */
  readonly programmeId: string;
  readonly subject: { readonly kind: AuditSubjectKind; readonly id: string };
  readonly actor: AuditActor;
  readonly action: AuditAction;
  /** Codes only: a status, a decision ("open" → "approve"), a count. */
  readonly before?: string;
  readonly after?: string;
}

/** What answering a task of each kind is, in the trail. */
export const taskAuditAction: Readonly<Record<HumanTaskKind, AuditAction>> = {
  offer: 'offer.answered',
  assessment: 'assessment.recorded',
  financing: 'financing.decided',
  escalation: 'escalation.answered',
  checkin: 'checkin.recorded',
  closing: 'closing.recorded',
  vetting: 'vetting.decided',
  registration: 'aid.registered',
  join: 'collaboration.answered',
  collaboration_report: 'collaboration.reported',
  delivery: 'service.recorded',
  followup: 'followup.recorded',
};

/** Who answers a task of each kind: its link went to a manager or to the programme office. */
export const taskAuditActor: Readonly<Record<HumanTaskKind, AuditActor>> = {
  offer: 'link:manager',
  assessment: 'link:manager',
  checkin: 'link:manager',
  closing: 'link:manager',
  financing: 'link:office',
  escalation: 'link:office',
  vetting: 'link:office',
  registration: 'link:office',
  join: 'link:sme',
  collaboration_report: 'link:manager',
  delivery: 'link:provider',
  followup: 'link:manager',
};
