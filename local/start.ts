// `npm start`: the whole system on this machine, with real parts. Ctrl-C stops everything.
import { JavaMissingError } from './dynamodb.ts';
import { startApp } from './app.ts';
import { stopAllChildren } from './processes.ts';
import { startBackingServices } from './services.ts';

const port = Number(process.env.PORT ?? 3000);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const sesPort = Number(process.env.SES_PORT ?? 8005);

async function main(): Promise<void> {
  console.log('Starting concern-intake locally…');
  const services = await startBackingServices({ dynamo: dynamoPort, ses: sesPort });
  const app = await startApp({
    port,
    dynamoEndpoint: services.dynamoEndpoint,
    sesEndpoint: services.sesEndpoint,
    log: (line) => console.log(`  ${line}`),
  });
  const base = `http://localhost:${port}`;
  console.log(`
  concern-intake is running locally (DynamoDB Local + local SES, real handlers).

    Concern form      ${base}/          (English: ${base}/en)
    Consultation      ${base}/consultation   (English: ${base}/en/consultation; answered in the portal's "Konsultationsfrågor")
    Staff portal      ${base}/cases     (dev sign-in with any contact in directory/sample.json)
    Directory admin   ${base}/admin     (sign in to the portal first as an administrator, e.g. alva.admin@ekdala.example)
    Mailbox           http://localhost:${sesPort}/   (JSON: http://localhost:${sesPort}/store)
    DynamoDB Local    ${services.dynamoEndpoint}   (table ${app.tableName})

  Local mode is for made-up data on a trusted machine: nothing here is encrypted or signed in for real.
${localExposure(services.dynamoListensOn, dynamoPort)}
  Press Ctrl-C to stop.
`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await app.stop();
    await services.stop();
    await stopAllChildren();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Says plainly who else can reach the data. */
function localExposure(dynamoListensOn: 'loopback' | 'all-interfaces', dynamoPort: number): string {
  if (dynamoListensOn === 'loopback') return '  Everything listens on this machine\'s loopback address only.\n';
  return (
    `  WARNING: DynamoDB Local listens on every network interface (port ${dynamoPort}) without authentication: anyone on\n` +
    '  your network can read and change the table. This Java has no compiler module, which the loopback launcher needs:\n' +
    '  install a JDK (Debian: apt-get install default-jdk-headless) to keep it on loopback, or use a trusted network.\n'
  );
}

main().catch(async (error: unknown) => {
  await stopAllChildren();
  if (error instanceof JavaMissingError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`A port is already in use (${(error as Error).message}): set PORT, DYNAMODB_PORT or SES_PORT to free ports.`);
  } else console.error(error);
  process.exit(1);
});
