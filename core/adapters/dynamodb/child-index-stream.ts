// DynamoDB Stream records → what the earlier-reports index follows (core/app/index-child.ts): a new report, whose
// child notify indexes; and a change of a report's stored expiry (its retention started), which its index items
// take too, with the keys notify recorded on the report. Other records (and TTL removals) are nothing to it.
import type { AttributeValue as StreamAttributeValue, DynamoDBRecord } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ChildIndexChange } from '../../app/ports/child-index.ts';
import type { ChildMatchKey } from '../../domain/child-match.ts';
import { reportFromImage } from './stream-image.ts';

/** The two attributes of a report item the index follows: its expiry (epoch seconds) and the keys notify recorded. */
function indexedAttributes(image: Record<string, StreamAttributeValue> | undefined) {
  const expiresAt = image?.expiresAt?.N !== undefined ? Number(image.expiresAt.N) : null;
  const keys = image?.childMatchKeys ? (unmarshall({ keys: image.childMatchKeys } as never).keys as ChildMatchKey[]) : [];
  return { expiresAt, keys: Array.isArray(keys) ? keys : [] };
}

/** A stream record as the index use case takes it: its id (for a retry) and its change, if it is one. */
export function childIndexChangeOf(record: DynamoDBRecord): { id: string; change: ChildIndexChange | null } {
  const id = record.dynamodb?.SequenceNumber ?? '';
  const report = record.eventName === 'INSERT' || record.eventName === 'MODIFY' ? reportFromImage(record.dynamodb?.NewImage) : null;
  if (!report) return { id, change: null };
  if (record.eventName === 'INSERT') return { id, change: { kind: 'new-report', report } };
  const before = indexedAttributes(record.dynamodb?.OldImage);
  const after = indexedAttributes(record.dynamodb?.NewImage);
  // Only a report notify has indexed has items to expire; the keys are recorded by the same write as the items.
  if (after.expiresAt === before.expiresAt || !after.keys.length) return { id, change: null };
  return { id, change: { kind: 'expiry', reportId: report.id, keys: after.keys, expiresAt: after.expiresAt } };
}
