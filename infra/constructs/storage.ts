// The reports table, built from the one declaration in core/storage/table.ts, its customer-managed key, and the
// secret that signs reporters' status links. The table and the key outlive the stack: the data is about children.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { CHILD_INDEX_PREFIX, CONSULTATION_PREFIX, DIRECTORY_PARTITION, FIGURES_PREFIX, keyAttributes, reportTable, type IndexName } from '../../core/storage/table.ts';
import { acknowledge } from '../nag.ts';

export interface StorageProps {
  /** @default RETAIN: deleting the stack never deletes reports */
  readonly removalPolicy?: RemovalPolicy;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/** Item-level DynamoDB actions a function may be granted; there is deliberately no Scan and no batch read. */
export type ItemAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'ConditionCheckItem';

export interface TableAccess {
  readonly items?: ItemAction[];
  /** Query on the table itself ('table') and/or on named indexes. */
  readonly query?: ('table' | IndexName)[];
  /**
   * Writes may not ask for the item as it was (`ReturnValues` other than NONE), so a write-only function cannot
   * read an existing item through a write. IAM documents the `dynamodb:ReturnValues` key for this; it has none for
   * `ReturnValuesOnConditionCheckFailure` (see README, "Security notes").
   */
  readonly writesReturnNothing?: boolean;
}

export class Storage extends Construct {
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly statusLinkSecret: secretsmanager.Secret;
  readonly listCursorSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StorageProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.key = new kms.Key(this, 'DataKey', {
      description: 'Concern reports: the table, its stream and the status link secret',
      enableKeyRotation: true,
      // Without the key a retained table cannot be read: it stays as long as the table does.
      removalPolicy,
      pendingWindow: Duration.days(30),
    });

    const attributeNames = new Set(keyAttributes());
    const attribute = (name: string): dynamodb.Attribute => {
      if (!attributeNames.has(name)) throw new Error(`${name} is not a key attribute of the report table`);
      return { name, type: dynamodb.AttributeType.STRING };
    };

