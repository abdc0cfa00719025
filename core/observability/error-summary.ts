// One way to put an error in a log line: its name, code and HTTP status, never its message. Messages may carry
// personal data (SES names the refused address: "…identities failed the check: <address>"; a validation
// message may quote a value), and logs carry ids only.
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const cause = (error as { cause?: unknown }).cause;
  const summary = [error.name, typeof code === 'string' ? code : '', status ? `HTTP ${status}` : ''].filter(Boolean).join(' ');
  return cause instanceof Error ? `${summary} (caused by ${errorSummary(cause)})` : summary;
}
