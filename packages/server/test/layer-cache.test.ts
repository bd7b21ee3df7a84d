import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { LayerCache, type LayerCodec, type Parsed } from '../src/layers/layer-cache.js';
import { packLayer, packRings, unpackLayer, unpackRings } from '../src/layers/layer-pack.js';
import { readReferenceLayers, zonesFromFile } from '../src/layers/reference.js';

const DATA = new URL('../../../../data/', import.meta.url);

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-layer-cache-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Numbers as the arrays must give them back: every bit, NaN, -0 and infinities included. */
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, -0, Infinity, -Infinity));
const arrays = fc.array(fc.array(anyNumber, { maxLength: 40 }).map((a) => Float64Array.from(a)), { maxLength: 6 });
const meta = fc.jsonValue();

test('layer pack: arrays and meta come back as they went in, bit for bit (property)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), meta, arrays, (kind, m, as) => {
      const back = unpackLayer(kind, packLayer(kind, { meta: m, arrays: as }));
      assert.ok(back !== undefined);
      assert.deepEqual(back.meta, JSON.parse(JSON.stringify(m)));
      assert.equal(back.arrays.length, as.length);
      back.arrays.forEach((a, i) => assert.deepEqual(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(as[i]!.buffer)));
    }),
  );
});

test('layer pack: a truncated or lengthened pack, another kind, or bytes that are not a pack read as none (property)', () => {
  fc.assert(
    fc.property(meta, arrays, fc.nat(), fc.uint8Array({ maxLength: 64 }), (m, as, cut, junk) => {
      const bytes = packLayer('zones.1', { meta: m, arrays: as });
      assert.equal(unpackLayer('zones.1', bytes.subarray(0, cut % bytes.length)), undefined);
      assert.equal(unpackLayer('zones.1', Uint8Array.from([...bytes, ...junk, 0])), undefined);
      assert.equal(unpackLayer('zones.2', bytes), undefined);
      assert.equal(unpackLayer('zones.1', junk), undefined);
    }),
  );
});

test('layer pack: unaligned bytes are read through a copy, to the same numbers', () => {
  const bytes = packLayer('k', { meta: { a: 1 }, arrays: [Float64Array.of(1.5, -0, NaN)] });
  const shifted = new Uint8Array(bytes.length + 3);
  shifted.set(bytes, 3);
  const back = unpackLayer('k', shifted.subarray(3));
  assert.deepEqual([...back!.arrays[0]!], [1.5, -0, NaN]);
});

test('layer pack: rings come back as the same rings; ends that do not fit the values read as none', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.double({ noNaN: true }), { maxLength: 20 }), { maxLength: 8 }), (lists) => {
      const rings = lists.map((l) => Float64Array.from(l));
      const [ends, values] = packRings(rings);
      assert.deepEqual(unpackRings(ends, values), rings);
      if (rings.length > 1) assert.deepEqual(unpackRings(ends, values, 1, 2), [rings[1]]);
    }),
  );
  assert.equal(unpackRings(Float64Array.of(3, 2), new Float64Array(3)), undefined);
  assert.equal(unpackRings(Float64Array.of(4), new Float64Array(3)), undefined);
  assert.equal(unpackRings(Float64Array.of(1.5), new Float64Array(3)), undefined);
});

/** A codec of one array, counting the parses the cache asked for. */
function counting(): { codec: LayerCodec<Float64Array>; parse: (b: Uint8Array) => Parsed<Float64Array>; parses: () => number } {
  let parses = 0;
  return {
    codec: { kind: 'test.1', pack: (a) => ({ meta: null, arrays: [a] }), unpack: ({ arrays }) => arrays[0] },
    parse: (b) => {
      parses++;
      const text = new TextDecoder().decode(b);
      return text.startsWith('bad') ? { ok: false, error: 'bad file' } : { ok: true, value: Float64Array.from(text.split(',').map(Number)) };
    },
    parses: () => parses,
  };
}

