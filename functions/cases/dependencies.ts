// What the staff API works with, and the real ones it builds when a test gives none (as functions/notify/dependencies.ts).
import { DynamoChildIndex } from '../../core/adapters/dynamodb/child-index.ts';
import { documentClient } from '../../core/adapters/dynamodb/client.ts';
import { reportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import type { ChildIndex } from '../../core/app/ports/child-index.ts';
import { systemClock, type Clock } from '../../core/app/ports/clock.ts';
import type { DirectorySource } from '../../core/app/ports/directory.ts';
import type { ReportStore } from '../../core/app/ports/report-store.ts';
import { runtimeConfig } from '../../core/config/runtime.ts';
import { listCursorSecret } from '../../core/config/secrets.ts';
import { directorySource } from '../../core/directory/source.ts';

export interface CasesDependencies {
  reports: ReportStore;
  directory: DirectorySource;
  clock: Clock;
  /** The key that signs the list's cursors. */
  cursorSecret: () => Promise<string>;
  /** The earlier-reports index (read only: cases never hashes). */
  childIndex?: ChildIndex;
}

export const defaultCasesDependencies = (): CasesDependencies => ({ reports: reportRepository(), directory: directorySource(), clock: systemClock, cursorSecret: listCursorSecret,
  // Lookups read the keys notify recorded on the report: cases holds no hashing key (only notify may use it).
  childIndex: new DynamoChildIndex({ client: documentClient(), tableName: runtimeConfig().TABLE_NAME }),
});

