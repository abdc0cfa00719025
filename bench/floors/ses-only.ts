// The SES-only handler of AWS's contact-form samples (API Gateway → Lambda → SES): parse the posted body,
// send one email with its fields, answer 200. The common yardstick the issue compares every function with.
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';

// At module scope, as the samples have it.
const ses = new SESClient({});

export const handler = async (event: { body?: string }): Promise<{ statusCode: number; body: string }> => {
  const { name, email, message } = JSON.parse(event.body ?? '{}') as Record<string, string | undefined>;
  await ses.send(
    new SendEmailCommand({
      Source: process.env.SENDER_ADDRESS,
      Destination: { ToAddresses: [process.env.SENDER_ADDRESS ?? ''] },
      Message: {
        Subject: { Data: `Contact form: ${name}` },
        Body: { Text: { Data: `From: ${name} <${email}>\n\n${message}` } },
      },
    }),
  );
  return { statusCode: 200, body: JSON.stringify({ sent: true }) };
};
