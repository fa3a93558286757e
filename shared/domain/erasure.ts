// Erasure of a person's data (GDPR art. 17) as pure rules: what each kind of item keeps and what
// becomes "—". Counters, statuses, dates, IDs, codes and figures stay (the dashboards and the
// programme's statistics read them); names, addresses, telephone numbers and every text a person
// wrote go. The Partita IVA stays where the programme must keep it (the firm's place, one journey
// per firm; state-aid records).
import { answerCodes } from './human-tasks.ts';

/** What an erased text reads as, in every language. */
export const erasedText = '—';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A value with every text a person wrote replaced by "—": strings stay only when they are codes
 * (answerCodes) or IDs; numbers, booleans and the shape (objects, lists) stay, so every page and
 * export still reads the record.
 */
export function withoutFreeText(value: unknown): unknown {
  if (typeof value === 'string')
    return answerCodes.has(value) || uuidPattern.test(value) ? value : erasedText;
  if (Array.isArray(value)) return value.map(withoutFreeText);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, withoutFreeText(inner)]));
  }
  return value;
}

type Item = Readonly<Record<string, unknown>>;

const without = (item: Item, ...names: string[]) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !names.includes(name)));

/**
 * An item holding an erased person's data (their application, its tasks, assessment, e-mails and
 * project, or the tasks a manager answered), anonymised; undefined when the item holds nothing
 * personal. `erasedAt` marks what was erased.
 */
export function erasedItem(item: Item, erasedAt: string): Item | undefined {
  switch (item.type) {
    case 'application': {
      const company = item.company as Item;
      const contact = item.contact as Item;
      return {
        ...without(item, 'projectTitle'),
        company: {
          ...without(company, 'municipality', 'website'),
          name: erasedText,
          taxCode: erasedText,
        },
        contact: { ...without(contact, 'phone'), name: erasedText, email: erasedText },
        ...(item.projectTitle === undefined ? {} : { projectTitle: erasedText }),
        erasedAt,
      };
    }
    case 'human-task':
    case 'assessment':
    case 'checkin':
      return {
        ...without(item, 'draft', 'draftSavedAt'),
        ...(item.answer === undefined ? {} : { answer: withoutFreeText(item.answer) }),
        erasedAt,
      };
    case 'project':
      return {
        ...item,
        title: erasedText,
        ...(item.proposal === undefined ? {} : { proposal: withoutFreeText(item.proposal) }),
        erasedAt,
      };
    case 'collaboration-profile':
      // Its codes and figures stay (the collaboration figures count them); the firm's name goes.
      return { ...item, companyName: erasedText, erasedAt };
    case 'email':
      // A sent e-mail keeps no recipient or body already; a queued one is never sent.
      return item.status === 'pending'
        ? { ...without(item, 'to', 'subject', 'text', 'html'), status: 'erased', erasedAt }
        : undefined;
    default:
      return undefined;
  }
}

/** A manager's profile once erased: out of matching for good, nothing that names them. */
export function erasedManagerProfile(item: Item, erasedAt: string): Item {
  return {
    ...without(item, 'phone', 'cv'),
    name: erasedText,
    email: erasedText,
    conflicts: [],
    status: 'inactive',
    erasedAt,
  };
}

/**
 * A collaboration between firms with the erased applications' members anonymised: their firms'
 * names become "—"; their numbers, statuses and benefits stay (the collaboration's figures), and
 * the other members are untouched.
 */
export function erasedCollaborationMembers(
  item: Item,
  applicationIds: ReadonlySet<string>,
  erasedAt: string,
): Item {
  const members = Object.fromEntries(
    Object.entries(item.members as Record<string, Item>).map(([id, member]) => [
      id,
      applicationIds.has(id) ? { ...member, companyName: erasedText, erasedAt } : member,
    ]),
  );
  return { ...item, members };
}

/**
 * Whether a firm's place in a collaboration still needs its data: invited to one still inviting,
 * or taking part in one that runs (its coordinator reports on it).
 */
export function collaborationNeedsMember(collaboration: Item, applicationId: string): boolean {
  const member = (collaboration.members as Record<string, Item> | undefined)?.[applicationId];
  if (!member) return false;
  const status = String(collaboration.status);
  return (
    (status === 'inviting' && (member.status === 'invited' || member.status === 'joined')) ||
    ((status === 'active' || status === 'paused') && member.status === 'joined')
  );
}
