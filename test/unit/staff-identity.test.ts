import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDirectory } from '../../core/directory/directory.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { ownsTeamReports, staffIdentity, verifiedEmail } from '../../core/identity/staff.ts';

const directory = parseDirectory(JSON.parse(readFileSync(new URL('../../directory/sample.json', import.meta.url), 'utf8')));
const withClaims = (claims: Record<string, unknown>) => ({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } }) as unknown as HttpEvent;

describe('staff identity from the JWT claims', () => {
  it('gives a verified directory contact their team', () => {
    expect(staffIdentity(withClaims({ sub: 'u1', email: 'Sara.Lindqvist@ekdala.example', email_verified: 'true' }), directory)).toEqual({
      id: 'sara.lindqvist@ekdala.example',
      teamIds: ['mottagning-norr'],
    });
  });

  it('lets the fallback team own the reports of a team the directory no longer has, and no other team\'s', () => {
    const verified = (email: string) => withClaims({ sub: 'u1', email, email_verified: 'true' });
    const lina = staffIdentity(verified('lina.berg@ekdala.example'), directory); // the fallback team's
    const sara = staffIdentity(verified('sara.lindqvist@ekdala.example'), directory);
    expect(ownsTeamReports(lina, 'mottagning-central')).toBe(true);
    expect(ownsTeamReports(lina, 'a-removed-team')).toBe(true);
    expect(ownsTeamReports(lina, 'mottagning-norr')).toBe(false);
    expect(ownsTeamReports(sara, 'a-removed-team')).toBe(false);
    expect(ownsTeamReports(sara, 'mottagning-norr')).toBe(true);
  });

  it('ignores an email the identity provider has not verified (a user who changed their own email)', () => {
    expect(staffIdentity(withClaims({ sub: 'u1', email: 'sara.lindqvist@ekdala.example', email_verified: 'false' }), directory)).toEqual({ id: 'u1', teamIds: [] });
    expect(staffIdentity(withClaims({ sub: 'u1', email: 'sara.lindqvist@ekdala.example' }), directory).teamIds).toEqual([]);
  });

  // Issue 15 changed the contract: the directory is the one source of team membership (DESIGN.md "Routing and the
  // directory"), so a Cognito group no longer gives access (it did before).
  it('gives no team from Cognito groups: only the directory decides', () => {
    expect(staffIdentity(withClaims({ sub: 'u2', 'cognito:groups': '[mottagning-syd]' }), directory).teamIds).toEqual([]);
    const removed = { ...directory, teams: directory.teams.map((t) => ({ ...t, contacts: t.contacts.filter((c) => c.email !== 'sara.lindqvist@ekdala.example') })) };
    const sara = withClaims({ sub: 'u1', email: 'sara.lindqvist@ekdala.example', email_verified: 'true', 'cognito:groups': '[mottagning-norr]' });
    expect(staffIdentity(sara, removed).teamIds).toEqual([]);
  });

  it('takes a federated provider\'s boolean email_verified as the JWT carries it', () => {
    expect(verifiedEmail(withClaims({ email: 'Alva.Admin@ekdala.example', email_verified: true }))).toBe('alva.admin@ekdala.example');
    expect(verifiedEmail(withClaims({ email: 'alva.admin@ekdala.example', email_verified: 'false' }))).toBeUndefined();
  });

  it('refuses a token without subject or email', () => {
    expect(() => staffIdentity(withClaims({}), directory)).toThrow(/sign in/);
  });
});
