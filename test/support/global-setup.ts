// Starts DynamoDB Local and the local SES once per test run, on free ports, and stops them at the end.
import type { TestProject } from 'vitest/node';
import { freePort, stopAllChildren } from '../../local/processes.ts';
import { startBackingServices, type BackingServices } from '../../local/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
  }
}

let services: BackingServices | undefined;

export async function setup(project: TestProject): Promise<void> {
  services = await startBackingServices({ dynamo: await freePort(), ses: await freePort() });
  project.provide('dynamoEndpoint', services.dynamoEndpoint);
  project.provide('sesEndpoint', services.sesEndpoint);
}

export async function teardown(): Promise<void> {
  await services?.stop();
  await stopAllChildren();
}
