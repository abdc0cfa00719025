// Keeping the earlier-reports index from the report stream (core/app/index-child.ts) against the in-memory index:
// which stream records it follows (core/adapters/dynamodb/child-index-stream.ts), a new report indexed, a failing
// keyed hash (a KMS outage) leaving nothing written and the record retried, the index items taking the report's
// expiry when its retention starts, and a view of a report without keys (no lookup, nothing to audit).
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { hmacKeyedHash } from '../../../core/adapters/crypto/hmac-keyed-hash.ts';
import { childIndexChangeOf } from '../../../core/adapters/dynamodb/child-index-stream.ts';
import { toItem } from '../../../core/adapters/dynamodb/report-repository.ts';
import { viewReport } from '../../../core/app/cases/read-reports.ts';
import { updateChildIndex } from '../../../core/app/index-child.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { childMatchKeys, type ChildMatchKey } from '../../../core/domain/child-match.ts';
import type { Report } from '../../../core/domain/report.ts';
import type { StaffIdentity } from '../../../core/identity/staff.ts';
import { fixedClock, MemoryChildIndex, MemoryReportStore, sampleDirectory } from '../../support/fakes/index.ts';
import { newReport, newReportWithAudit } from '../../support/reports.ts';

const mac = hmacKeyedHash('unit-test-child-match-secret');
const sara: StaffIdentity = { id: 'sara.lindqvist@ekdala.example', teamIds: ['mottagning-norr'] };
const submittedAt = atLocalTime('2026-10-01', '10:00');
const RETENTION_DAYS = 90;

let sequence = 1;
/** A report item's stream record, its images as the repository stores them (plus the keys notify recorded). */
function record(eventName: 'INSERT' | 'MODIFY', next: Report, previous?: Report, keys?: ChildMatchKey[]): DynamoDBRecord {
  const image = (r: Report) => marshall({ ...toItem(r, 1, RETENTION_DAYS), emailClaims: {}, ...(keys ? { childMatchKeys: keys } : {}) }, { removeUndefinedValues: true }) as never;
  return {
    eventName,
    dynamodb: {
      Keys: marshall({ pk: `REPORT#${next.id}`, sk: 'REPORT' }) as never,
      NewImage: image(next),
      ...(previous ? { OldImage: image(previous) } : {}),
      SequenceNumber: String(sequence++),
    },
  };
}

/** The report closed and registered in the case system: its retention starts (toItem gives it `expiresAt`). */
function retained(report: Report): Report {
  const at = atLocalTime('2026-11-02', '10:00').toISOString();
  return { ...report, status: 'closed', closedAt: at, caseSystemRef: { ref: 'SOC-2026-1', at, by: sara.id } };
}
const expiryOf = (report: Report) => toItem(report, 1, RETENTION_DAYS).expiresAt as number;

describe('which stream records the index follows', () => {
  const report = newReport({ at: submittedAt });

  it('a new report, to index', () => {
    expect(childIndexChangeOf(record('INSERT', report)).change).toEqual({ kind: 'new-report', report: expect.objectContaining({ id: report.id }) });
  });

  it('the start of an indexed report’s retention, with its keys and its expiry', async () => {
    const keys = await childMatchKeys(report.submission, mac, submittedAt);
    const { change } = childIndexChangeOf(record('MODIFY', retained(report), report, keys));
    expect(change).toEqual({ kind: 'expiry', reportId: report.id, keys, expiresAt: expiryOf(retained(report)) });
    expect(expiryOf(retained(report))).toBeGreaterThan(Date.parse('2026-11-02') / 1000);
  });

  it('nothing for a change that leaves the expiry as it was, for a report never indexed, or for other items', async () => {
    const keys = await childMatchKeys(report.submission, mac, submittedAt);
    const acknowledged: Report = { ...report, status: 'acknowledged' };
    expect(childIndexChangeOf(record('MODIFY', acknowledged, report, keys)).change).toBeNull();
    expect(childIndexChangeOf(record('MODIFY', retained(report), report)).change).toBeNull(); // no keys recorded: nothing indexed
    const audit = { eventName: 'INSERT', dynamodb: { Keys: marshall({ pk: `REPORT#${report.id}`, sk: 'AUDIT#x' }) as never, NewImage: marshall({ pk: `REPORT#${report.id}`, sk: 'AUDIT#x' }) as never } } as DynamoDBRecord;
    expect(childIndexChangeOf(audit).change).toBeNull();
    expect(childIndexChangeOf({ eventName: 'REMOVE', dynamodb: { Keys: marshall({ pk: `REPORT#${report.id}`, sk: 'REPORT' }) as never } }).change).toBeNull();
  });
});

