// `npm test`: the type check, then every vitest suite (unit, integration on the local stack, infra, browser).
import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]): void {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('tsc', ['--noEmit']);
run('vitest', ['run', ...process.argv.slice(2)]);
