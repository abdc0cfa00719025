// node:stream/web for the Lambda bundles, loaded on first use (see infra/bundling.ts, builtinAliases): @middy/core
// imports ReadableStream from it at top level but uses it only for streaming responses, which no function sends;
// loading the module costs ~3 ms of CPU at every cold start (bench/COLD-START.md). Each export is a getter that
// loads the real module when first read. STREAM_WEB_EXPORTS must list the module's exports (a unit test compares
// it with Node's).
const STREAM_WEB_EXPORTS = [
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableByteStreamController', 'ReadableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController',
  'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'ByteLengthQueuingStrategy',
  'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream',
  'ReadableStreamTee',
];
let real;
const load = () => (real ??= process.getBuiltinModule('node:stream/web'));
for (const name of STREAM_WEB_EXPORTS) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
