// The design's example submission body (DESIGN.md, "The submission body"): one copy, used by the tests and
// the benchmarks. A function, so every caller gets its own object to change.
export function exampleSubmission(): {
  schoolId: string;
  urgency: string;
  reporter: Record<string, string>;
  child: Record<string, string>;
  concern: Record<string, unknown>;
  guardiansInformed: string;
} {
  return {
    schoolId: 'ekbacken',
    urgency: 'normal',
    reporter: { name: 'Anna Lind', role: 'Klasslärare', email: 'anna.lind@example.se', phone: '040-123 45 67' },
    child: { firstName: 'Elias', lastName: 'Berg', personalNumber: '20150312-2382', grade: '4' },
    concern: {
      categories: ['absence', 'home-situation'],
      description: 'What was seen or heard, when, by whom.',
      childsOwnWords: '',
      actionsTaken: 'Talked with the guardians on 2026-11-18.',
    },
    guardiansInformed: 'yes',
  };
}