describe('updateChildIndex', () => {
  it('indexes a new report under its keys', async () => {
    const childIndex = new MemoryChildIndex();
    const report = newReport({ at: submittedAt });
    expect(await updateChildIndex({ childIndex, mac }, [childIndexChangeOf(record('INSERT', report))])).toEqual([]);
    const keys = await childIndex.keysOf(report.id);
    expect(keys.map((k) => k.matchedBy)).toEqual(['personal-number', 'name-and-birth-date']);
    expect(await childIndex.reportsWith(keys)).toHaveLength(2);
  });

  it('a failing keyed hash (a KMS outage) fails only that record, and nothing of it is written', async () => {
    const childIndex = new MemoryChildIndex();
    const [down, fine] = [newReport({ at: submittedAt }), newReport({ at: submittedAt })];
    let calls = 0;
    // The second hash of the first report fails: its first key was already computed, yet nothing may be written.
    const flaky = async (input: string) => {
      if (++calls === 2) throw Object.assign(new Error('KMS is unavailable'), { name: 'KMSInternalException' });
      return mac(input);
    };
    const records = [childIndexChangeOf(record('INSERT', down)), childIndexChangeOf(record('INSERT', fine))];
    expect(await updateChildIndex({ childIndex, mac: flaky }, records)).toEqual([records[0]!.id]);
    expect(await childIndex.keysOf(down.id)).toEqual([]);
    expect([...childIndex.items.values()].flatMap((partition) => [...partition.keys()])).not.toContain(down.id);
    expect(await childIndex.keysOf(fine.id)).toHaveLength(2);
  });

  it('gives the index items the report’s expiry when its retention starts; past it, lookups leave them out', async () => {
    let now = atLocalTime('2026-11-25', '10:00');
    const childIndex = new MemoryChildIndex(() => now);
    const report = newReport({ at: submittedAt });
    await updateChildIndex({ childIndex, mac }, [childIndexChangeOf(record('INSERT', report))]);
    const keys = await childIndex.keysOf(report.id);
    const expiresAt = expiryOf(retained(report));
    expect(await updateChildIndex({ childIndex, mac }, [childIndexChangeOf(record('MODIFY', retained(report), report, keys))])).toEqual([]);
    for (const key of keys) expect(childIndex.items.get(key.key)?.get(report.id)?.expiresAt).toBe(expiresAt);
    expect(await childIndex.reportsWith(keys)).toHaveLength(2);
    now = new Date(expiresAt * 1000);
    expect(await childIndex.reportsWith(keys)).toEqual([]);
  });
});

describe('the view of a report without keys', () => {
  it('lists no earlier reports and audits no lookup: none was made', async () => {
    const reports = new MemoryReportStore();
    const { report, audit } = newReportWithAudit({ at: submittedAt });
    await reports.create(report, audit);
    const view = await viewReport({ reports, clock: fixedClock(atLocalTime('2026-10-02', '10:00')), childIndex: new MemoryChildIndex() }, sara, report.id, sampleDirectory);
    expect(view.earlierReports).toEqual([]);
    expect(view.audit.map((e) => e.action)).toEqual(['submitted', 'viewed']);
  });

  it('audits the lookup at the first view after notify indexed the report, once per person and hour like the view', async () => {
    const reports = new MemoryReportStore();
    const childIndex = new MemoryChildIndex();
    const { report, audit } = newReportWithAudit({ at: submittedAt });
    await reports.create(report, audit);
    const at = (time: `${number}:${number}`) => fixedClock(atLocalTime('2026-10-02', time));
    const view = (time: `${number}:${number}`) => viewReport({ reports, clock: at(time), childIndex }, sara, report.id, sampleDirectory);
    await view('10:00'); // before indexing: viewed, no lookup
    await updateChildIndex({ childIndex, mac }, [childIndexChangeOf(record('INSERT', report))]);
    await view('10:10');
    const trail = (await view('10:20')).audit.map((e) => e.action);
    expect(trail).toEqual(['submitted', 'viewed', 'earlier-reports-looked-up']);
    expect((await view('11:15')).audit.map((e) => e.action)).toEqual([...trail, 'viewed', 'earlier-reports-looked-up']);
  });
});
