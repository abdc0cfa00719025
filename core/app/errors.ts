// What can go wrong in a use case, in the domain's words. The shared HTTP middleware turns each into its answer
// (core/http/middleware.ts): not found → 404, conflict → 409, invalid → 400 with the fields, unavailable → 503.

export interface FieldError {
  /** The field's path in the input, dot-separated ("reporter.email"), or a header's name. */
  path: string;
  message: string;
}

/** No such thing, or one the caller may not know exists (another team's report). */
export class NotFoundError extends Error {
  constructor(message = 'no such report') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The thing is in a state that does not allow this, or someone else changed it first. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The input is wrong; each error names its field. */
export class InvalidInputError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super('the request has invalid fields');
    this.name = 'InvalidInputError';
    this.errors = errors;
  }
}

/** Storage cannot be reached: nothing was saved; the caller may try again. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('storage is unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** The first error of each field: a person fixes one thing at a time per field (a blank text breaks two rules). */
export function firstErrorPerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.path) && seen.add(error.path));
}

/** zod issues → field errors with dotted paths. */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
