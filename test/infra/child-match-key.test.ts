// The earlier-reports HMAC key (infra/constructs/child-match-key.ts) in the synthesized stack (templates only, no
// bundling; cdk-nag runs inside the synth and throws on any unacknowledged finding): an HMAC_256 key for
// GenerateMac, kept on stack deletion, that only notify may use, with its id in notify's environment only.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import type { ConcernIntakeStack } from '../../infra/stack.ts';
import { actionsOf, logicalId, statementsOfRole, synthesize, type Statement } from './synth.ts';

let stack: ConcernIntakeStack;
let template: Template;
let resources: Record<string, { Type: string; Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;
let keyId: string;

beforeAll(() => {
  const synthesized = synthesize({ bundle: false });
  ({ stack, template } = synthesized);
  resources = synthesized.template.toJSON().Resources;
  keyId = logicalId(stack.childMatchKey.key);
});

const mentionsKey = (statement: Statement) => JSON.stringify(statement.Resource ?? null).includes(keyId);

/** Every statement of every IAM policy in the template, with the roles it is attached to. */
function policyStatements(): Array<{ roles: string[]; statement: Statement }> {
  const found: Array<{ roles: string[]; statement: Statement }> = [];
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::IAM::Policy') {
      const roles = (resource.Properties.Roles ?? []).map((r: { Ref: string }) => r.Ref);
      for (const statement of resource.Properties.PolicyDocument.Statement) found.push({ roles, statement });
    }
    if (resource.Type === 'AWS::IAM::Role') {
      for (const policy of resource.Properties.Policies ?? []) for (const statement of policy.PolicyDocument.Statement) found.push({ roles: [id], statement });
    }
  }
  return found;
}

describe('the earlier-reports HMAC key', () => {
  it('is an HMAC_256 key for generating and verifying MACs, without rotation (KMS has none for HMAC keys), kept on stack deletion', () => {
    const key = resources[keyId]!;
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', PendingWindowInDays: 30 });
    expect(key.Properties.EnableKeyRotation ?? false).toBe(false);
    expect(key).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('lets notify’s role GenerateMac with it, and nothing else', () => {
    const statements = statementsOfRole(template, stack.notifications.notify.role).filter(mentionsKey);
    expect(statements.map((s) => [s.Effect, actionsOf(s)])).toEqual([['Allow', ['kms:GenerateMac']]]);
    expect(statements[0]!.Resource).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
  });

  it('gives no other role any permission on it (submit, cases, status, … and the deployment’s own roles), nor any kms action on "*"', () => {
    const notifyRole = logicalId(stack.notifications.notify.role);
    const others = policyStatements().filter(({ roles }) => !roles.includes(notifyRole));
    expect(others.length).toBeGreaterThan(10);
    for (const { roles, statement } of others) {
      expect(mentionsKey(statement), `${roles.join(',')}: ${JSON.stringify(statement)}`).toBe(false);
      if (statement.Resource === '*' || (Array.isArray(statement.Resource) && statement.Resource.includes('*'))) {
        expect(actionsOf(statement).filter((a) => a.toLowerCase().startsWith('kms:')), roles.join(',')).toEqual([]);
      }
    }
    for (const fn of [stack.web.functions.submit, stack.web.functions.cases, stack.web.functions.status, stack.reminders.reminders, stack.figures.counter]) {
      expect(statementsOfRole(template, fn.role).filter(mentionsKey), fn.name).toEqual([]);
    }
  });

  it('denies the MAC operations in its key policy to every principal but notify’s role', () => {
    const statements: Statement[] = resources[keyId]!.Properties.KeyPolicy.Statement;
    const deny = statements.find((s) => s.Effect === 'Deny')!;
    expect(actionsOf(deny).sort()).toEqual(['kms:GenerateMac', 'kms:VerifyMac']);
    expect((deny as Statement & { Principal: unknown }).Principal).toEqual({ AWS: '*' });
    expect(deny.Condition).toEqual({ ArnNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': [logicalId(stack.notifications.notify.role), 'Arn'] } } });
    // Besides, only the account's own statement (so that IAM policies apply at all), as for every KMS key.
    expect(statements.filter((s) => s.Effect === 'Allow')).toHaveLength(1);
  });

  it('is in notify’s environment only (CHILD_MATCH_KEY_ID), and no function gets a dev CHILD_MATCH_SECRET', () => {
    const notify = logicalId(stack.notifications.notify.function);
    const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(5);
    for (const [id, fn] of functions) {
      const variables = fn.Properties.Environment?.Variables ?? {};
      expect(variables, id).not.toHaveProperty('CHILD_MATCH_SECRET');
      if (id === notify) expect(variables.CHILD_MATCH_KEY_ID).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      else expect(variables, id).not.toHaveProperty('CHILD_MATCH_KEY_ID');
    }
  });
});

