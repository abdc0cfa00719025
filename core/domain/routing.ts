// School → area → team. An unknown school goes to the fallback team, flagged, never dropped.
import type { Directory } from '../directory/directory.ts';

export interface Route {
  teamId: string;
  areaId: string | null;
  schoolName: string | null;
  /** True when the school was not in the directory and the fallback team got the report. */
  routedToFallback: boolean;
}

export function routeReport(directory: Directory, schoolId: string): Route {
  const school = directory.schools.find((s) => s.id === schoolId);
  const area = school && directory.areas.find((a) => a.id === school.areaId);
  if (!school || !area) {
    return { teamId: directory.fallbackTeamId, areaId: null, schoolName: null, routedToFallback: true };
  }
  return { teamId: area.teamId, areaId: area.id, schoolName: school.name, routedToFallback: false };
}
