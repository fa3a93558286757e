// Stores managers and programmes in a stack's DynamoDB through the data layer, as the admin CLI
// does, in a process of its own: the stack is named by AWS_ENDPOINT_URL_DYNAMODB and TABLE_NAME,
// the items come as JSON on stdin ({ managers: Manager[], programmes: Programme[] }). Used by tests
// that run a stack in a child process, whose DynamoDB is not the test runner's.
import { putManager } from '#shared/data/managers.ts';
import { putProgramme } from '#shared/data/programmes.ts';
import type { Manager } from '#shared/domain/manager.ts';
import type { Programme } from '#shared/domain/programme.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
  managers?: Manager[];
  programmes?: Programme[];
};
const tableName = process.env.TABLE_NAME ?? 'PercorsoPmi';
for (const manager of input.managers ?? []) await putManager(tableName, manager);
for (const programme of input.programmes ?? []) await putProgramme(tableName, programme);
