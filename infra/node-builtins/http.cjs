// node:http for the Lambda bundles, as CommonJS (see infra/bundling.ts, builtinAliases): an ESM import of
// node:http makes Node build a module facade that reads every export, and its lazy WebSocket, CloseEvent and
// MessageEvent exports load undici: tens of milliseconds of every cold start for classes no function uses
// (nodejs/node#57649). getBuiltinModule hands over the same module object without the facade.
module.exports = process.getBuiltinModule('node:http');