    this.table = new dynamodb.Table(this, 'Reports', {
      partitionKey: attribute(reportTable.partitionKey),
      sortKey: attribute(reportTable.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection ?? true,
      stream: dynamodb.StreamViewType[reportTable.streamView],
      timeToLiveAttribute: reportTable.ttlAttribute,
      removalPolicy,
    });
    for (const [indexName, index] of Object.entries(reportTable.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.statusLinkSecret = new secretsmanager.Secret(this, 'StatusLinkSecret', {
      description: 'HMAC key that signs the status links mailed to reporters',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // The portal list's cursors (core/domain/cursor.ts): only cases reads it. A cursor lives minutes, so rotating
    // it costs a reload at most; it is still not rotated automatically (no rotation Lambda for one HMAC key).
    this.listCursorSecret = new secretsmanager.Secret(this, 'ListCursorSecret', {
      description: 'HMAC key that signs the portal list cursors',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(this.listCursorSecret, 'AwsSolutions-SMG4',
      'The secret is the HMAC key of list cursors that live for minutes; rotating it by hand only makes open lists start again from the first page.');
    acknowledge(this.statusLinkSecret, 'AwsSolutions-SMG4',
      'The secret is the keyring of the status links already mailed to reporters: an automatic rotation would replace ' +
        'it and break every link still in use. Keys are rotated by hand through the keyring (key ids, older keys kept ' +
        'for the retention period; README, "Rotating the status-link key").');
  }

  /** ARN of one of the shared table's indexes. */
  indexArn(index: IndexName): string {
    return `${this.table.tableArn}/index/${index}`;
  }

  /**
   * Grants exactly these item actions on the table and Query on exactly these targets (the table itself and/or
   * named indexes), plus what the customer-managed key requires for them, through DynamoDB only:
   * kms:Decrypt to read, and kms:Encrypt and kms:GenerateDataKey as well to write.
   */
  grantTable(grantee: iam.IGrantable, access: TableAccess): void {
    const items = access.items ?? [];
    const query = access.query ?? [];
    if (items.length) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'ReportItems',
          actions: items.map((action) => `dynamodb:${action}`),
          resources: [this.table.tableArn],
          ...(access.writesReturnNothing ? { conditions: { StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' } } } : {}),
        }),
      );
    }
    if (query.length) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'ReportQueries',
          actions: ['dynamodb:Query'],
          resources: query.map((target) => (target === 'table' ? this.table.tableArn : this.indexArn(target))),
        }),
      );
    }
    const writes = items.some((action) => action === 'PutItem' || action === 'UpdateItem');
    // Report access never includes the directory: only the administrators' function writes it.
    if (writes) this.denyDirectoryWrites(grantee);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReportTableKey',
        actions: writes ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.key.stack.region}.amazonaws.com` } },
      }),
    );
  }

  /**
   * Read access to the directory's items and nothing else: GetItem only where every leading key is the directory's
   * partition (dynamodb:LeadingKeys). For the public functions (web, submit), so "submit cannot read reports" holds.
   */
  grantDirectoryRead(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DirectoryItems',
        actions: ['dynamodb:GetItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DIRECTORY_PARTITION] } },
      }),
    );
    this.#grantKeyForDirectory(grantee, ['kms:Decrypt']);
  }

  /**
   * The administrators' function: read, write and list the directory's versions (its partition only), and count a
   * team's open reports on the byTeam index (dynamodb:Select COUNT: it learns whether there are any, never what).
   */
  grantDirectoryAdministration(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DirectoryVersions',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DIRECTORY_PARTITION] } },
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'CountOpenReports',
        actions: ['dynamodb:Query'],
        resources: [this.indexArn('byTeam')],
        conditions: { StringEquals: { 'dynamodb:Select': 'COUNT' } },
      }),
    );
    this.#grantKeyForDirectory(grantee, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
  }

  /**
   * For every function granted report writes (grantTable does it): an explicit deny on the directory's partition,
   * so only the administrators' function (and the deployment's seed) can change who sees what.
   */
  denyDirectoryWrites(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'NoDirectoryWrites',
        effect: iam.Effect.DENY,
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAnyValue:StringEquals': { 'dynamodb:LeadingKeys': [DIRECTORY_PARTITION] } },
      }),
    );
  }

  /**
   * The figures' items only (dynamodb:LeadingKeys FIGURES#*): the counter reads and writes its rows and counted
   * states (GetItem, and PutItem/UpdateItem inside its transactions); the stats function only queries rows.
   * Neither can touch a report or the directory.
   */
  grantFigures(grantee: iam.IGrantable, access: 'count' | 'read'): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'FiguresItems',
        actions: access === 'count' ? ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] : ['dynamodb:Query'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${FIGURES_PREFIX}*`] } },
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'FiguresTableKey',
        actions: access === 'count' ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.key.stack.region}.amazonaws.com` } },
      }),
    );
  }

  /**
   * The public consultation function: PutItem of consultation items only (every leading key CONSULTATION#…), asking
   * for nothing back. It can read no consultation and no report.
   */
  grantConsultationWrite(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ConsultationWrites',
        actions: ['dynamodb:PutItem'],
        resources: [this.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${CONSULTATION_PREFIX}*`] },
          StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
        },
      }),
    );
    this.denyDirectoryWrites(grantee);
    this.#grantKey(grantee, 'ConsultationWriteKey', ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
  }

  /**
   * The consultations function (the team's list and answer, the asker's link): GetItem and UpdateItem of consultation
   * items, and Query on byTeam where the index's partition is a consultation one (CONSULTATION#<team>#<state>),
   * so it never reads a report.
   */
  grantConsultationTeamAccess(grantee: iam.IGrantable): void {
    const consultationsOnly = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${CONSULTATION_PREFIX}*`] } };
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ConsultationItems',
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [this.table.tableArn],
        conditions: consultationsOnly,
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ConsultationQueries',
        actions: ['dynamodb:Query'],
        resources: [this.indexArn('byTeam')],
        conditions: consultationsOnly,
      }),
    );
    this.denyDirectoryWrites(grantee);
    this.#grantKey(grantee, 'ConsultationTableKey', ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
  }

  #grantKey(grantee: iam.IGrantable, sid: string, actions: string[]): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid,
        actions,
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.key.stack.region}.amazonaws.com` } },
      }),
    );
  }

  #grantKeyForDirectory(grantee: iam.IGrantable, actions: string[]): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DirectoryTableKey',
        actions,
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.key.stack.region}.amazonaws.com` } },
      }),
    );
  }

  /**
   * Writes of the earlier-reports index (issue 12): PutItem only on items whose partition key is a child key
   * (CHILD#…, dynamodb:LeadingKeys), never a report or the directory. For notify, which indexes new reports; the
   * key for the table's encryption comes with its grantTable (UpdateItem).
   */
  grantChildIndexWrites(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ChildIndexWrites',
        actions: ['dynamodb:PutItem'],
        resources: [this.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${CHILD_INDEX_PREFIX}*`] },
          StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
        },
      }),
    );
  }

  /** Read access to the list cursor secret (and the key it is encrypted with): the cases function only. */
  grantListCursorSecret(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ListCursorSecret', actions: ['secretsmanager:GetSecretValue'], resources: [this.listCursorSecret.secretArn] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListCursorSecretKey',
        actions: ['kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${this.key.stack.region}.amazonaws.com` } },
      }),
    );
  }

  /** Read access to the status link secret (and the key it is encrypted with). */
  grantStatusLinkSecret(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'StatusLinkSecret',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [this.statusLinkSecret.secretArn],
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'StatusLinkSecretKey',
        actions: ['kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${this.key.stack.region}.amazonaws.com` } },
      }),
    );
  }
}
