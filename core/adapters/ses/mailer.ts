// Sends email through SES (the v1 SendEmail API: Lambda's SDK and aws-ses-v2-local both speak it).
// Header injection is impossible by construction: every value that becomes a header (subject, display
// name) loses its line breaks and control characters here, and addresses must be plain addresses.
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { runtimeConfig } from '../../config/runtime.ts';
import type { Mailer, OutgoingEmail } from '../../app/ports/mailer.ts';
import { headerSafe } from '../../email/header-safe.ts';

export { headerSafe };

export type { Mailer, OutgoingEmail };

// A plain address: no spaces, angle brackets, quotes, separators or control characters.
const ADDRESS = /^[^\s<>()[\],;:"\\\u0000-\u001f\u007f]+@[^\s<>()[\],;:"\\\u0000-\u001f\u007f@]+$/;

export function assertPlainAddress(address: string): string {
  if (!ADDRESS.test(address) || address.length > 254) throw new Error('not a plain email address');
  return address;
}

/** `Display Name <address>`, the name encoded as an RFC 2047 word when it is not plain ASCII. */
export function formatMailbox(address: string, displayName?: string): string {
  assertPlainAddress(address);
  const name = displayName ? headerSafe(displayName, 100) : '';
  if (!name) return address;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, '')}" <${address}>`;
  return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${address}>`;
}

export interface SesMailerOptions {
  client: SESClient;
  sender: string;
  senderName?: string;
  configurationSet?: string;
}

export class SesMailer implements Mailer {
  readonly #client: SESClient;
  readonly #source: string;
  readonly #configurationSet: string | undefined;

  constructor(options: SesMailerOptions) {
    this.#client = options.client;
    this.#source = formatMailbox(options.sender, options.senderName);
    this.#configurationSet = options.configurationSet;
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.#client.send(
      new SendEmailCommand({
        Source: this.#source,
        Destination: { ToAddresses: [assertPlainAddress(email.to)] },
        Message: {
          Subject: { Data: headerSafe(email.subject), Charset: 'UTF-8' },
          Body: {
            Text: { Data: email.text, Charset: 'UTF-8' },
            Html: { Data: email.html, Charset: 'UTF-8' },
          },
        },
        ...(this.#configurationSet ? { ConfigurationSetName: this.#configurationSet } : {}),
        ...(email.kind ? { Tags: [{ Name: 'email', Value: email.kind.replace(/[^A-Za-z0-9_-]/g, '-') }] } : {}),
      }),
    );
    return { messageId: result.MessageId ?? '' };
  }
}

let shared: SesMailer | undefined;

/** The process's mailer from the runtime settings (SES_ENDPOINT only in local mode and tests). */
export function sesMailer(senderName?: string): SesMailer {
  if (!shared) {
    const config = runtimeConfig();
    const client = new SESClient({
      region: config.AWS_REGION,
      // A send that hangs must fail well inside the claim lease and the function timeout.
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
      ...(config.SES_ENDPOINT
        ? { endpoint: config.SES_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    shared = new SesMailer({
      client,
      sender: config.SENDER_ADDRESS,
      senderName,
      configurationSet: config.SES_CONFIGURATION_SET,
    });
  }
  return shared;
}
