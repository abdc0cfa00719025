// cdk-nag 3 runs as CDK validation plugins (registered in infra/app.ts), so `cdk synth` fails on any finding that
// is not acknowledged. Every acknowledgement goes through here and carries a reason.
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

const acknowledged: Acknowledgement[] = [];

/** Acknowledges one cdk-nag finding on a construct (and everything under it), with the reason it is acceptable. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 40) throw new Error(`The acknowledgement of ${id} at ${scope.node.path} needs a real reason.`);
  Validations.of(scope).acknowledge({ id, reason });
  acknowledged.push({ path: scope.node.path, id, reason });
}

/** Every acknowledgement made in this process (for review and tests). */
export function acknowledgements(): readonly Acknowledgement[] {
  return acknowledged;
}
