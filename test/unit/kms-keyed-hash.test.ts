// The KMS keyed hash of the earlier-reports index (core/adapters/kms/kms-keyed-hash.ts). No KMS runs here: the fake
// client's send computes a real HMAC-SHA-256 with its key bytes, as KMS GenerateMac does (RFC 2104), so the tests
// check the request, the encoding, and that the KMS and local adapters give one index format for one key.
import { createHmac } from 'node:crypto';
import type { GenerateMacCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { hmacKeyedHash } from '../../core/adapters/crypto/hmac-keyed-hash.ts';
import { kmsClient, kmsKeyedHash, type GenerateMacClient } from '../../core/adapters/kms/kms-keyed-hash.ts';
import { resetRuntimeConfig } from '../../core/config/runtime.ts';
import { childMatchKeys } from '../../core/domain/child-match.ts';
import { childMatchHash } from '../../functions/notify/dependencies.ts';

const KEY_ID = 'arn:aws:kms:eu-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY = 'a-test-key-of-thirty-two-bytes!!';

/** A fake KMS: GenerateMac as an HMAC-SHA-256 with the key's bytes; records each request. */
function fakeKms(keyBytes: Buffer = Buffer.from(KEY, 'utf8')) {
  const requests: GenerateMacCommand['input'][] = [];
  const client: GenerateMacClient = {
    async send(command) {
      requests.push(command.input);
      return { Mac: new Uint8Array(createHmac('sha256', keyBytes).update(command.input.Message!).digest()) };
    },
  };
  return { client, requests };
}

const child = { firstName: 'Elias', lastName: 'Berg', personalNumber: '20150312-2382' };
const at = new Date('2026-11-25T09:00:00Z');

describe('the KMS keyed hash (mock KMS: no KMS runs here)', () => {
  it('asks GenerateMac with the configured key, HMAC_SHA_256 and the input as UTF-8 bytes', async () => {
    const kms = fakeKms();
    await kmsKeyedHash({ client: async () => kms.client, keyId: KEY_ID })('name-and-birth-date:åsa|öberg|2015-03-12');
    expect(kms.requests).toHaveLength(1);
    const [request] = kms.requests;
    expect(request).toMatchObject({ KeyId: KEY_ID, MacAlgorithm: 'HMAC_SHA_256' });
    expect(Buffer.from(request!.Message!).toString('utf8')).toBe('name-and-birth-date:åsa|öberg|2015-03-12');
  });

  it('gives the same output for the same input, and another for another input', async () => {
    const mac = kmsKeyedHash({ client: async () => fakeKms().client, keyId: KEY_ID });
    const first = await mac('personal-number:201503122382');
    expect(await mac('personal-number:201503122382')).toBe(first);
    expect(await mac('personal-number:201503122390')).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes as base64url, unpadded
  });

  it('keeps no trace of the number or the name in the keys', async () => {
    const keys = await childMatchKeys({ child }, kmsKeyedHash({ client: async () => fakeKms().client, keyId: KEY_ID }), at);
    expect(keys.map((k) => k.matchedBy)).toEqual(['personal-number', 'name-and-birth-date']);
    const stored = JSON.stringify(keys);
    for (const fragment of ['20150312', '2382', '150312', 'Elias', 'elias', 'Berg', 'berg', '2015-03-12']) expect(stored).not.toContain(fragment);
  });

  it('lets an error from KMS propagate (notify fails the record before writing anything)', async () => {
    const outage = Object.assign(new Error('KMS is unavailable'), { name: 'KMSInternalException' });
    const mac = kmsKeyedHash({ client: async () => ({ send: async () => Promise.reject(outage) }), keyId: KEY_ID });
    await expect(mac('personal-number:201503122382')).rejects.toBe(outage);
    await expect(childMatchKeys({ child }, mac, at)).rejects.toBe(outage);
  });

  it('refuses an answer without a MAC', async () => {
    const mac = kmsKeyedHash({ client: async () => ({ send: async () => ({ Mac: undefined }) }), keyId: KEY_ID });
    await expect(mac('personal-number:201503122382')).rejects.toThrow(/without a MAC/);
  });

  it('builds one KMS client per container, in the configured region (no request is sent)', async () => {
    process.env.LOCAL_MODE = 'true';
    resetRuntimeConfig();
    const first = await kmsClient();
    expect(await kmsClient()).toBe(first);
    expect(await first.config.region()).toBe('eu-north-1');
  });

  it('gives the local HMAC adapter’s output for an equal key, so the index has one format', async () => {
    const kms = kmsKeyedHash({ client: async () => fakeKms().client, keyId: KEY_ID });
    const local = hmacKeyedHash(KEY);
    for (const input of ['personal-number:201503122382', 'name-and-birth-date:elias|berg|2015-03-12', 'name-and-birth-date:åsa|öberg|2015-03-12']) {
      expect(await kms(input)).toBe(await local(input));
    }
    expect(await childMatchKeys({ child }, kms, at)).toEqual(await childMatchKeys({ child }, local, at));
  });
});

describe('notify’s choice of keyed hash (mock KMS: no KMS runs here)', () => {
  it('takes KMS when the key id is set, even beside a dev secret', async () => {
    const kms = fakeKms();
    const mac = childMatchHash({ CHILD_MATCH_KEY_ID: KEY_ID, CHILD_MATCH_SECRET: 'some-other-dev-secret' }, async () => kms.client)!;
    expect(await mac('personal-number:201503122382')).toBe(await hmacKeyedHash(KEY)('personal-number:201503122382'));
    expect(kms.requests.map((r) => r.KeyId)).toEqual([KEY_ID]);
  });

  it('takes the local HMAC with the dev secret, and asks no KMS', async () => {
    const kms = fakeKms();
    const mac = childMatchHash({ CHILD_MATCH_SECRET: KEY }, async () => kms.client)!;
    expect(await mac('personal-number:201503122382')).toBe(await hmacKeyedHash(KEY)('personal-number:201503122382'));
    expect(kms.requests).toEqual([]);
  });

  it('has none without either: matching is off', () => {
    expect(childMatchHash({}, async () => fakeKms().client)).toBeNull();
  });
});
