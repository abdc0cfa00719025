// Times one cold import of a bundle in this fresh process and prints, as JSON, the wall milliseconds and the
// CPU milliseconds (user + system, all threads) it took. CPU time is far less disturbed by other work on a
// shared machine than wall time. Plain JavaScript on purpose: nothing (no TypeScript stripping) runs in this
// process besides the import.
//
// With a third argument "invoke", it then calls the bundle's handler once with an empty event and times that
// first call to its end, success or failure (a floor's first send: credential chain, HTTP handler, the failed
// connection), as firstCallMs.
const cpu = process.cpuUsage();
const start = performance.now();
const module = await import(process.argv[2]);
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
const result = { ms, cpuMs: (used.user + used.system) / 1000 };
if (process.argv[3] === 'invoke') {
  const callStart = performance.now();
  await Promise.resolve(module.handler({})).catch(() => undefined);
  result.firstCallMs = performance.now() - callStart;
}
process.stdout.write(JSON.stringify(result));
