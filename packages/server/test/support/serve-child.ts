/**
 * A server in its own process, for the crash test: replays one file into the
 * store in `dataDir`, prints one JSON line when it serves, and stops cleanly
 * on SIGTERM. Usage: node serve-child.js <dataDir> <file> <speed>
 */
import { builtInProfile, createEngine } from '@tidewatch/engine';
import { createServer, engineLayers, openSqliteStore } from '../../src/index.js';

const [dataDir, file, speed] = process.argv.slice(2);
const opened = openSqliteStore(dataDir!);
if (!opened.ok) {
  console.error(opened.error);
  process.exit(2);
}
const store = opened.store;
const server = createServer({
  store,
  engine: (layers) => createEngine({ profile: builtInProfile('rendezvous-fast')!, layers: engineLayers(layers) }),
  port: 0,
  dataDir: null,
  webRoot: null,
  sources: [{ kind: 'file-replay', path: file!, speed: Number(speed) }],
});
const { port, resumed } = await server.start();
console.log(JSON.stringify({ port, resumed }));
process.on('SIGTERM', () => {
  void server.stop().then(() => {
    store.close();
    process.exit(0);
  });
});
