// Helpers of the notify integration tests: waiting for emails in the shared local SES, and reading a
// table's stream the way the local poller does (to deliver the same records to the handler again).
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { LOCAL_CREDENTIALS } from '../../local/dynamodb.ts';
import { mailbox, type StoredEmail } from '../../local/ses.ts';
import { toLambdaRecord } from '../../local/stream-poller.ts';

/** A reporter address no other test uses: the local SES is shared by the whole run. */
// A school-domain address (the sample directory's): trusted with the status link and the outcome notice (issue 13).
export const uniqueReporter = () => `reporter-${randomUUID().slice(0, 8)}@skola.ekdala.example`;

/** Emails that mention the reference: a report's own emails in the subject, a sweep's digest in its text. */
export const about = (reference: string) => (email: StoredEmail) => email.subject.includes(reference) || (email.body.text ?? '').includes(reference);

/** Polls the mailbox until at least `count` emails match (or the time is up), then returns the matches. */
export async function waitForEmails(
  sesEndpoint: string,
  match: (email: StoredEmail) => boolean,
  count: number,
  timeoutMs = 15_000,
): Promise<StoredEmail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let found: StoredEmail[] = [];
    try {
      found = (await mailbox(sesEndpoint)).filter(match);
    } catch {
      // the SES is down (the fault test stops it): keep waiting
    }
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const recipients = (emails: StoredEmail[]) => emails.flatMap((e) => e.destination.to).sort();

/** Every stream record of one report item so far, as Lambda would deliver them. */
export async function streamRecordsOf(dynamoEndpoint: string, tableName: string, reportId: string): Promise<DynamoDBRecord[]> {
  const config = { endpoint: dynamoEndpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS };
  const dynamo = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  try {
    const arn = (await dynamo.send(new DescribeTableCommand({ TableName: tableName }))).Table!.LatestStreamArn!;
    const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription?.Shards ?? [];
    const records: DynamoDBRecord[] = [];
    for (const shard of shards) {
      let iterator = (
        await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))
      ).ShardIterator;
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        records.push(...(page.Records ?? []).map((r) => toLambdaRecord(r, arn)));
        if (!page.Records?.length) break;
        iterator = page.NextShardIterator;
      }
    }
    return records.filter((r) => r.dynamodb?.Keys?.pk?.S === `REPORT#${reportId}`);
  } finally {
    dynamo.destroy();
    streams.destroy();
  }
}
