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
  console.log('Follow-up emails per person per day (reminders and escalations; new-report alerts are immediate and not counted):');
  console.table(
    Object.fromEntries(
      Object.entries(figures.emails.byBehaviour).map(([behaviour, e]) => [
        behaviour,
        {
          'person-days with mail': e.personDays,
          'before: emails': e.before.emails,
          'before: per person-day': e.before.perPersonDay,
          'before: max': e.before.maxPerPersonDay,
          'after (digests): emails': e.after.emails,
          'after: per person-day': e.after.perPersonDay,
          'after: max': e.after.maxPerPersonDay,
        },
      ]),
    ),
  );
  console.table({
    digests: figures.emails.digests,
    'reports listed in them': figures.emails.entries,
    'reminders after feedback': figures.violations.filter((v) => v.includes('reminder-sent after feedback') || v.includes('escalated after feedback')).length,
    'duplicates (a report in two digests)': figures.emails.duplicates,
  });
  if (figures.violations.length) {
    console.log(figures.violations.slice(0, 20).join('\n'));
    process.exitCode = 1;
  }
} finally {
  await dynamo.stop();
  await stopAllChildren();
}
