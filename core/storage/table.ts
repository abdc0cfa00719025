// The one table, declared once: the CDK table and the local table are both made from this.
//
// Items:
//   report:      pk = REPORT#<id>      sk = REPORT
//   audit:       pk = REPORT#<id>      sk = AUDIT#<iso time>#<n>
//   submission:  pk = SUBMISSION#<id>  sk = SUBMISSION  (the receipt of a submission id: what a retry is answered
//                with, without the public submit function ever reading a report)
//   directory:   pk = DIRECTORY        sk = CURRENT      (the pointer: the current version's number and a copy of it,
//                                                        so a function's read is one GetItem)
//                pk = DIRECTORY        sk = DIRECTORY#v<n, 6 digits>  (every version, gzip-compressed, who/when/what)
//                One partition: the public functions' IAM condition (dynamodb:LeadingKeys) names exactly it.
//   consultation: pk = CONSULTATION#<id> sk = CONSULTATION (schoolId, teamId, areaId, askedAt top-level: the figures
//                count them per school and month from the stream by this key); in byTeam under
//                teamStatus = CONSULTATION#<teamId>#<open|answered>, deadline = askedAt (never a report's partition)
//   figures:     pk = FIGURES#<YYYY-MM>  sk = ROW#<teamId>#<areaId>#<schoolId>   (a counter row of one month)
//                pk = FIGURES#COUNTED#<REPORT#id | CONSULTATION#id>  sk = COUNTED  (what that subject last added,
//                from which version; it expires with its report). Only the figures' functions reach FIGURES#*.
// Indexes:
//   byTeam (open reports of a team, nearest deadline first):  teamStatus = <teamId>#<open|closed>, deadline = <iso>
//   due    (sparse: only reports with something left to do):   dueBucket = DUE, nextActionAt = <iso>
export const reportTable = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    byTeam: { partitionKey: 'teamStatus', sortKey: 'deadline' },
    due: { partitionKey: 'dueBucket', sortKey: 'nextActionAt' },
  },
  /** The stream carries both images: notify decides from old and new what happened. */
  streamView: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = keyof typeof reportTable.indexes;

export const DUE_BUCKET = 'DUE';

export const reportKey = (id: string) => ({ pk: `REPORT#${id}`, sk: 'REPORT' });
export const submissionKey = (id: string) => ({ pk: `SUBMISSION#${id}`, sk: 'SUBMISSION' });

export const CONSULTATION_PREFIX = 'CONSULTATION#';
export const CONSULTATION_SORT_KEY = 'CONSULTATION';
export const consultationKey = (id: string) => ({ pk: `${CONSULTATION_PREFIX}${id}`, sk: CONSULTATION_SORT_KEY });
/** A team's consultations of one state in the byTeam index (a prefix no team id's report partition can have). */
export const consultationTeamStatus = (teamId: string, state: 'open' | 'answered') => `${CONSULTATION_PREFIX}${teamId}#${state}`;

/** The directory's one partition key: the only leading key the public functions may read. */
export const DIRECTORY_PARTITION = 'DIRECTORY';
export const DIRECTORY_VERSION_PREFIX = 'DIRECTORY#v';
export const directoryCurrentKey = () => ({ pk: DIRECTORY_PARTITION, sk: 'CURRENT' });
export const directoryVersionKey = (version: number) => ({ pk: DIRECTORY_PARTITION, sk: `${DIRECTORY_VERSION_PREFIX}${String(version).padStart(6, '0')}` });

/** The figures' items all start with this: the figures' functions' IAM condition names it (dynamodb:LeadingKeys). */
export const FIGURES_PREFIX = 'FIGURES#';
export const figuresRowKey = (month: string, teamId: string, areaId: string, schoolId: string) => ({
  pk: `${FIGURES_PREFIX}${month}`,
  sk: `ROW#${teamId}#${areaId}#${schoolId}`,
});
export const figuresCountedKey = (subject: string) => ({ pk: `${FIGURES_PREFIX}COUNTED#${subject}`, sk: 'COUNTED' });

/** Items one new report writes: the report, its first audit event and its submission receipt. */
export const ITEMS_PER_NEW_REPORT = 3;
export const auditKey = (id: string, at: string, n: number) => ({
  pk: `REPORT#${id}`,
  sk: `AUDIT#${at}#${String(n).padStart(4, '0')}`,
});

/** Attribute definitions for a CreateTable call or a CDK table: every key attribute is a string. */
export function keyAttributes(): string[] {
  const names = new Set<string>([reportTable.partitionKey, reportTable.sortKey]);
  for (const index of Object.values(reportTable.indexes)) {
    names.add(index.partitionKey);
    names.add(index.sortKey);
  }
  return [...names];
}