/** A file holding `text`, in a scratch folder of its own. */
function fileOf(text: string): string {
  const path = join(scratch(), 'source.txt');
  writeFileSync(path, text);
  return path;
}

test('layer cache: parses a file once, then answers from the pack; a changed byte is parsed again; failures are not kept', () => {
  const dir = join(scratch(), 'nested', 'cache');
  const { codec, parse, parses } = counting();
  const bytes = fileOf;
  const first = new LayerCache(dir);
  assert.deepEqual(first.layer(codec, bytes('1,2,3'), parse), { ok: true, value: Float64Array.of(1, 2, 3) });
  assert.equal(parses(), 1);
  assert.equal(first.written, 1);
  const second = new LayerCache(dir);
  assert.deepEqual(second.layer(codec, bytes('1,2,3'), parse), { ok: true, value: Float64Array.of(1, 2, 3) });
  assert.equal(parses(), 1, 'the second run parsed the same bytes again');
  assert.equal(second.hits, 1);
  assert.match(second.note ?? '', /1 layer\(s\) read from .*, 0 written/);
  assert.deepEqual(second.layer(codec, bytes('1,2,4'), parse), { ok: true, value: Float64Array.of(1, 2, 4) });
  assert.equal(parses(), 2);
  assert.deepEqual(second.layer(codec, bytes('bad'), parse), { ok: false, error: 'bad file' });
  assert.deepEqual(second.layer(codec, bytes('bad'), parse), { ok: false, error: 'bad file' });
  assert.equal(parses(), 4);
  assert.equal(readdirSync(dir).length, 2, 'one pack per good source, nothing left aside');
});

test('layer cache: a damaged pack is parsed over and replaced', () => {
  const dir = scratch();
  const { codec, parse, parses } = counting();
  const source = fileOf('5,6');
  new LayerCache(dir).layer(codec, source, parse);
  const [pack] = readdirSync(dir);
  const path = join(dir, pack!);
  writeFileSync(path, readFileSync(path).subarray(0, 20));
  const again = new LayerCache(dir);
  assert.deepEqual(again.layer(codec, source, parse), { ok: true, value: Float64Array.of(5, 6) });
  assert.equal(parses(), 2);
  assert.equal(again.written, 1);
  assert.deepEqual(new LayerCache(dir).layer(codec, source, parse), { ok: true, value: Float64Array.of(5, 6) });
  assert.equal(parses(), 2);
});

test('layer cache: a folder that cannot be written is said once, and every layer is still read', { skip: process.getuid?.() === 0 ? 'skipped: runs as root, who may write anywhere' : false }, () => {
  const dir = scratch();
  chmodSync(dir, 0o500);
  const { codec, parse } = counting();
  const cache = new LayerCache(join(dir, 'cache'));
  assert.deepEqual(cache.layer(codec, fileOf('7'), parse), { ok: true, value: Float64Array.of(7) });
  assert.match(cache.note ?? '', /cannot write .* \(EACCES\); layers are parsed every run/);
});

test('layer cache: a path that is a file, not a folder, is said in the note and every layer is still read', () => {
  const file = join(scratch(), 'not-a-folder');
  writeFileSync(file, '');
  const { codec, parse } = counting();
  const cache = new LayerCache(file);
  assert.deepEqual(cache.layer(codec, fileOf('8'), parse), { ok: true, value: Float64Array.of(8) });
  assert.match(cache.note ?? '', /cannot write .*; layers are parsed every run/);
});

test('layer cache: a pack that cannot be put in place leaves nothing aside, and the layer is still read', () => {
  const dir = scratch();
  const { codec, parse } = counting();
  const source = fileOf('9,10');
  // A folder where the pack should go: the rename onto it fails, after the pack was written aside.
  const hash = createHash('sha256').update(codec.kind).update(readFileSync(source)).digest('hex');
  mkdirSync(join(dir, `${codec.kind}-${hash}.pack`, 'inside'), { recursive: true });
  const cache = new LayerCache(dir);
  assert.deepEqual(cache.layer(codec, source, parse), { ok: true, value: Float64Array.of(9, 10) });
  assert.match(cache.note ?? '', /cannot write .*; layers are parsed every run/);
  assert.deepEqual(readdirSync(dir), [`${codec.kind}-${hash}.pack`]);
});

