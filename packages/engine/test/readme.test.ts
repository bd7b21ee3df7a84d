/** The README's parameter tables say exactly what the code declares and the profiles hold. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_PROFILES, DETECTORS, TRACK_PARAMS, type ParamSpecs } from '../src/index.js';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** The rows of the first table after a heading line containing `marker`. */
function table(marker: string): string[][] {
  const lines = README.split('\n');
  const start = lines.findIndex((l) => l.startsWith('### ') && l.includes(marker));
  assert.ok(start >= 0, `README has no section for ${marker}`);
  const rows: string[][] = [];
  let i = start + 1;
  while (i < lines.length && !lines[i]!.startsWith('|')) i++;
  for (; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!.split('|').slice(1, -1).map((c) => c.trim()));
  return rows;
}

function check(marker: string, specs: ParamSpecs, values: (profileId: string) => Record<string, number | null> | false): void {
  const [header, , ...rows] = table(marker);
  assert.deepEqual(header, ['parameter', 'meaning', 'unit', ...BUILT_IN_PROFILES.keys(), 'source'], marker);
  assert.deepEqual(rows.map((r) => r[0]).sort(), Object.keys(specs).map((k) => `\`${k}\``).sort(), `${marker}: parameters`);
  for (const row of rows) {
    const name = row[0]!.slice(1, -1);
    assert.equal(row[2], specs[name]!.unit, `${marker}.${name}: unit`);
    [...BUILT_IN_PROFILES.keys()].forEach((id, k) => {
      const v = values(id);
      assert.ok(v !== false);
      assert.equal(row[3 + k], String(v[name]), `${marker}.${name} in ${id}`);
    });
    assert.ok(row.at(-1)!.length > 0, `${marker}.${name}: source`);
  }
}

test('README tables list every parameter with its unit and each shipped profile value', () => {
  check('`tracks`', TRACK_PARAMS, (id) => BUILT_IN_PROFILES.get(id)!.tracks);
  for (const d of DETECTORS) {
    check(`\`${d.type}\``, d.params, (id) => BUILT_IN_PROFILES.get(id)!.detectors[d.type] as Record<string, number | null> | false);
  }
});

test('README names the default profile', () => {
  assert.match(README, /DEFAULT_PROFILE_ID = 'gfw-2018'/);
});
