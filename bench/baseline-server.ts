// The intake baseline: an HTTP server that does nothing but write the request body as one item to
// DynamoDB Local through the SDK (one PutItem) and answer 201. Same machine, same DynamoDB Local,
// same load generator as POST /applications, so the ratio between the two is our overhead.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import {
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

const tableName = 'BenchBaseline';

/** Starts the baseline server on a free loopback port; creates its table first. */
export async function startBaselineServer(
  dynamoDbEndpoint: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const client = new DynamoDBClient({
    endpoint: dynamoDbEndpoint,
    region: 'eu-south-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client
    .send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    )
    .catch((error: { name?: string }) => {
      if (error.name !== 'ResourceInUseException') throw error;
    });
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });

  const server: Server = createServer((request, response) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const id = randomUUID();
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: { pk: { S: id }, body: { S: Buffer.concat(chunks).toString('utf8') } },
        }),
      );
      response.writeHead(201, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ id }));
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end('{"message":"baseline failed"}');
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      client.destroy();
    },
  };
}
