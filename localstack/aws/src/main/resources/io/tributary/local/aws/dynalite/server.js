'use strict';
// Started by io.tributary.local.aws.DynamoEmulator: node server.js <host> <port> [leveldbPath]
// dynalite's own CLI turns port 0 into its default 4567, so this wrapper listens itself and
// prints the bound port. It exits when stdin closes, so a JVM that dies without running its
// shutdown hooks (kill -9) still leaves no orphan node process behind.
const dynalite = require('dynalite');

const [host, portArg, path] = process.argv.slice(2);
const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
if (path) {
  options.path = path;
}
const server = dynalite(options);
server.on('error', (err) => {
  console.error('dynalite failed: ' + err.message);
  process.exit(2);
});
server.listen(Number(portArg), host, () => {
  console.log('TRIBUTARY_DYNALITE_LISTENING ' + server.address().port);
});
// dynalite rethrows a request stream's error (index.js: req.on('error', err => { throw err })), so
// one client killed mid-request (a worker under kill -9, a test stopping a child JVM) would take
// DynamoDB down for every other service. A client that went away is that client's problem only.
process.on('uncaughtException', (err) => {
  if (err && (err.code === 'ECONNRESET' || err.code === 'EPIPE' || err.message === 'aborted')) {
    console.error('a client went away mid-request (' + (err.code || err.message) + '); still serving');
    return;
  }
  console.error('dynalite crashed: ' + (err && err.stack ? err.stack : err));
  process.exit(1);
});
// Ctrl-C in a terminal (SIGINT) and a stop of the whole process group (SIGTERM) reach this
// process too; the JVM that owns it first stops the services that still write to DynamoDB
// (ingest flushing its last chunks), then closes our stdin. So both signals are left to the JVM.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
