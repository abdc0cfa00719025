// DynamoDB Stream records → consultation changes (only consultation items; everything else is null).
import type { AttributeValue as StreamAttributeValue, DynamoDBRecord } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ConsultationChange } from '../../domain/consultation-notices.ts';
import type { Consultation } from '../../domain/consultation.ts';
import { CONSULTATION_PREFIX, CONSULTATION_SORT_KEY } from '../../storage/table.ts';
import { consultationFromItem } from './consultation-repository.ts';

function consultationFromImage(image: Record<string, StreamAttributeValue> | undefined): Consultation | undefined {
  if (!image) return undefined;
  const { emailClaims: _claims, ...rest } = image; // the ledger's leases: not part of the consultation
  return consultationFromItem(unmarshall(rest as never) as Record<string, unknown>);
}

export function consultationChangeOf(record: DynamoDBRecord): ConsultationChange | null {
  const keys = record.dynamodb?.Keys;
  if (keys?.sk?.S !== CONSULTATION_SORT_KEY || !keys.pk?.S?.startsWith(CONSULTATION_PREFIX)) return null;
  const eventName = record.eventName;
  if (eventName !== 'INSERT' && eventName !== 'MODIFY' && eventName !== 'REMOVE') return null;
  if (eventName === 'REMOVE') return { eventName };
  return { eventName, newConsultation: consultationFromImage(record.dynamodb?.NewImage), oldConsultation: consultationFromImage(record.dynamodb?.OldImage) };
}

/** A stream record as the consultation notices take it: its id (for a retry) and its change. */
export function consultationChangeRecordOf(record: DynamoDBRecord) {
  return { id: record.dynamodb?.SequenceNumber ?? '', change: consultationChangeOf(record) };
}
