// Generators of hostile and awkward input for the property tests: Unicode of every kind, mutated submission
// bodies, random headers and content types. The oracle is the form's own zod schema: a body the schema accepts
// must be stored and read back as the schema parsed it; any other body must be refused and leave nothing.
import fc from 'fast-check';
import { CATEGORIES } from '../../forms/concern-report/schema.ts';

/** Text people (and attackers) really type: Swedish letters, right-to-left scripts, emoji, invisible characters. */
export const SPECIAL_TEXTS = [
  'Åsa Öberg-Ängström',
  'Märta Ärlig Ödmjuk',
  'مريم الحسن',
  'שרה כהן',
  'Ἀθηνᾶ Παλλάς',
  '李小龍',
  '👩🏽‍🏫 🧒🏻 ❤️‍🩹 🏳️‍🌈',
  'zero\u200bwidth\u200c join\u200d bom\ufeff',
  'e\u0301 a\u0308 o\u0308 (combining)',
  '\u202eevil override\u202c \u2066isolate\u2069',
  'tab\tand\r\nnewline\nand\u2028separator',
  '   padded both sides   ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '" OR 1=1 --',
  '${7*7} {{7*7}} #{7*7}',
  'NUL\u0000BEL\u0007ESC\u001b',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛',
  '\\u0000 \\n literal escapes',
  'lone high \ud800 surrogate',
  'lone low \udc00 surrogate',
  '',
  ' ',
];

/** Strings of every kind: graphemes, the special texts, very long lines. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_TEXTS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...SPECIAL_TEXTS), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 12_000 }).map((n) => 'åäö ÖÄÅ 👩🏽‍🏫 '.repeat(Math.ceil(n / 14)).slice(0, n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
);

/** At most `maxCodePoints` code points (never splits a surrogate pair), so length limits can be met or not on purpose. */
export function fit(text: string, maxCodePoints: number, required: boolean): string {
  let value = Array.from(text).slice(0, maxCodePoints).join('');
  if (required && value.trim() === '') value = `Å${value}`;
  return value;
}

