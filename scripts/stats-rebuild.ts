// `npm run stats:rebuild`: recounts the figures from the reports and consultations in the table
// (core/app/figures/rebuild-figures.ts) and replaces the counter rows with the recount.
//
//   Locally, beside a running `npm start`:  npm run stats:rebuild
//       (DynamoDB Local at 127.0.0.1:$DYNAMODB_PORT, default 8000; table $TABLE_NAME, default concern-intake-reports)
//   In AWS, once, with an operator's credentials (README, "Figures"): pause the counter's event source mapping, then
//       TABLE_NAME=<TableName output> AWS_REGION=<region> node scripts/stats-rebuild.ts --aws
//   and enable the mapping again: the records that waited are counted against the recount, never twice.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableCountables } from '../core/adapters/dynamodb/figures-countables.ts';
import { DynamoFiguresStore } from '../core/adapters/dynamodb/figures-store.ts';
import { rebuildFigures } from '../core/app/figures/rebuild-figures.ts';
import { LOCAL_CREDENTIALS } from '../local/dynamodb.ts';

const inAws = process.argv.includes('--aws');
const tableName = process.env.TABLE_NAME ?? (inAws ? undefined : 'concern-intake-reports');
if (!tableName) {
  process.stderr.write('Set TABLE_NAME to the stack\'s TableName output.\n');
  process.exit(2);
}
const client = DynamoDBDocumentClient.from(
  new DynamoDBClient(
    inAws
      ? {}
      : { endpoint: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? '8000'}`, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS },
  ),
  { marshallOptions: { removeUndefinedValues: true } },
);
const started = Date.now();
const result = await rebuildFigures(new DynamoFiguresStore({ client, tableName }), tableCountables({ client, tableName }));
process.stdout.write(`figures rebuilt from ${result.subjects} reports and consultations: ${result.rows} rows (${Date.now() - started} ms)\n`);
client.destroy();
