// The report as the social worker reads it: their words, not the reporter's form labels ("Ditt namn",
// "Beskriv din oro" speak to the teacher filling in the form). Also the words of the team-work audit events.
export const staffWords = {
  sections: { reporter: 'Anmälare', child: 'Barnet', concern: 'Oron', guardians: 'Vårdnadshavare' },
  fields: {
    'reporter.name': 'Anmälarens namn',
    'reporter.role': 'Anmälarens yrkesroll',
    'reporter.email': 'Anmälarens e-post',
    'reporter.phone': 'Anmälarens telefon',
    'child.firstName': 'Förnamn',
    'child.lastName': 'Efternamn',
    'child.personalNumber': 'Personnummer',
    'child.birthDate': 'Födelsedatum',
    'child.grade': 'Årskurs',
    'concern.categories': 'Oron gäller',
    'concern.description': 'Vad anmälaren har sett eller hört',
    'concern.childsOwnWords': 'Barnets egna ord',
    'concern.actionsTaken': 'Vad skolan redan har gjort',
    guardiansInformed: 'Vårdnadshavare informerade',
    guardiansNotInformedReason: 'Varför vårdnadshavarna inte informerats',
  } as Record<string, string>,
  actions: {
    'protection-assessed': 'Skyddsbedömning registrerad',
    'closed-without-feedback': 'Avslutad utan återkoppling',
    assigned: 'Tilldelad',
    unassigned: 'Lämnad tillbaka till teamet',
    forwarded: 'Vidarebefordrad till ett annat team',
    'note-added': 'Arbetsanteckning',
    'case-system-ref-recorded': 'Diarienummer registrerat',
    'reporter-verified': 'Anmälaren verifierad',
    'earlier-reports-looked-up': 'Tidigare anmälningar visade',
  } as Record<string, string>,
  assessments: { 'no-immediate-risk': 'Inget omedelbart skyddsbehov', 'immediate-protection-needed': 'Barnet behöver skydd omedelbart' } as Record<string, string>,
};

/** The staff word for a field, else the form's own label. */
export function fieldWord(name: string, formLabel: (name: string) => string): string {
  return staffWords.fields[name] ?? formLabel(name);
}
