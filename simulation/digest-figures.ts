// The month's emails per person per day, read from the digests the sweeps wrote: "before" as the first slice sent
// them (one email per reminder or escalation, so one per digest entry) and "after" (one email per digest), per
// behaviour of the team whose report it was; and duplicates (a report's reminder or escalation in two digests).
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localDayOf } from '../core/domain/calendar.ts';
import type { Digest } from '../core/domain/digest.ts';

export interface EmailsPerPersonDay {
  /** Person-days on which someone got at least one follow-up email. */
  personDays: number;
  before: { emails: number; perPersonDay: number; maxPerPersonDay: number };
  after: { emails: number; perPersonDay: number; maxPerPersonDay: number };
}

export interface DigestFigures<B extends string> {
  digests: number;
  entries: number;
  /** Reminders or escalations of one report under one key listed in more than one digest: must be 0. */
  duplicates: number;
  byBehaviour: Record<B, EmailsPerPersonDay>;
}

export async function readDigests(client: DynamoDBDocumentClient, tableName: string): Promise<Digest[]> {
  const digests: Digest[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, FilterExpression: 'sk = :digest', ExpressionAttributeValues: { ':digest': 'DIGEST' }, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) digests.push({ id: String(item.pk), recipient: item.recipient, sweepAt: item.sweepAt, entries: item.entries } as Digest);
    start = page.LastEvaluatedKey;
  } while (start);
  return digests;
}

export function digestFigures<B extends string>(digests: Digest[], behaviourOfReport: (reportId: string) => B | undefined, behaviours: readonly B[]): DigestFigures<B> {
  const seen = new Set<string>();
  let duplicates = 0;
  // behaviour → person-day → [emails before, emails after]
  const counts = new Map<B, Map<string, { before: number; after: number }>>(behaviours.map((b) => [b, new Map()]));
  for (const digest of digests) {
    const personDay = `${digest.recipient} ${localDayOf(new Date(digest.sweepAt))}`;
    const inDigest = new Set<B>();
    for (const entry of digest.entries) {
      const key = `${entry.reportId} ${entry.ledgerKey}`;
      if (seen.has(key)) duplicates++;
      seen.add(key);
      const behaviour = behaviourOfReport(entry.reportId);
      if (!behaviour) continue;
      const cell = counts.get(behaviour)!.get(personDay) ?? { before: 0, after: 0 };
      cell.before++;
      if (!inDigest.has(behaviour)) cell.after++;
      inDigest.add(behaviour);
      counts.get(behaviour)!.set(personDay, cell);
    }
  }
  const byBehaviour = Object.fromEntries(
    behaviours.map((b) => {
      const cells = [...counts.get(b)!.values()];
      const sum = (pick: (c: { before: number; after: number }) => number) => cells.reduce((n, c) => n + pick(c), 0);
      const per = (total: number) => (cells.length ? Math.round((total / cells.length) * 10) / 10 : 0);
      const before = sum((c) => c.before);
      const after = sum((c) => c.after);
      return [
        b,
        {
          personDays: cells.length,
          before: { emails: before, perPersonDay: per(before), maxPerPersonDay: Math.max(0, ...cells.map((c) => c.before)) },
          after: { emails: after, perPersonDay: per(after), maxPerPersonDay: Math.max(0, ...cells.map((c) => c.after)) },
        },
      ];
    }),
  ) as Record<B, EmailsPerPersonDay>;
  return { digests: digests.length, entries: digests.reduce((n, d) => n + d.entries.length, 0), duplicates, byBehaviour };
}
