// The versioned directory's DynamoDB adapter against DynamoDB Local: versions, the pointer, stale saves, history,
// seeding that never overwrites, the open-report count, and the functions' cached source over it.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { decompressDirectory, DynamoDirectoryVersions, openReportsIn } from '../../core/adapters/dynamodb/directory-versions.ts';
import { ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { seedDirectory, seedVersion } from '../../core/app/directory/seed-directory.ts';
import { cachedDirectorySource } from '../../core/directory/cached-source.ts';
import { directoryChanges } from '../../core/directory/changes.ts';
import { parseDirectory, type Directory } from '../../core/directory/directory.ts';
import { createReport } from '../../core/domain/report.ts';
import { directoryCurrentKey, directoryVersionKey } from '../../core/storage/table.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';
import { exampleSubmission } from '../../forms/concern-report/example.ts';
import { createTable, LOCAL_CREDENTIALS } from '../../local/dynamodb.ts';

const sample = (): Directory => parseDirectory(JSON.parse(readFileSync(new URL('../../directory/sample.json', import.meta.url), 'utf8')));
let client: DynamoDBDocumentClient;
let tableName: string;
let versions: DynamoDirectoryVersions;

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  tableName = `directory-${randomUUID().slice(0, 8)}`;
  await createTable(endpoint, tableName);
  client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS }), { marshallOptions: { removeUndefinedValues: true } });
  versions = new DynamoDirectoryVersions({ client, tableName });
});

describe('the versioned directory in the table', () => {
  it('has nothing before the seed; the seed writes version 1 once and a second seed keeps it', async () => {
    expect(await versions.current()).toBeNull();
    const directory = sample();
    expect(await seedDirectory(versions, directory, new Date('2026-11-01T08:00:00Z'))).toBe('seeded');
    const changed = { ...directory, municipality: { ...directory.municipality, name: 'Another name' } };
    expect(await seedDirectory(versions, changed, new Date('2026-11-02T08:00:00Z'))).toBe('kept');
    const current = (await versions.current())!;
    expect(current.version).toBe(1);
    expect(current.savedBy).toBe('deployment');
    expect(current.directory).toEqual(directory);
  });

  it('stores each version compressed, beside a pointer that carries the current one', async () => {
    const { Item: pointer } = await client.send(new GetCommand({ TableName: tableName, Key: directoryCurrentKey() }));
    const { Item: first } = await client.send(new GetCommand({ TableName: tableName, Key: directoryVersionKey(1) }));
    expect(pointer?.version).toBe(1);
    expect(first?.data).toBe(pointer?.data);
    expect(typeof first?.data).toBe('string');
    expect(String(first?.data).length).toBeLessThan(JSON.stringify(sample()).length / 2);
    expect(decompressDirectory(String(first?.data))).toEqual(sample());
  });

  it('saves version n+1 only on top of version n: a stale save changes nothing', async () => {
    const before = (await versions.current())!;
    const next = { ...before.directory, areas: before.directory.areas.map((a) => (a.id === 'skargarden' ? { ...a, name: 'Skärgården och öarna' } : a)) };
    const saved = { version: 2, savedAt: '2026-11-03T09:00:00.000Z', savedBy: 'alva.admin@ekdala.example', changes: directoryChanges(before.directory, next), directory: next };
    expect(await versions.save(saved)).toBe('saved');
    expect(await versions.save({ ...saved, savedBy: 'someone.else@ekdala.example' })).toBe('stale');
    expect(await versions.save({ ...seedVersion(sample(), new Date()), version: 2 })).toBe('stale');
    const current = (await versions.current())!;
    expect(current.version).toBe(2);
    expect(current.savedBy).toBe('alva.admin@ekdala.example');
    expect(current.changes).toEqual({ added: [], removed: [], changed: ['areas/skargarden'] });
  });

  it('lists the history newest first, with who, when and what, without the content', async () => {
    const history = await versions.history();
    expect(history.map((v) => [v.version, v.savedBy])).toEqual([
      [2, 'alva.admin@ekdala.example'],
      [1, 'deployment'],
    ]);
    expect(history[1]!.changes.added).toContain('schools/ekbacken');
    expect(history[0]).not.toHaveProperty('directory');
    expect(history[0]).not.toHaveProperty('data');
  });

  it('counts open reports per team without reading them', async () => {
    const repository = new ReportRepository({ client, tableName, retentionDays: 90 });
    const { report, audit } = createReport({
      submissionId: randomUUID(), submission: concernReportForm.schema.parse(exampleSubmission()), bodyHash: 'h', policy: concernReportForm.deadlines,
      now: new Date(), route: { teamId: 'mottagning-syd', areaId: 'syd', schoolName: 'Södervikskolan', routedToFallback: false },
    });
    await repository.create(report, audit);
    const open = openReportsIn({ client, tableName });
    expect(await open.teamsWithOpenReports(['mottagning-norr', 'mottagning-syd', 'mottagning-central'])).toEqual(['mottagning-syd']);
  });
});

describe('the cached source the functions read through', () => {
  it('reads again only when its copy is older than the max age, and shares one read between callers', async () => {
    let clock = 0;
    let reads = 0;
    const source = cachedDirectorySource(
      async () => {
        reads++;
        return (await versions.current())!.directory;
      },
      { maxAgeMs: 60_000, now: () => clock },
    );
    const [a, b] = await Promise.all([source.current(), source.current()]);
    expect(a).toBe(b);
    expect(reads).toBe(1);
    clock = 59_999;
    await source.current();
    expect(reads).toBe(1);
    clock = 60_000;
    await source.current();
    expect(reads).toBe(2);
  });

  it('does not keep a failed read: the next call reads again', async () => {
    let fail = true;
    const source = cachedDirectorySource(async () => {
      if (fail) throw new Error('storage is unavailable');
      return sample();
    }, { maxAgeMs: 60_000 });
    await expect(source.current()).rejects.toThrow(/unavailable/);
    fail = false;
    expect((await source.current()).municipality.schoolEmailDomains).toContain('ekdala.example');
  });
});
