// aws-ses-v2-local as the SES endpoint: a mailbox page at its root and every email as JSON at /store.
import { createRequire } from 'node:module';
import { spawnTracked, stopChild, waitForPort } from './processes.ts';

const require = createRequire(import.meta.url);

export interface LocalSes {
  endpoint: string;
  stop: () => Promise<void>;
}

export async function startLocalSes(port: number): Promise<LocalSes> {
  const cli = require.resolve('aws-ses-v2-local/dist/cli.js');
  const child = spawnTracked(process.execPath, [cli, '--port', String(port), '--host', '127.0.0.1']);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  try {
    await waitForPort(port, 30_000, child);
  } catch (error) {
    await stopChild(child);
    throw new Error(`the local SES did not start on port ${port}: ${(error as Error).message}\n${output}`);
  }
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** Every email the local SES has received. */
export async function mailbox(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails;
}
