// Times one cold import of a bundle in this fresh process and prints, as JSON, the wall milliseconds and the
// CPU milliseconds (user + system, all threads) it took. CPU time is far less disturbed by other work on a
// shared machine than wall time. Plain JavaScript on purpose: nothing (no TypeScript stripping) runs in this
// process besides the import.
const cpu = process.cpuUsage();
const start = performance.now();
await import(process.argv[2]);
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }));
