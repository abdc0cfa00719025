// The consultation repository: each consultation its own item (core/storage/table.ts), listed per team through the
// byTeam index. Thin: the domain decides (core/domain/consultation.ts), this stores.
import { isExpired } from './expiry.ts';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { systemClock } from '../../app/ports/clock.ts';
import type { ConsultationStore } from '../../app/ports/consultation-store.ts';
import { runtimeConfig } from '../../config/runtime.ts';
import { consultationExpiresAt, consultationState, type Consultation } from '../../domain/consultation.ts';
import { consultationKey, consultationTeamStatus, reportTable } from '../../storage/table.ts';
import { documentClient } from './client.ts';
import { storageCall, StorageUnavailableError } from './errors.ts';
import { queryAllPages } from './query-pages.ts';

export interface ConsultationRepositoryOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  retentionDays: number;
  /** For filtering expired items (DynamoDB deletes them lazily, DynamoDB Local never does). */
  now?: () => Date;
}

const STORAGE_ATTRIBUTES = ['pk', 'sk', 'teamStatus', 'deadline', 'expiresAt', 'emailClaims', 'sentEmails'];

export function consultationItem(consultation: Consultation, retentionDays: number): Record<string, unknown> {
  const expiresAt = consultationExpiresAt(consultation, retentionDays);
  return {
    ...consultationKey(consultation.id),
    ...consultation,
    [reportTable.indexes.byTeam.partitionKey]: consultationTeamStatus(consultation.teamId, consultationState(consultation)),
    [reportTable.indexes.byTeam.sortKey]: consultation.askedAt,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

export function consultationFromItem(item: Record<string, unknown>): Consultation {
  const consultation = { ...item };
  for (const name of STORAGE_ATTRIBUTES) delete consultation[name];
  return consultation as unknown as Consultation;
}

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || (error as { name?: string }).name === 'ConditionalCheckFailedException';

export class ConsultationRepository implements ConsultationStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #retentionDays: number;
  readonly #now: () => Date;

  constructor(options: ConsultationRepositoryOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#retentionDays = options.retentionDays;
    this.#now = options.now ?? (() => systemClock.now());
  }

  async create(consultation: Consultation): Promise<void> {
    // The ledger's map is there from the start, so notify can claim the alert on it.
    const item = { ...consultationItem(consultation, this.#retentionDays), emailClaims: {} };
    await storageCall(() =>
      this.#client.send(new PutCommand({ TableName: this.#table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  async get(id: string): Promise<Consultation | null> {
    const result = await storageCall(() =>
      this.#client.send(new GetCommand({ TableName: this.#table, Key: consultationKey(id), ConsistentRead: true })),
    );
    return result.Item && !this.#expired(result.Item) ? consultationFromItem(result.Item) : null;
  }

  async listOpen(teamId: string): Promise<Consultation[]> {
    const { items } = await queryAllPages(this.#client, this.#table, {
      IndexName: 'byTeam',
      KeyConditionExpression: '#teamStatus = :teamStatus',
      ExpressionAttributeNames: { '#teamStatus': reportTable.indexes.byTeam.partitionKey },
      ExpressionAttributeValues: { ':teamStatus': consultationTeamStatus(teamId, 'open') },
    });
    return items.filter((item) => !this.#expired(item)).map(consultationFromItem);
  }

  async saveAnswer(answered: Consultation): Promise<boolean> {
    const item = consultationItem(answered, this.#retentionDays);
    // An update, not a put: the ledger's attributes (sentEmails, emailClaims) stay as they are.
    try {
      await storageCall(() =>
        this.#client.send(
          new UpdateCommand({
            TableName: this.#table,
            Key: consultationKey(answered.id),
            UpdateExpression: 'SET answer = :answer, #teamStatus = :teamStatus, expiresAt = :expiresAt',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(answer)',
            ExpressionAttributeNames: { '#teamStatus': reportTable.indexes.byTeam.partitionKey },
            ExpressionAttributeValues: { ':answer': item.answer, ':teamStatus': item.teamStatus, ':expiresAt': item.expiresAt },
          }),
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof StorageUnavailableError && isConditionFailure(error.cause)) return false;
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  #expired(item: Record<string, unknown>): boolean {
    return isExpired(item, this.#now());
  }
}

let defaultRepository: ConsultationRepository | undefined;

export function consultationRepository(): ConsultationRepository {
  if (!defaultRepository) {
    const config = runtimeConfig();
    defaultRepository = new ConsultationRepository({ client: documentClient(), tableName: config.TABLE_NAME, retentionDays: config.RETENTION_DAYS });
  }
  return defaultRepository;
}
