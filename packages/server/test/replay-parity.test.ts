/**
 * A differential test against a peer: the server replaying a real bundled
 * sample into its store gives exactly the events `tidewatch replay` writes
 * for the same file (same profile, same shipped layers): same ids, same
 * times, same details.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { builtInProfile, createEngine } from '@tidewatch/engine';
import type { EventRecord, Page } from '@tidewatch/protocol';
import { readReferenceLayers } from '../src/layers/reference.js';
import { engineLayers, PRODUCT_DATA_DIR } from '../src/index.js';
import { getJson, startServer } from './support/server.js';

const SAMPLE = join(PRODUCT_DATA_DIR, 'samples', 'amsa_ais_nmea.txt.gz');
const CLI = fileURLToPath(new URL('../../../cli/bin/tidewatch.js', import.meta.url));
const absent = !existsSync(SAMPLE) ? 'skipped: the bundled sample is absent' : !existsSync(CLI) ? 'skipped: the CLI is not built' : false;

test('replaying the bundled AMSA sample gives the events `tidewatch replay` gives', { skip: absent }, async () => {
  // No layer cache: the command parses the shipped layers as this process does, and leaves the user's cache alone.
  const env = { ...process.env, TIDEWATCH_CACHE_DIR: 'none' };
  const lines = execFileSync(process.execPath, [CLI, 'replay', SAMPLE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024, env }).trim().split('\n');
  // The last line for an id is the episode as it ended.
  const expected = new Map<string, EventRecord>();
  for (const line of lines) {
    const e = JSON.parse(line) as EventRecord & { open?: true };
    delete e.open;
    expected.set(e.id, e);
  }
  assert.ok(expected.size >= 1, 'the sample has events');

  const reference = readReferenceLayers(PRODUCT_DATA_DIR);
  assert.ok(reference.ok);
  const s = await startServer({
    engine: (layers) => createEngine({ profile: builtInProfile('gfw-2018')!, layers: engineLayers(layers, reference.layers) }),
    dataDir: PRODUCT_DATA_DIR,
    sources: [{ kind: 'file-replay', path: SAMPLE, speed: 0 }],
  });
  try {
    await s.server.replaysDone;
    s.server.pipeline.flush();
    const got = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000&order=asc')).body.items;
    assert.deepEqual(
      [...got].sort((a, b) => (a.id < b.id ? -1 : 1)),
      [...expected.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  } finally {
    await s.close();
  }
});
