// Values that go into an email header (subject, display name) must not break out of it: no CR, LF or
// other control characters. Used by the templates (subjects) and again by the mailer (every header).

// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** A value safe to put in a header: control characters become spaces, whitespace collapses, length is capped. */
export function headerSafe(value: string, maxLength = 200): string {
  const flat = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}
