// A month, simulated on DynamoDB Local (see simulation/month.ts): 200 reports, three team behaviours,
// a sweep every simulated hour. `npm run simulate` prints the same figures.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { parseDirectory } from '../../core/directory/directory.ts';
import { SAMPLE_DIRECTORY } from '../../local/app.ts';
import { createTable } from '../../local/dynamodb.ts';
import { simulateMonth } from '../../simulation/month.ts';
import { localDocumentClient } from '../support/dynamodb.ts';

describe('a month, simulated', () => {
  it('every report ends with feedback or is escalated on every working day it is overdue; no reminder twice or after feedback', async () => {
    const endpoint = inject('dynamoEndpoint');
    const tableName = `month-${Date.now()}`;
    await createTable(endpoint, tableName);
    const client = localDocumentClient(endpoint);
    const directory = parseDirectory(JSON.parse(readFileSync(SAMPLE_DIRECTORY, 'utf8')));
    const figures = await simulateMonth({ client, tableName, directory, reports: 200, days: 30 });
    console.log('simulated month:', JSON.stringify({ ...figures, violations: figures.violations.length }));
    expect(figures.violations).toEqual([]);
    expect(figures.reports).toBe(200);
    // The scripted behaviours show up in the figures: silent and late teams are escalated, prompt ones not.
    expect(figures.byBehaviour.silent.escalations).toBeGreaterThan(figures.byBehaviour.silent.reports);
    expect(figures.byBehaviour.prompt.escalations).toBe(0);
    expect(figures.byBehaviour.prompt.feedbackInTime).toBeGreaterThan(0);
    expect(figures.byBehaviour.late.feedbackInTime).toBe(0);
    // Digests: every reminder and escalation in exactly one digest; the silent team's people get fewer emails a day.
    expect(figures.emails.duplicates).toBe(0);
    for (const e of Object.values(figures.emails.byBehaviour)) expect(e.after.emails).toBeLessThanOrEqual(e.before.emails);
    expect(figures.emails.byBehaviour.silent.after.perPersonDay).toBeLessThan(figures.emails.byBehaviour.silent.before.perPersonDay);
    expect(figures.reminders).toBeGreaterThan(0);
    client.destroy();
  }, 240_000);
});
