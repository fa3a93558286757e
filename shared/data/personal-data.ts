// Where a person's data is, for their requests (export, erasure): the applications they made as a
// contact, their manager profile, the e-mails queued to them, and what hangs off those (partitions,
// projects, links, tasks sent to a manager, the collaborations their firms were invited to). Full reads
// of the table: an administrator's request, never a request path.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { normaliseEmail } from '#shared/domain/contact.ts';
import { documentClient, queryGsi1, queryPartition, scanItems } from './client.ts';
import { keys } from './table-design.ts';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

export interface PersonalDataFound {
  /** Their applications as a contact, each with its partition and, once launched, its project's. */
  readonly applications: readonly {
    readonly application: Item;
    readonly items: readonly Item[];
    readonly projectItems: readonly Item[];
  }[];
  /** Their manager profile, its partition, and the tasks of journeys sent to them. */
  readonly manager?: {
    readonly profile: Item;
    readonly items: readonly Item[];
    readonly tasks: readonly Item[];
  };
  /** E-mails addressed to them still queued (a sent one keeps no recipient or body). */
  readonly emails: readonly Item[];
  /**
   * The collaborations between firms their applications were invited to (each names its members),
   * with those members' join tasks (their answers).
   */
  readonly collaborations: readonly { readonly collaboration: Item; readonly joinTasks: readonly Item[] }[];
}

/** Every item that holds the person's data, found by their address (any letter case). */
export async function findPersonalData(tableName: string, rawEmail: string): Promise<PersonalDataFound> {
  const email = normaliseEmail(rawEmail);
  const lower = email.toLowerCase();
  const found = await scanItems(tableName, {
    expression:
      '(sk = :application AND (#contact.#email = :email OR #contact.#email = :lower)) OR ' +
      '(sk = :manager AND (#email = :email OR #email = :lower)) OR ' +
      '(#type = :emailType AND (#to = :email OR #to = :lower OR contains(#to, :email) OR contains(#to, :lower)))',
    names: { '#contact': 'contact', '#email': 'email', '#type': 'type', '#to': 'to' },
    values: {
      ':application': 'APPLICATION',
      ':manager': 'MANAGER',
      ':emailType': 'email',
      ':email': email,
      ':lower': lower,
    },
  });
  const managerItem = found.find((item) => item.sk === 'MANAGER');
  const applications = await Promise.all(
    found
      .filter((item) => item.sk === 'APPLICATION')
      .map(async (application) => {
        const partition = await queryPartition(
          tableName,
          keys.application(String(application.applicationId)).pk,
        );
        const projectId = typeof application.projectId === 'string' ? application.projectId : undefined;
        return {
          application,
          items: partition.filter((item) => item.sk !== 'APPLICATION'),
          projectItems: projectId ? await queryPartition(tableName, keys.project(projectId).pk) : [],
        };
      }),
  );
  let manager: PersonalDataFound['manager'];
  if (managerItem) {
    const managerId = String(managerItem.managerId);
    const [partition, tasks] = await Promise.all([
      queryPartition(tableName, keys.manager(managerId).pk),
      scanItems(tableName, {
        expression: '#managerId = :id AND begins_with(sk, :task)',
        names: { '#managerId': 'managerId' },
        values: { ':id': managerId, ':task': 'TASK#' },
      }),
    ]);
    manager = { profile: managerItem, items: partition.filter((item) => item.sk !== 'MANAGER'), tasks };
  }
  return {
    applications,
    ...(manager ? { manager } : {}),
    emails: found.filter((item) => item.type === 'email'),
    collaborations: await collaborationsOf(
      tableName,
      applications.map(({ application }) => application),
    ),
  };
}

/** The collaborations of the applications' programmes that name one of them, with its join tasks. */
async function collaborationsOf(
  tableName: string,
  applications: readonly Item[],
): Promise<PersonalDataFound['collaborations']> {
  const ids = new Set(applications.map((application) => String(application.applicationId)));
  const programmes = [...new Set(applications.map((application) => String(application.programmeId)))];
  const collaborations = (
    await Promise.all(
      programmes.map((programmeId) =>
        queryGsi1(tableName, keys.collaborationsOfProgramme(programmeId).gsi1pk),
      ),
    )
  )
    .flat()
    .filter((item) => Object.keys((item.members as Item | undefined) ?? {}).some((id) => ids.has(id)));
  return Promise.all(
    collaborations.map(async (collaboration) => {
      const members = Object.values(collaboration.members as Record<string, Item>).filter((member) =>
        ids.has(String(member.applicationId)),
      );
      const joinTasks = members.map(
        (member) => keys.humanTask(String(collaboration.collaborationId), 'join', Number(member.number)).sk,
      );
      const partition = await queryPartition(tableName, String(collaboration.pk), 'TASK#join#');
      return { collaboration, joinTasks: partition.filter((item) => joinTasks.includes(String(item.sk))) };
    }),
  );
}

/** The links that open the given applications' pages (status, tasks) or a manager's (availability). */
export async function linksOf(
  tableName: string,
  owners: { readonly applicationIds: readonly string[]; readonly managerId?: string },
): Promise<Key[]> {
  const values = Object.fromEntries(owners.applicationIds.map((id, index) => [`:id${index}`, id]));
  const conditions = [
    ...(owners.applicationIds.length > 0 ? [`applicationId IN (${Object.keys(values).join(', ')})`] : []),
    ...(owners.managerId ? ['managerId = :managerId'] : []),
  ];
  if (conditions.length === 0) return [];
  return (await scanItems(tableName, {
    expression: `#type = :link AND (${conditions.join(' OR ')})`,
    names: { '#type': 'type' },
    values: { ':link': 'link', ...values, ...(owners.managerId ? { ':managerId': owners.managerId } : {}) },
    projection: 'pk, sk',
  })) as Key[];
}

/** Writes items back whole (their keys unchanged). */
export async function replaceItems(tableName: string, items: readonly Item[]): Promise<void> {
  for (const item of items) await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
}
