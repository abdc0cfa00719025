// Retention: a closed report registered in the case system expires (DynamoDB TTL) after the retention period;
// closed but not registered, it stays (it is a public record held only here until then: DESIGN.md, "Retention"). DynamoDB Local never
// deletes expired items, and DynamoDB deletes them lazily, so reads must leave them out themselves.
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { createReport, recordFeedback } from '../../core/domain/report.ts';
import { recordCaseSystemRef } from '../../core/domain/team-work.ts';
import { createTable } from '../../local/dynamodb.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';
import { localDocumentClient } from '../support/dynamodb.ts';

describe('retention', () => {
  it('sets expiresAt once closed and registered, and hides the report once the retention period has passed', async () => {
    const endpoint = inject('dynamoEndpoint');
    const tableName = `retention-${randomUUID().slice(0, 8)}`;
    await createTable(endpoint, tableName);
    const client = localDocumentClient(endpoint);
    let now = new Date('2026-11-25T10:00:00Z');
    const repository = new ReportRepository({ client, tableName, retentionDays: 30, now: () => now });
    const parsed = concernReportForm.schema.parse({
      schoolId: 'ekbacken', urgency: 'normal', reporter: { name: 'A', role: 'B', email: 'a@example.se' },
      child: { firstName: 'C', lastName: 'D' }, concern: { categories: ['other'], description: 'E' }, guardiansInformed: 'yes',
    });
    const { report, audit } = createReport({
      submissionId: randomUUID(), submission: parsed, bodyHash: 'h', policy: concernReportForm.deadlines, now,
      route: { teamId: 'mottagning-norr', areaId: 'norr', schoolName: 'Ekbackens skola', routedToFallback: false },
    });
    await repository.create(report, audit);
    const stored = (await repository.get(report.id))!;
    const closed = recordFeedback(stored.report, { outcome: 'investigation-opened', note: '' }, 'sara.lindqvist@ekdala.example', now, concernReportForm.deadlines);
    if (closed.kind !== 'changed') throw new Error('expected a change');
    expect(await repository.saveChange(stored, closed.report, closed.audit)).toBe(true);
    const closedOnly = (await repository.get(report.id))!;
    const closedItem = await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': `REPORT#${report.id}`, ':sk': 'REPORT' }, ConsistentRead: true }));
    expect(closedItem.Items?.[0]?.expiresAt).toBeUndefined(); // closed, not yet in the case system: kept
    const registered = recordCaseSystemRef(closedOnly.report, 'SoF-2026-1', { email: 'sara.lindqvist@ekdala.example', isLead: false }, now);
    if (registered.kind !== 'changed') throw new Error('expected a change');
    expect(await repository.saveChange(closedOnly, registered.report, registered.audit)).toBe(true);
    // The whole record expires together: the report and every audit event, also one written after the close.
    await repository.addAudit({ reportId: report.id, at: new Date('2026-11-26T09:00:00Z').toISOString(), actor: { kind: 'staff', id: 'x@ekdala.example' }, action: 'viewed' }, registered.report);
    const items = await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `REPORT#${report.id}` }, ConsistentRead: true }));
    const expiries = new Set((items.Items ?? []).map((item) => item.expiresAt));
    expect(items.Items?.length).toBe(5); // report, submitted, feedback-recorded, case-system-ref-recorded, viewed
    expect([...expiries]).toEqual([Math.floor(Date.parse('2026-11-25T10:00:00Z') / 1000) + 30 * 86_400]);

    now = new Date('2026-12-24T09:00:00Z'); // 29 days later: still there
    expect(await repository.get(report.id)).not.toBeNull();
    expect((await repository.listByTeam('mottagning-norr', 'closed')).map((r) => r.id)).toContain(report.id);

    now = new Date('2026-12-26T10:00:00Z'); // past 30 days: expired, even though DynamoDB Local keeps the item
    expect(await repository.get(report.id)).toBeNull();
    expect((await repository.listByTeam('mottagning-norr', 'closed')).map((r) => r.id)).not.toContain(report.id);
    client.destroy();
  });
});