/** A valid Swedish personal number (personnummer or samordningsnummer) in one of its written forms. */
export const personalNumber: fc.Arbitrary<string> = fc
  .record({
    date: fc.date({ min: new Date('2006-01-01T00:00:00Z'), max: new Date('2021-12-31T00:00:00Z'), noInvalidDate: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
    long: fc.boolean(),
  })
  .map(({ date, serial, coordination, long }) => {
    const yyyy = String(date.getUTCFullYear());
    const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(date.getUTCDate() + (coordination ? 60 : 0)).padStart(2, '0');
    const nnn = String(serial).padStart(3, '0');
    const digits = `${yyyy.slice(2)}${mm}${dd}${nnn}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
      if (n > 9) n -= 9;
      sum += n;
    }
    const check = (10 - (sum % 10)) % 10;
    return `${long ? yyyy : yyyy.slice(2)}${mm}${dd}-${nnn}${check}`;
  });

const emails = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('anna.lind@example.se', 'ANNA@EXAMPLE.SE', 'a.b-c_d+tag@skola.ekdala.example', '  padded@example.se  ', 'åsa.öberg@exempel.se') },
  { weight: 1, arbitrary: fc.emailAddress() },
);

/** A body that is valid more often than not, with awkward text in every free-text field. */
export const plausibleBody: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    schoolId: fc.oneof(fc.constantFrom('ekbacken', 'sodervik', 'skolan-som-inte-finns'), anyText.map((t) => fit(t, 30, true))),
    urgency: fc.constantFrom('normal', 'urgent'),
    language: fc.option(fc.constantFrom('sv', 'en'), { nil: undefined }),
    name: anyText,
    role: anyText,
    email: emails,
    phone: fc.option(fc.constantFrom('040-123 45 67', '+46 (0)40 12 34 56', ''), { nil: undefined }),
    firstName: anyText,
    lastName: anyText,
    personalNumber: fc.option(personalNumber, { nil: undefined }),
    birthDate: fc.option(fc.constantFrom('2015-03-12', ''), { nil: undefined }),
    grade: fc.option(anyText.map((t) => fit(t, 10, false)), { nil: undefined }),
    categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 4 }),
    description: anyText,
    childsOwnWords: fc.option(anyText, { nil: undefined }),
    actionsTaken: fc.option(anyText, { nil: undefined }),
    guardiansInformed: fc.constantFrom('yes', 'no', 'unknown'),
    reason: anyText,
  })
  .map((r) => {
    const body: Record<string, unknown> = {
      schoolId: r.schoolId,
      urgency: r.urgency,
      reporter: { name: fit(r.name, 60, true), role: fit(r.role, 60, true), email: r.email, ...(r.phone === undefined ? {} : { phone: r.phone }) },
      child: {
        firstName: fit(r.firstName, 40, true),
        lastName: fit(r.lastName, 40, true),
        ...(r.personalNumber === undefined ? {} : { personalNumber: r.personalNumber }),
        ...(r.birthDate === undefined ? {} : { birthDate: r.birthDate }),
        ...(r.grade === undefined ? {} : { grade: r.grade }),
      },
      concern: {
        categories: r.categories,
        description: fit(r.description, 5_000, true),
        ...(r.childsOwnWords === undefined ? {} : { childsOwnWords: fit(r.childsOwnWords, 2_500, false) }),
        ...(r.actionsTaken === undefined ? {} : { actionsTaken: fit(r.actionsTaken, 2_500, false) }),
      },
      guardiansInformed: r.guardiansInformed,
      ...(r.guardiansInformed === 'no' ? { guardiansNotInformedReason: fit(r.reason, 1_000, true) } : {}),
    };
    if (r.language !== undefined) body.language = r.language;
    return body;
  });

/** Every path a body has, and a few it should not. */
const PATHS = [
  [],
  ['schoolId'],
  ['urgency'],
  ['language'],
  ['reporter'],
  ['reporter', 'name'],
  ['reporter', 'role'],
  ['reporter', 'email'],
  ['reporter', 'phone'],
  ['child'],
  ['child', 'firstName'],
  ['child', 'lastName'],
  ['child', 'personalNumber'],
  ['child', 'birthDate'],
  ['child', 'grade'],
  ['concern'],
  ['concern', 'categories'],
  ['concern', 'categories', '0'],
  ['concern', 'description'],
  ['concern', 'childsOwnWords'],
  ['concern', 'actionsTaken'],
  ['guardiansInformed'],
  ['guardiansNotInformedReason'],
  ['__proto__'],
  ['constructor', 'prototype'],
  ['reporter', '__proto__', 'polluted'],
  ['submissionId'],
  ['extra', 'deep', 'field'],
] as const;

/** Any JSON value, weighted towards the ones that break naive code. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 42.5, '', [], {}, [null], { '': '' }, 'normal', 'urgent', 'yes', 'no', 'absence'),
  fc.integer(),
  fc.double(),
  fc.array(anyText, { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 10, max: 200 }).map((depth) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = { nested: value };
    return value;
  }),
);

export type Mutation =
  | { op: 'set'; path: readonly string[]; value: unknown }
  | { op: 'delete'; path: readonly string[] }
  | { op: 'wrap'; path: readonly string[]; as: 'array' | 'object' }
  | { op: 'replace-body'; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...PATHS.filter((p) => p.length > 0)), value: anyValue }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...PATHS.filter((p) => p.length > 0)) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wrap' as const), path: fc.constantFrom(...PATHS.filter((p) => p.length > 0)), as: fc.constantFrom('array' as const, 'object' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replace-body' as const), value: anyValue }) },
);

/** Applies mutations to a deep copy of the body (own properties only, so "__proto__" is a plain key). */
export function mutate(body: Record<string, unknown>, mutations: Mutation[]): unknown {
  let result: unknown = structuredClone(body);
  for (const m of mutations) {
    if (m.op === 'replace-body') {
      result = structuredClone(m.value);
      continue;
    }
    if (typeof result !== 'object' || result === null) continue;
    let node = result as Record<string, unknown>;
    for (const key of m.path.slice(0, -1)) {
      const next = Object.hasOwn(node, key) ? node[key] : undefined;
      if (typeof next !== 'object' || next === null) {
        const fresh = {};
        Object.defineProperty(node, key, { value: fresh, enumerable: true, writable: true, configurable: true });
        node = fresh;
      } else node = next as Record<string, unknown>;
    }
    const last = m.path.at(-1)!;
    if (m.op === 'delete') delete node[last];
    else {
      const current = Object.hasOwn(node, last) ? node[last] : undefined;
      const value = m.op === 'set' ? structuredClone(m.value) : m.as === 'array' ? [current] : { value: current };
      Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return result;
}

/** Content types a client might send, right and wrong. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/json;charset=ISO-8859-1',
    ' application/json ',
    'application/x-www-form-urlencoded',
    'text/plain',
    'text/html',
    'multipart/form-data; boundary=----x',
    'application/xml',
    'application/json-patch+json',
    '',
    '*/*',
  ),
  fc.constant(undefined),
  fc.stringMatching(/^[a-z]{1,10}\/[a-z0-9.+-]{1,20}(; ?[a-z]+=[a-z0-9-]{1,10})?$/),
);

/** Idempotency keys, right and wrong. */
export const idempotencyKey: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.uuid({ version: 4 }) },
  { weight: 1, arbitrary: fc.uuid({ version: 4 }).map((u) => u.toUpperCase()) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(undefined, '', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'REPORT#x', '" OR 1=1 --', 'x'.repeat(4_000), '../../etc/passwd'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((s) => s.replace(/[\r\n]/g, '')) },
);

/** Extra request headers (names are tokens; values printable ASCII, some long). */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.oneof(
    fc.constantFrom('x-forwarded-for', 'authorization', 'cookie', 'origin', 'referer', 'accept', 'accept-language', 'x-amz-date', 'x-http-method-override', 'transfer-encoding-x'),
    fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
  ),
  fc.oneof(
    fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    fc.constantFrom('Bearer x.y.z', '127.0.0.1, 10.0.0.1', 'DELETE', '<script>', 'a'.repeat(6_000)),
  ),
  { maxKeys: 4 },
);

/** Fields of a urlencoded post: the form's names, dotted nonsense, repeats. */
export const formFields: fc.Arbitrary<Array<[string, string]>> = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        'schoolId',
        'urgency',
        'language',
        'reporter.name',
        'reporter.role',
        'reporter.email',
        'child.firstName',
        'child.lastName',
        'child.personalNumber',
        'concern.categories',
        'concern.description',
        'guardiansInformed',
        'guardiansNotInformedReason',
        'reporter',
        'reporter.name.first',
        '__proto__.polluted',
        'constructor.prototype.polluted',
        'concern.categories.0',
      ),
      fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
    ),
    fc.oneof(anyText, fc.constantFrom('ekbacken', 'normal', 'urgent', 'yes', 'no', 'absence', 'other', 'anna@example.se')),
  ),
  { maxLength: 20 },
);
