// notify's dependencies: the real ports (ledgers on reports, digests and consultations, SES, the directory, the
// status-link keys, the earlier-reports index), each made only when a test has not given it.
import { documentClient } from '../../core/adapters/dynamodb/client.ts';
import { DynamoEmailLedger } from '../../core/adapters/dynamodb/email-ledger.ts';
import { sesMailer } from '../../core/adapters/ses/mailer.ts';
import type { DeliverEmailsDependencies } from '../../core/app/deliver-emails.ts';
import type { ChildIndexing } from '../../core/app/index-child.ts';
import { DynamoChildIndex } from '../../core/adapters/dynamodb/child-index.ts';
import { hmacKeyedHash } from '../../core/adapters/crypto/hmac-keyed-hash.ts';
import { kmsClient, kmsKeyedHash, type GenerateMacClient } from '../../core/adapters/kms/kms-keyed-hash.ts';
import { logger } from '../../core/observability/logger.ts';
import type { KeyedHash } from '../../core/domain/child-match.ts';
import type { DeliverConsultationEmailsDependencies } from '../../core/app/deliver-consultation-emails.ts';
import { consultationKey, digestKey } from '../../core/storage/table.ts';
import type { EmailLedger } from '../../core/app/ports/email-ledger.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { runtimeConfig } from '../../core/config/runtime.ts';
import { statusLinkKeyring, statusLinkSecret } from '../../core/config/secrets.ts';
import { directorySource } from '../../core/directory/source.ts';
import { concernReportDeadlines } from '../../forms/concern-report/policy.ts';
import { notifyStreamSettings } from './stream-settings.ts';

/** Plus the earlier-reports index and its keyed hash; absent where no key is configured (then nothing is indexed). */
export type NotifyDependencies = DeliverEmailsDependencies & Pick<DeliverConsultationEmailsDependencies, 'consultationLedger' | 'statusSecret'> & {
  childIndexing?: ChildIndexing | null;
};

export const notifySettings = {
  concurrency: 4,
  // Recording a sent email is retried (backoff capped at 1 s) for as long as its claim holds: up to the lease's end
  // less 5 s (~40 s of the 45 s lease; send-through-ledger.ts), at most 60 attempts. A DynamoDB outage between the
  // send and its record would otherwise leave the email unrecorded, and it would go out again after the lease.
  recordAttempts: 60,
};

/** The ledger notify uses: on the report items (or, with digestKey, the digest items), with the stream settings' lease. */
export function notifyLedger(keyOf?: typeof digestKey): DynamoEmailLedger {
  return new DynamoEmailLedger({
    client: documentClient(),
    tableName: runtimeConfig().TABLE_NAME,
    leaseMs: notifyStreamSettings.claimLeaseSeconds * 1000,
    ...(keyOf ? { keyOf } : {}),
  });
}

/**
 * The keyed hash notify indexes children with: KMS GenerateMac in AWS (the stack sets CHILD_MATCH_KEY_ID for notify
 * only), the HMAC with the dev secret in local mode and tests (CHILD_MATCH_SECRET), or none: matching is off.
 */
export function childMatchHash(
  settings: { CHILD_MATCH_KEY_ID?: string; CHILD_MATCH_SECRET?: string },
  kms: () => Promise<GenerateMacClient> = kmsClient,
): KeyedHash | null {
  if (settings.CHILD_MATCH_KEY_ID) return kmsKeyedHash({ client: kms, keyId: settings.CHILD_MATCH_KEY_ID });
  if (settings.CHILD_MATCH_SECRET) return hmacKeyedHash(settings.CHILD_MATCH_SECRET);
  return null;
}

/** The earlier-reports index and its keyed hash; null (said once, when notify's dependencies are made) without a key. */
function defaultChildIndexing(): NotifyDependencies['childIndexing'] {
  // Not configured: nothing to index, and no need for the rest of the settings (tests that give every port).
  if (!process.env.CHILD_MATCH_KEY_ID && !process.env.CHILD_MATCH_SECRET) {
    logger.warn('earlier-reports matching is off: neither CHILD_MATCH_KEY_ID nor CHILD_MATCH_SECRET is set, so no report is indexed');
    return null;
  }
  const config = runtimeConfig();
  return { childIndex: new DynamoChildIndex({ client: documentClient(), tableName: config.TABLE_NAME }), mac: childMatchHash(config)! };
}

/**
 * The ledger on consultation items (the same lease), made on its first use: a batch without consultations (and a
 * test that gives only the report ledger) never needs it.
 */
export function notifyConsultationLedger(): EmailLedger {
  let ledger: DynamoEmailLedger | undefined;
  const real = () =>
    (ledger ??= new DynamoEmailLedger({
      client: documentClient(),
      tableName: runtimeConfig().TABLE_NAME,
      leaseMs: notifyStreamSettings.claimLeaseSeconds * 1000,
      keyOf: consultationKey,
    }));
  return {
    claim: (...args) => real().claim(...args),
    record: (...args) => real().record(...args),
    release: (...args) => real().release(...args),
  };
}

/** The real dependencies, each made only when not given (tests give some and keep the rest). */
export async function resolveNotifyDependencies(given: Partial<NotifyDependencies>): Promise<NotifyDependencies> {
  const directory = given.directory ?? directorySource();
  return {
    mailer: given.mailer ?? sesMailer((await directory.current()).municipality.name),
    ledger: given.ledger ?? notifyLedger(),
    consultationLedger: given.consultationLedger ?? notifyConsultationLedger(),
    digestLedger: given.digestLedger ?? (given.ledger ? undefined : notifyLedger(digestKey)),
    clock: given.clock ?? systemClock,
    directory,
    statusKeys: given.statusKeys ?? statusLinkKeyring,
    statusSecret: given.statusSecret ?? statusLinkSecret,
    publicUrl: given.publicUrl ?? runtimeConfig().PUBLIC_URL,
    policy: given.policy ?? concernReportDeadlines,
    concurrency: given.concurrency ?? notifySettings.concurrency,
    recordAttempts: given.recordAttempts ?? notifySettings.recordAttempts,
    childIndexing: given.childIndexing !== undefined ? given.childIndexing : defaultChildIndexing(),
  };
}

