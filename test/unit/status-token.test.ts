// Status links with key ids (core/domain/status-token.ts): rotation, tampering, unknown keys, legacy tokens.
import { describe, expect, it } from 'vitest';
import { signStatusToken, statusKeyringSchema, verifyStatusToken, type StatusKeyring } from '../../core/domain/status-token.ts';

const reportId = '0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f';
const otherId = '1c9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f';
const legacy = 'legacy-secret-legacy-secret-legacy-secret';
const k2025 = { kid: '2025', secret: 'secret-of-2025-secret-of-2025-secret-of-2025' };
const k2026 = { kid: '2026', secret: 'secret-of-2026-secret-of-2026-secret-of-2026' };
const before: StatusKeyring = { current: k2025, legacy };
const after: StatusKeyring = { current: k2026, previous: [k2025], legacy };

describe('status tokens with a key id', () => {
  it('a token names its key and opens the report with a keyring holding that key', () => {
    const token = signStatusToken(reportId, k2025);
    expect(token.split('.')[0]).toBe('2025');
    expect(verifyStatusToken(token, before)).toBe(reportId);
  });

  it('rotation: links issued with the old key keep working while it is in the keyring; new links use the new key', () => {
    const old = signStatusToken(reportId, before.current);
    const fresh = signStatusToken(reportId, after.current);
    expect(verifyStatusToken(old, after)).toBe(reportId);
    expect(verifyStatusToken(fresh, after)).toBe(reportId);
    expect(verifyStatusToken(fresh, before)).toBeNull(); // a key not yet known
    expect(verifyStatusToken(old, { current: k2026 })).toBeNull(); // the old key retired after retention
  });

  it('tokens made before key ids keep working with the legacy secret, and only with it', () => {
    const token = signStatusToken(reportId, legacy);
    expect(token.split('.')).toHaveLength(2);
    expect(verifyStatusToken(token, after)).toBe(reportId);
    expect(verifyStatusToken(token, legacy)).toBe(reportId); // the first slice's callers
    expect(verifyStatusToken(token, { current: k2026 })).toBeNull();
  });

  it('a bare secret (the first slice) does not open a token with a key id', () => {
    expect(verifyStatusToken(signStatusToken(reportId, { kid: 'x', secret: legacy }), legacy)).toBeNull();
  });

  it.each<[string, (token: string) => string]>([
    ['another report id', (t) => t.replace(Buffer.from(reportId).toString('base64url'), Buffer.from(otherId).toString('base64url'))],
    ['another known key id', (t) => t.replace(/^2026\./, '2025.')],
    ['an unknown key id', (t) => t.replace(/^2026\./, '2027.')],
    ['no key id', (t) => t.replace(/^2026\./, '')],
    ['a changed signature', (t) => t.slice(0, -2) + (t.endsWith('AA') ? 'BB' : 'AA')],
    ['a truncated signature', (t) => t.slice(0, -1)],
    ['an extra part', (t) => `${t}.x`],
    ['an empty id', (t) => t.replace(/\.[^.]+\./, '..')],
    ['a huge signature', (t) => t + 'A'.repeat(100)],
  ])('refuses a token with %s', (_name, tamper) => {
    const token = signStatusToken(reportId, k2026);
    expect(verifyStatusToken(token, after)).toBe(reportId);
    expect(verifyStatusToken(tamper(token), after)).toBeNull();
  });

  it('a key id that would break the token format is refused when signing', () => {
    expect(() => signStatusToken(reportId, { kid: 'a.b', secret: legacy })).toThrow(/key id/);
    expect(() => signStatusToken(reportId, { kid: '', secret: legacy })).toThrow(/key id/);
  });

  it('the stored keyring is validated: short secrets and bad key ids are named', () => {
    expect(statusKeyringSchema.safeParse(after).success).toBe(true);
    const bad = statusKeyringSchema.safeParse({ current: { kid: 'a.b', secret: 'short' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['current.kid', 'current.secret']);
  });
});
