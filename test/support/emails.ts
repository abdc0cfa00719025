// Reading the emails a browser test follows (the alert, the receipt, a notice) from the run's shared local SES:
// wait for the one that matches, and take the link out of it.
import type { StoredEmail } from '../../local/ses.ts';
import type { TestStack } from './local-stack.ts';

/** Polls the mailbox until an email matches; fails naming `what` when none arrives in time. */
export async function waitForEmail(
  stack: Pick<TestStack, 'emails'>,
  match: (email: StoredEmail) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<StoredEmail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await stack.emails()).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no ${what} email within ${timeoutMs} ms`);
}

/** The first link matching `pattern` in the email's text or HTML (HTML's &amp; undone). */
export function linkIn(email: StoredEmail, pattern: RegExp): string {
  const text = `${email.body.text ?? ''}\n${email.body.html ?? ''}`;
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern} in "${email.subject}"`);
  return match[0].replace(/&amp;/g, '&');
}
