// Helpers for the infra tests: synthesize the app from a config, write variant configs, read a role's policies.
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createApp } from '../../infra/app.ts';
import type { ConcernIntakeStack } from '../../infra/stack.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const EXAMPLE_CONFIG = join(REPO, 'config/example.json');
export const SAMPLE_DIRECTORY = join(REPO, 'directory/sample.json');

export const exampleConfig = (): Record<string, any> => JSON.parse(readFileSync(EXAMPLE_CONFIG, 'utf8'));
export const sampleDirectory = (): Record<string, any> => JSON.parse(readFileSync(SAMPLE_DIRECTORY, 'utf8'));

const scratch = mkdtempSync(join(tmpdir(), 'infra-test-'));
let written = 0;

/** Writes a config (and, if given, a directory beside it) to a temporary folder; returns the config's path. */
export function writeConfig(config: Record<string, unknown>, directory?: unknown): string {
  const dir = mkdtempSync(join(scratch, `c${written++}-`));
  if (directory !== undefined) {
    writeFileSync(join(dir, 'directory.json'), JSON.stringify(directory));
    config = { ...config, directoryFile: 'directory.json' };
  } else if (typeof config.directoryFile === 'string' && !config.directoryFile.startsWith('/')) {
    config = { ...config, directoryFile: SAMPLE_DIRECTORY };
  }
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export interface Synthesized {
  stack: ConcernIntakeStack;
  template: Template;
  /** The cloud assembly directory (bundled assets are under it). */
  outdir: string;
  app: ReturnType<typeof createApp>['app'];
}

/**
 * Synthesizes the whole app, cdk-nag included (a finding that is not acknowledged throws here).
 * `bundle: false` skips esbuild (the assets are placeholders) for tests that only read the template.
 */
export function synthesize(options: { configFile?: string; bundle?: boolean } = {}): Synthesized {
  const outdir = mkdtempSync(join(scratch, 'cdk.out-'));
  const { app, stack } = createApp({
    configFile: options.configFile ?? EXAMPLE_CONFIG,
    outdir,
    context: options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {},
  });
  app.synth();
  return { app, stack, template: Template.fromStack(stack), outdir };
}

export const logicalId = (construct: IConstruct) => {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return element.stack.getLogicalId(element);
};

export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** Every statement of every policy attached to the role (inline or AWS::IAM::Policy). */
export function statementsOfRole(template: Template, role: IConstruct): Statement[] {
  const id = logicalId(role);
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
  const statements: Statement[] = [];
  for (const resource of Object.values(resources)) {
    if (resource.Type === 'AWS::IAM::Policy' && resource.Properties.Roles.some((r: any) => r.Ref === id)) {
      statements.push(...resource.Properties.PolicyDocument.Statement);
    }
  }
  for (const policy of resources[id]?.Properties.Policies ?? []) statements.push(...policy.PolicyDocument.Statement);
  expect(resources[id]?.Properties.ManagedPolicyArns ?? []).toEqual([]);
  return statements;
}

export const actionsOf = (statement: Statement): string[] => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);
