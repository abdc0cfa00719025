// The email ledger: which emails of a report were sent, kept on the report item itself, so that a retried
// stream batch, a duplicate stream record or two consumers at once never send the same email twice. A consultation
// item keeps its own the same way (the `keyOf` option; functions/notify builds both ledgers).
//
// Per email key (e.g. "receipt", "alert:<address>", "escalation#2"):
//   1. claim   SET emailClaims.<key> = "<lease until>#<claim id>"
//              if the report exists, the key is not in sentEmails, and no live claim holds it;
//   2. send    (the caller);
//   3. record  SET sentEmails = list_append(sentEmails, [key]) REMOVE emailClaims.<key>
//              if the key is not in sentEmails yet;
//   or release REMOVE emailClaims.<key> if this claim still holds it (the send failed, so try again later).
//
// A claim's value starts with its expiry as an ISO instant, so "expired" is a string comparison in the
// condition; the random claim id makes a release remove only its own claim. The one window left is a crash
// between SES accepting an email and step 3: then the claim expires and the email may go out a second time.
// Sending exactly once across two systems without a shared transaction is impossible; this keeps the window
// to that one step, which is retried in place before giving up.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import type { ClaimOptions, ClaimResult, EmailLedger } from '../../app/ports/email-ledger.ts';
import { reportKey } from '../../storage/table.ts';

export type { ClaimOptions, ClaimResult, EmailLedger };

export interface DynamoEmailLedgerOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  leaseMs: number;
  /** The item whose ledger this is: a report (the default), or another item that keeps one (a consultation). */
  keyOf?: (id: string) => { pk: string; sk: string };
}

function isConditionFailure(error: unknown): error is ConditionalCheckFailedException {
  return error instanceof ConditionalCheckFailedException || (error as { name?: string }).name === 'ConditionalCheckFailedException';
}

/** The item DynamoDB returned with a failed condition (ALL_OLD), as plain values. */
function oldItem(error: ConditionalCheckFailedException): Record<string, unknown> | undefined {
  const item = (error as { Item?: Record<string, unknown> }).Item;
  if (!item) return undefined;
  try {
    return unmarshall(item as never);
  } catch {
    return undefined;
  }
}

export class DynamoEmailLedger implements EmailLedger {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #leaseMs: number;
  readonly #keyOf: (id: string) => { pk: string; sk: string };

  constructor(options: DynamoEmailLedgerOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#leaseMs = options.leaseMs;
    this.#keyOf = options.keyOf ?? reportKey;
  }

  async claim(reportId: string, key: string, now: Date, options: ClaimOptions = {}): Promise<ClaimResult> {
    const until = new Date(now.getTime() + this.#leaseMs).toISOString();
    const claim = `${until}#${randomUUID()}`;
    // The stream record may be late (a retry, a day-old record): the report's current state decides.
    const open = options.onlyWhileOpen ? ' AND #status <> :closed' : '';
    const attempt = () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: this.#keyOf(reportId),
          UpdateExpression: 'SET emailClaims.#k = :claim',
          ConditionExpression:
            'attribute_exists(pk) AND NOT contains(sentEmails, :key) AND (attribute_not_exists(emailClaims.#k) OR emailClaims.#k < :now)' + open,
          ExpressionAttributeNames: { '#k': key, ...(open ? { '#status': 'status' } : {}) },
          ExpressionAttributeValues: { ':claim': claim, ':key': key, ':now': now.toISOString(), ...(open ? { ':closed': 'closed' } : {}) },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    try {
      try {
        await attempt();
      } catch (error) {
        // An item written before the ledger existed has no emailClaims map to set a key in: add it, then retry.
        if ((error as { name?: string }).name !== 'ValidationException') throw error;
        if (!(await this.#addClaimsMap(reportId))) return { kind: 'gone' };
        await attempt();
      }
      return { kind: 'claimed', claim, until };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const item = oldItem(error) ?? (await this.#read(reportId));
      return this.#whyNot(item, key, options);
    }
  }

  async record(reportId: string, key: string, _claim: string): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: this.#keyOf(reportId),
          UpdateExpression: 'SET sentEmails = list_append(if_not_exists(sentEmails, :none), :one) REMOVE emailClaims.#k',
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(sentEmails, :key)',
          ExpressionAttributeNames: { '#k': key },
          ExpressionAttributeValues: { ':none': [], ':one': [key], ':key': key },
        }),
      );
    } catch (error) {
      // Already recorded (or the report is gone): the ledger says "sent" either way.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async release(reportId: string, key: string, claim: string): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: this.#keyOf(reportId),
          UpdateExpression: 'REMOVE emailClaims.#k',
          ConditionExpression: 'emailClaims.#k = :claim',
          ExpressionAttributeNames: { '#k': key },
          ExpressionAttributeValues: { ':claim': claim },
        }),
      );
    } catch (error) {
      // The claim expired and another consumer took it over: not ours to remove.
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** The ledger part of a report item (for tests and diagnostics). */
  async state(reportId: string): Promise<{ sentEmails: string[]; emailClaims: Record<string, string> } | null> {
    const item = await this.#read(reportId);
    if (!item) return null;
    return {
      sentEmails: (item.sentEmails as string[] | undefined) ?? [],
      emailClaims: (item.emailClaims as Record<string, string> | undefined) ?? {},
    };
  }

  #whyNot(item: Record<string, unknown> | undefined, key: string, options: ClaimOptions): ClaimResult {
    if (!item) return { kind: 'gone' };
    const sent = item.sentEmails as unknown;
    if (Array.isArray(sent) && sent.includes(key)) return { kind: 'already-sent' };
    if (options.onlyWhileOpen && item.status === 'closed') return { kind: 'closed' };
    const claims = (item.emailClaims ?? {}) as Record<string, unknown>;
    const held = claims[key];
    return { kind: 'held', until: typeof held === 'string' ? held.split('#')[0]! : 'unknown' };
  }

  async #read(reportId: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: this.#keyOf(reportId),
        ConsistentRead: true,
        ProjectionExpression: 'pk, sentEmails, emailClaims, #status',
        ExpressionAttributeNames: { '#status': 'status' },
      }),
    );
    return result.Item;
  }

  /** Adds an empty emailClaims map to an existing item that lacks one; false if the item does not exist. */
  async #addClaimsMap(reportId: string): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: this.#keyOf(reportId),
          UpdateExpression: 'SET emailClaims = :empty',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(emailClaims)',
          ExpressionAttributeValues: { ':empty': {} },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.#read(reportId)) !== undefined;
    }
  }
}
