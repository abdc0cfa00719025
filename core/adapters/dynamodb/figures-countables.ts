// What the figures count, from the table's items: a report item (as it now stands, with its version) or a
// consultation item (`CONSULTATION#<id>`, counted once). From a stream record (the counter) or a scan (the
// rebuild), through the same decoding. A removal (TTL) counts nothing: figures outlive the reports.
import type { DynamoDBRecord } from 'aws-lambda';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod/mini';
import { consultationContribution, contributionOf } from '../../domain/figures.ts';
import type { Countable, CountableSource } from '../../app/ports/figures-store.ts';
import type { CountRecord } from '../../app/figures/count-changes.ts';
import { fromItem } from './report-items.ts';
import { storageCall } from './errors.ts';
import { CONSULTATION_PREFIX } from '../../storage/table.ts';

/** The fields of a consultation item the figures need (the consultation work writes more). */
const countedConsultation = z.object({
  schoolId: z.string().check(z.minLength(1)),
  teamId: z.string().check(z.minLength(1)),
  areaId: z.optional(z.nullable(z.string())),
  askedAt: z.iso.datetime({ offset: true }),
});

const expiresAtOf = (item: Record<string, unknown>) => (typeof item.expiresAt === 'number' ? { expiresAt: item.expiresAt } : {});

/** A table item as a countable, or null when the figures do not count it. */
export function countableFromItem(item: Record<string, unknown>): Countable | null {
  const pk = typeof item.pk === 'string' ? item.pk : '';
  if (item.sk === 'REPORT' && pk.startsWith('REPORT#')) {
    const { emailClaims: _claims, ...rest } = item;
    const { report, version } = fromItem(rest);
    return { subject: pk, version, contribution: contributionOf(report), ...expiresAtOf(item) };
  }
  if (pk.startsWith(CONSULTATION_PREFIX)) {
    const consultation = countedConsultation.safeParse(item);
    if (!consultation.success) return null;
    // Counted once, when it first appears: every later version finds it counted.
    return { subject: pk, version: 1, contribution: consultationContribution({ ...consultation.data, areaId: consultation.data.areaId ?? null }), ...expiresAtOf(item) };
  }
  return null;
}

/** A stream record as the count-changes use case takes it. */
export function countRecordOf(record: DynamoDBRecord): CountRecord {
  const id = record.dynamodb?.SequenceNumber ?? '';
  const image = record.dynamodb?.NewImage;
  if (record.eventName === 'REMOVE' || !image) return { id, countable: null };
  // A change that kept the report's version is notify's email ledger (sentEmails, claims): nothing the figures
  // count changes without a new version, so there is nothing to read or write.
  const oldVersion = record.dynamodb?.OldImage?.version?.N;
  if (record.eventName === 'MODIFY' && oldVersion !== undefined && oldVersion === image.version?.N) return { id, countable: null };
  return { id, countable: countableFromItem(unmarshall(image as Record<string, never>) as Record<string, unknown>) };
}

/** Every report and consultation in the table, a page at a time (the rebuild's one scan). */
export function tableCountables(options: { client: DynamoDBDocumentClient; tableName: string }): CountableSource {
  return {
    async *countables() {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await storageCall(() =>
          options.client.send(
            new ScanCommand({
              TableName: options.tableName,
              FilterExpression: 'sk = :report OR begins_with(pk, :consultation)',
              ExpressionAttributeValues: { ':report': 'REPORT', ':consultation': CONSULTATION_PREFIX },
              ConsistentRead: true,
              ExclusiveStartKey: start,
            }),
          ),
        );
        for (const item of page.Items ?? []) {
          const countable = countableFromItem(item);
          if (countable) yield countable;
        }
        start = page.LastEvaluatedKey;
      } while (start);
    },
  };
}
