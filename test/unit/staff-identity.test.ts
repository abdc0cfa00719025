import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDirectory } from '../../core/directory/directory.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { parseGroups, staffIdentity } from '../../core/identity/staff.ts';

const directory = parseDirectory(JSON.parse(readFileSync(new URL('../../directory/sample.json', import.meta.url), 'utf8')));
const withClaims = (claims: Record<string, unknown>) => ({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } }) as unknown as HttpEvent;

describe('staff identity from the JWT claims', () => {
  it('gives a verified directory contact their team', () => {
    expect(staffIdentity(withClaims({ sub: 'u1', email: 'Sara.Lindqvist@ekdala.example', email_verified: 'true' }), directory)).toEqual({
      id: 'sara.lindqvist@ekdala.example',
      teamIds: ['mottagning-norr'],
    });
  });

  it('ignores an email the identity provider has not verified (a user who changed their own email)', () => {
    expect(staffIdentity(withClaims({ sub: 'u1', email: 'sara.lindqvist@ekdala.example', email_verified: 'false' }), directory)).toEqual({ id: 'u1', teamIds: [] });
    expect(staffIdentity(withClaims({ sub: 'u1', email: 'sara.lindqvist@ekdala.example' }), directory).teamIds).toEqual([]);
  });

  it('takes teams from Cognito groups, known teams only', () => {
    expect(staffIdentity(withClaims({ sub: 'u2', 'cognito:groups': '[mottagning-syd made-up-team]' }), directory).teamIds).toEqual(['mottagning-syd']);
    expect(parseGroups('["a","b"]')).toEqual(['a', 'b']);
    expect(parseGroups('a, b')).toEqual(['a', 'b']);
  });

  it('refuses a token without subject or email', () => {
    expect(() => staffIdentity(withClaims({}), directory)).toThrow(/sign in/);
  });
});
