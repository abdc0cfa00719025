// `npm run simulate`: a simulated month on DynamoDB Local, printing the figures.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readFileSync } from 'node:fs';
import { parseDirectory } from '../core/directory/directory.ts';
import { createTable, LOCAL_CREDENTIALS, startDynamoDbLocal } from '../local/dynamodb.ts';
import { SAMPLE_DIRECTORY } from '../local/app.ts';
import { freePort, stopAllChildren } from '../local/processes.ts';
import { simulateMonth } from './month.ts';

const dynamo = await startDynamoDbLocal(await freePort());
try {
  await createTable(dynamo.endpoint, 'simulation');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS }), { marshallOptions: { removeUndefinedValues: true } });
  const directory = parseDirectory(JSON.parse(readFileSync(SAMPLE_DIRECTORY, 'utf8')));
  console.log('Simulating 30 days: 200 reports, teams Norr = prompt, Syd = late, Centrum = silent, a sweep every hour…');
  const figures = await simulateMonth({ client, tableName: 'simulation', directory });
  console.table({
    reports: figures.reports,
    'sweeps run': figures.sweeps,
    'reports with feedback': figures.withFeedback,
    'feedback due within the month': figures.feedbackDueInWindow,
    'feedback in time': figures.feedbackInTime,
    'share with feedback in time (%)': figures.shareFeedbackInTime,
    'median hours to acknowledgement': figures.medianHoursToAcknowledge,
    'reminders recorded': figures.reminders,
    'escalations recorded': figures.escalations,
    'promises broken': figures.violations.length,
    'wall time (s)': figures.wallSeconds,
  });
  console.table(figures.byBehaviour);
  if (figures.violations.length) {
    console.log(figures.violations.slice(0, 20).join('\n'));
    process.exitCode = 1;
  }
} finally {
  await dynamo.stop();
  await stopAllChildren();
}
