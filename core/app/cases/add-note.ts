// Use case: a working note on a report (POST /api/cases/{id}/notes {text} → 201). Notes are the team's own,
// never shown to the reporter; the audit records that a note was added (its number), never its text.
import { noteBodySchema } from '../../domain/case-inputs.ts';
import { addNote as addNoteTo, type WorkingNote } from '../../domain/team-work.ts';
import type { Directory } from '../../directory/directory.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { loadOwnedReport } from './access.ts';
import { actorOnTeam, applyChange, parseInput, type CaseChangeDependencies } from './apply-change.ts';

export async function addNote(
  deps: CaseChangeDependencies,
  staff: StaffIdentity,
  directory: Directory,
  id: string | undefined,
  readInput: () => unknown,
): Promise<{ notes: WorkingNote[] }> {
  await loadOwnedReport(deps.reports, staff, id);
  const { text } = parseInput(noteBodySchema, readInput());
  const report = await applyChange(deps, staff, id, (current) =>
    addNoteTo(current, text, actorOnTeam(directory, staff, current).actor, deps.clock.now()),
  );
  return { notes: report.notes ?? [] };
}
