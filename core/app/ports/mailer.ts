// The mailer port: sends one email. The SES adapter implements it (core/adapters/ses/mailer.ts).
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What kind of email this is (alert, receipt…), as an SES message tag for the configuration set's metrics. */
  kind?: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
