// The school id the concern form sends for "my school is not in the list" (DESIGN.md: `schoolId: "other"` with
// `schoolName`). Declared once, here, for both sides: the form offers it, and the directory refuses it as a school's id,
// or a listed school with it would be taken for an unlisted one.
export const OTHER_SCHOOL = 'other';
