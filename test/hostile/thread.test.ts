// The reporter's thread under hostile input, on the local stack: the injection and Unicode corpus (and random text
// of every kind) as the team's question and the reporter's message. The oracle is the one body schema: what it
// accepts is stored and read back as parsed (201), anything else is refused naming `text` (400); nothing crashes
// (no 5xx), and nothing runs: the status page shows every text escaped.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadMessageBodySchema } from '../../core/domain/case-inputs.ts';
import { parseStatusKeyring } from '../../core/config/status-keyring.ts';
import { signStatusToken } from '../../core/domain/status-token.ts';
import { anyText, SPECIAL_TEXTS } from '../support/hostile-inputs.ts';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
let sara: string;

beforeAll(async () => {
  stack = await startTestStack();
  sara = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
});
afterAll(async () => {
  await stack?.stop();
});

async function post(path: string, body: unknown, token?: string) {
  const response = await fetch(`${stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

describe('the thread with the injection and Unicode corpus', () => {
  it('stores what the schema accepts exactly, refuses the rest at `text`, never crashes, and runs nothing', async () => {
    const inputs = [...SPECIAL_TEXTS, ...fc.sample(anyText, { seed: 1313, numRuns: 30 })];
    // A thread holds at most 60 entries: a fresh report for each 20 inputs (a question and a message each).
    for (let start = 0; start < inputs.length; start += 20) {
      const id = randomUUID();
      const created = await submit(stack.url, validSubmission({ reporter: { email: `hostile-${id.slice(0, 8)}@ekdala.example` } }), { key: id });
      expect(created.status).toBe(201);
      const token = signStatusToken(id, parseStatusKeyring('local-development-status-secret').current);
      const expected: string[] = [];
      for (const text of inputs.slice(start, start + 20)) {
        const oracle = threadMessageBodySchema.safeParse({ text });
        for (const [path, auth] of [[`/api/cases/${id}/questions`, sara], [`/api/status/${token}/messages`, undefined]] as const) {
          const answer = await post(path, { text }, auth);
          expect(answer.status, `${path} ${JSON.stringify(text).slice(0, 80)}`).toBeLessThan(500);
          if (oracle.success) {
            expect(answer.status, JSON.stringify(text).slice(0, 80)).toBe(201);
            expected.push(oracle.data.text);
          } else {
            // Refused at the field, or (far over the length limit) by the body's size before it is read.
            expect([400, 413], JSON.stringify(text).slice(0, 80)).toContain(answer.status);
            if (answer.status === 400) expect(answer.json.errors.map((e: { path: string }) => e.path)).toContain('text');
          }
        }
      }
      const status = await fetch(`${stack.url}/api/status/${token}`).then((r) => r.json());
      expect(status.thread.map((e: { text: string }) => e.text)).toEqual(expected);
      const page = await fetch(`${stack.url}/status/${token}`).then((r) => r.text());
      expect(page).not.toContain('<script>alert(1)</script>');
      expect(page).not.toContain('<img src=x');
      if (expected.includes('<script>alert(1)</script>')) expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  }, 240_000); // about 120 requests: slow when the whole suite shares the machine
});