test('layer cache: where the environment puts it, and TIDEWATCH_CACHE_DIR=none turns it off', () => {
  assert.equal(LayerCache.fromEnvironment({ TIDEWATCH_CACHE_DIR: '/x/y' }).dir, '/x/y');
  assert.equal(LayerCache.fromEnvironment({ TIDEWATCH_CACHE_DIR: 'none' }).dir, undefined);
  assert.equal(LayerCache.fromEnvironment({ XDG_CACHE_HOME: '/c' }).dir, join('/c', 'tidewatch'));
  assert.match(LayerCache.fromEnvironment({}).dir!, /[/\\]\.cache[/\\]tidewatch$/);
  assert.equal(new LayerCache(undefined).note, 'layer cache: off');
  assert.equal(new LayerCache('/x/y').note, undefined, 'a cache that had nothing to do says nothing');
});

test('shipped layers: the same coastline, anchorages and zones from the cache as parsed from the files', () => {
  const dir = scratch();
  const parsed = readReferenceLayers(DATA.pathname);
  const first = readReferenceLayers(DATA.pathname, new LayerCache(dir));
  const cache = new LayerCache(dir);
  const cached = readReferenceLayers(DATA.pathname, cache);
  assert.ok(parsed.ok && first.ok && cached.ok);
  assert.equal(cache.hits, 2);
  assert.deepEqual(cached.layers.notes, parsed.layers.notes);
  // Answers over the seas the samples cover and anywhere else: coast distances and nearest anchorages.
  const places = fc.sample(fc.tuple(fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })), { numRuns: 300, seed: 7 });
  places.push([60.1, 24.5], [36.13, -5.4], [34.4, -119.8], [25.75, 123.5]);
  for (const [lat, lon] of places) {
    assert.equal(cached.layers.shore!.distanceMetres(lat, lon, 40_000), parsed.layers.shore!.distanceMetres(lat, lon, 40_000), `${lat}, ${lon}`);
    assert.equal(cached.layers.anchorages!.nearestMetres(lat, lon, 40_000), parsed.layers.anchorages!.nearestMetres(lat, lon, 40_000), `${lat}, ${lon}`);
  }
  for (const file of readdirSync(new URL('zones/', DATA))) {
    const path = new URL(`zones/${file}`, DATA).pathname;
    const direct = zonesFromFile(path);
    zonesFromFile(path, new LayerCache(dir));
    const fromPack = zonesFromFile(path, new LayerCache(dir));
    assert.ok(direct.ok && fromPack.ok);
    assert.deepEqual(fromPack.value, direct.value, file);
  }
  // One pack per source: the coastline, the anchorages and each zone file, nothing left aside.
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.pack')).length, readdirSync(dir).length);
  assert.equal(readdirSync(dir).length, 2 + readdirSync(new URL('zones/', DATA)).length);
});

test('zone files: a file that is not JSON, or not zones, says which file and where', () => {
  const dir = scratch();
  mkdirSync(join(dir, 'c'));
  const cache = new LayerCache(join(dir, 'c'));
  const a = join(dir, 'a.geojson');
  const b = join(dir, 'b.geojson');
  writeFileSync(a, '{"type": "Feature');
  writeFileSync(b, '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]}');
  const notJson = zonesFromFile(a, cache);
  assert.ok(!notJson.ok);
  assert.match(notJson.error, /a\.geojson: not JSON: /);
  const notZones = zonesFromFile(b, cache);
  assert.ok(!notZones.ok);
  assert.match(notZones.error, /b\.geojson: \$\.features\[0\]/);
  const absent = zonesFromFile(join(dir, 'absent.geojson'), cache);
  assert.ok(!absent.ok);
  assert.match(absent.error, /^cannot read .*absent\.geojson: ENOENT$/);
  assert.equal(readdirSync(join(dir, 'c')).length, 0);
});
