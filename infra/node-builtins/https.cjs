// node:https for the Lambda bundles, as CommonJS: see http.cjs beside this file.
module.exports = process.getBuiltinModule('node:https');
