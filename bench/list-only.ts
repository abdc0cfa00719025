// `npx node bench/list-only.ts`: only the list benchmark (bench/list.ts) on a DynamoDB Local of its own, printed
// as the full run prints it; to try a change to the list without the whole `npm run bench`.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadDirectory } from '../core/directory/load.ts';
import { LOCAL_CREDENTIALS, startDynamoDbLocal } from '../local/dynamodb.ts';
import { freePort, stopAllChildren } from '../local/processes.ts';
import { benchList } from './list.ts';
import { table } from './table.ts';

const dynamo = await startDynamoDbLocal(await freePort());
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS }), {
  marshallOptions: { removeUndefinedValues: true },
});
try {
  const figures = await benchList(
    { client, listClient: client, endpoint: dynamo.endpoint, tableName: 'bench-list', directory: loadDirectory('directory/sample.json'), reports: 10_000, runs: 5, parallel: 16 },
    (line) => process.stderr.write(`  ${line}\n`),
  );
  process.stdout.write(`${table(['', 'RCU', 'median ms', 'cards'], figures.rows.map((r) => [r.what, r.readUnits, r.medianMs, r.cards]))}\n`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  client.destroy();
  await stopAllChildren();
}
