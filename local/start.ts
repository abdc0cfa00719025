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
    Staff portal      ${base}/cases     (dev sign-in with any contact in directory/sample.json)
    Directory admin   ${base}/admin     (sign in to the portal first as an administrator, e.g. alva.admin@ekdala.example)
    Mailbox           http://localhost:${sesPort}/   (JSON: http://localhost:${sesPort}/store)
    DynamoDB Local    ${services.dynamoEndpoint}   (table ${app.tableName})

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

main().catch(async (error: unknown) => {
  await stopAllChildren();
  if (error instanceof JavaMissingError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`A port is already in use (${(error as Error).message}): set PORT, DYNAMODB_PORT or SES_PORT to free ports.`);
  } else console.error(error);
  process.exit(1);
});
