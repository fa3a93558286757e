// The DynamoDB document client, created once per process. The endpoint comes from the SDK's own
// configuration (AWS_ENDPOINT_URL_DYNAMODB locally), so nothing here knows about local mode.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const dynamoDbClient = new DynamoDBClient({});
export const documentClient = DynamoDBDocumentClient.from(dynamoDbClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
