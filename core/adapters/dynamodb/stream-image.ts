// DynamoDB Stream records → the domain's report changes. Only report items count (audit events, receipts and
// anything else in the table are not report changes); the ledger's leases are not part of the report.
import type { AttributeValue as StreamAttributeValue, DynamoDBRecord } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Digest } from '../../domain/digest.ts';
import type { ReportChange } from '../../domain/notifications.ts';
import type { Report } from '../../domain/report.ts';
import { fromItem } from './report-items.ts';

/** A report item's image as a Report (null for other items: audit events). */
export function reportFromImage(image: Record<string, StreamAttributeValue> | undefined): Report | null {
  if (!image) return null;
  const { emailClaims: _claims, ...rest } = image; // the ledger's leases: not part of the report
  const item = unmarshall(rest as never) as Record<string, unknown>;
  if (item.sk !== 'REPORT' || typeof item.pk !== 'string' || !item.pk.startsWith('REPORT#')) return null;
  return fromItem(item).report;
}

/** The change a stream record describes, or null when it is not about a report item. */
export function changeOf(record: DynamoDBRecord): ReportChange | null {
  const sk = record.dynamodb?.Keys?.sk?.S;
  if (sk !== 'REPORT') return null;
  const eventName = record.eventName;
  if (eventName !== 'INSERT' && eventName !== 'MODIFY' && eventName !== 'REMOVE') return null;
  if (eventName === 'REMOVE') return { eventName };
  const newReport = reportFromImage(record.dynamodb?.NewImage) ?? undefined;
  const oldReport = reportFromImage(record.dynamodb?.OldImage) ?? undefined;
  return { eventName, newReport, oldReport };
}

/** The digest a sweep wrote, from its INSERT (a digest is written once and only its ledger changes after). */
export function digestOf(record: DynamoDBRecord): Digest | null {
  if (record.eventName !== 'INSERT' || record.dynamodb?.Keys?.sk?.S !== 'DIGEST' || !record.dynamodb.NewImage) return null;
  const { emailClaims: _claims, ...rest } = record.dynamodb.NewImage;
  const item = unmarshall(rest as never) as Record<string, unknown>;
  if (typeof item.recipient !== 'string' || typeof item.sweepAt !== 'string' || !Array.isArray(item.entries)) return null;
  return { id: String(item.pk), recipient: item.recipient, sweepAt: item.sweepAt, entries: item.entries as Digest['entries'] };
}

/** A stream record as the deliver-emails use case takes it: its id (for a retry), its item's key, its change or digest. */
export function changeRecordOf(record: DynamoDBRecord) {
  return {
    id: record.dynamodb?.SequenceNumber ?? '',
    itemKey: record.dynamodb?.Keys?.pk?.S ?? '',
    change: changeOf(record),
    digest: digestOf(record),
  };
}
