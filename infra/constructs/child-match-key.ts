// The HMAC key of earlier-report matching (DESIGN.md, "Privacy rules"): the keyed hash of a child's personal number
// and of name + birth date is KMS GenerateMac with this key (core/adapters/kms/kms-keyed-hash.ts). A plain hash of a
// personal number is reversible (about 10⁷ numbers a year), so whoever may call GenerateMac on this key can test
// guesses: only the notify function (the stream consumer that indexes reports) may, never the public submit
// function nor the staff API (cases looks up with the hashes notify stored). The key never leaves KMS.
//
// Rotation: KMS does not rotate HMAC keys (automatic and on-demand rotation are for symmetric encryption keys only),
// and a new key would make every stored hash stop matching: rotating means a new key and re-indexing the reports in
// retention (README, "The earlier-reports key"). The key outlives the stack, like the table whose index it keys.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export class ChildMatchKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'HMAC key of earlier-report matching (keyed hash of a child identity); GenerateMac by the notify function only',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      // Not supported for HMAC keys (KMS rotates symmetric encryption keys only); see the header.
      enableKeyRotation: false,
      // Without it no stored hash can be matched again: it stays when the stack goes, as the table does.
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
  }

  /**
   * kms:GenerateMac on this key for the one role that indexes reports, and in the key policy a deny of the MAC
   * operations to every other principal, so no IAM policy elsewhere in the account (an admin's kms:*) can hash.
   */
  grantGenerateMacOnlyTo(role: iam.IRole): void {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ChildMatchKeyedHash', actions: ['kms:GenerateMac'], resources: [this.key.keyArn] }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'KeyedHashOnlyByNotify',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:GenerateMac', 'kms:VerifyMac'],
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': role.roleArn } },
      }),
    );
  }
}
