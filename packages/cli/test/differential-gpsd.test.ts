/**
 * Differential test against gpsd: every real NMEA file in the shared data is
 * decoded by `gpsdecode -u -j -s` (gpsd 3.22) and by
 * `tidewatch decode --format gpsd --unscaled`, and the two outputs are compared
 * message by message (parsed JSON; our `tagblock` key aside, gpsd prints none).
 *
 * Where they differ, the difference must belong to one of the classes in
 * `DIFFERENCES`, each established by a check on that very message (often by
 * asking gpsd about the sentence alone), not by a count. Anything else fails
 * the test. The counts compared and per class are reported as diagnostics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AisReceiver, toGpsdJson, type MessageContext } from '@tidewatch/ais';
import { BIN } from './support/command.js';
import { SHARED_DATA, sharedDataAbsent } from './support/shared-data.js';
import { GPSD_TALKERS, GpsdProbes, gpsdAbsent, gpsdecode, gpsdSentence, gpsdSplices } from './support/gpsd.js';


/** Why gpsd and we may print different messages for the same input, and why ours is the right output. */
const DIFFERENCES = {
  gpsd_merges_type24_parts:
    'with -s gpsd still merges a type 24 part B into the part A it holds for that MMSI and prints one record without "part"; we print each part as it arrived (part A was printed on its own before), which is what -s asks for',
  gpsd_splices_fragments:
    'gpsd reassembles by channel and fragment number only, so fragment 2 of one message completes fragment 1 of another sent on the same channel; the record it prints mixes two transmissions. We group by talker, channel and sequence id and reject the broken groups',
  gpsd_loses_interleaved_fragments:
    'the other side of a splice: when another message\'s fragment comes between the fragments of this one on the same channel, gpsd drops them; we keep each group apart (talker, channel, sequence id) and decode it. gpsd decodes the same fragments when they are consecutive',
  gpsd_ignores_talker:
    'gpsd reads only ten talker IDs; receivers also send !BYVDM, !SSVDM, !--VDM, !=IVDM... whose sentences are as valid (checksummed) as !AIVDM, and we decode them',
  gpsd_skips_unterminated_last_line: 'gpsd never reads a last line that has no line ending; we decode it',
  gpsd_refuses_nonstandard_length:
    'gpsd 3.22 refuses payloads of some lengths that transmitters really send (e.g. type 1 with 186 bits); our decoders accept the documented tolerances of each type (see packages/ais/src/messages)',
  gpsd_loses_sentence_after_junk:
    'after a malformed line (e.g. a sentence cut before its checksum) gpsd\'s lexer also swallows the next, valid sentence; gpsd itself decodes that sentence when it stands alone',
  gpsd_reads_one_sentence_per_line:
    'several sentences glued on one line (tag block, sentence, tag block, sentence): gpsd reads the first; we read each, every one vouched for by its own checksum',
  we_read_sentence_after_prefix:
    'our receiver reads a checksummed sentence after whatever a logger put before it on the line (a timestamp, a port name, a comment mark: gpsd\'s own sample quotes sentences in "#" comment lines); gpsd drops such lines. The sentence\'s checksum vouches for it',
  gpsd_decodes_truncated_payload:
    'gpsd decodes payloads shorter than their type by reading zeros past the end, inventing field values; we reject them as too_short (nothing is decoded from a truncated payload)',
  gpsd_decodes_overlong_payload:
    'gpsd decodes payloads longer than their type allows, ignoring the excess; we reject them as too_long beyond the tolerances documented per type, as they are not what the type says',
  gpsd_accepts_missing_checksum:
    'gpsd takes a sentence without its *hh checksum as valid; such lines are mostly cut short in logging and nothing vouches for their payload, so we reject them as missing_checksum',
  gpsd_ignores_bad_tag_block:
    'gpsd decodes the sentence behind a malformed NMEA 4.0 tag block; we reject the line (bad_tag_block): its time and source cannot be trusted, and the line is damaged',
} as const;
type Difference = keyof typeof DIFFERENCES;

/** Standard payload length per message type, where a type has one. */
const STANDARD_BITS: Readonly<Record<number, number>> = { 1: 168, 2: 168, 3: 168, 4: 168, 5: 424, 9: 168, 10: 72, 11: 168, 18: 168, 19: 312, 22: 168, 23: 160, 27: 96 };

/** Every real NMEA file in the shared data, gunzipped, each content once. */
function realNmeaFiles(): Array<{ name: string; bytes: Buffer }> {
  const roots = ['ais-conformance', 'ais-samples'].map((d) => join(SHARED_DATA, d));
  const seen = new Set<string>();
  const files: Array<{ name: string; bytes: Buffer }> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      if (!/\.(nmea|aivdm|nm4|log|txt)(\.gz)?$/.test(entry)) continue;
      const raw = readFileSync(path);
      const bytes = entry.endsWith('.gz') ? gunzipSync(raw) : raw;
      // Only files with AIS sentences (not JSON, CSV, hex dumps or benchmark results).
      if (!/!..VD[MO],/.test(bytes.subarray(0, 65536).toString('latin1'))) continue;
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      files.push({ name: path.slice(SHARED_DATA.length), bytes });
    }
  };
  for (const root of roots) walk(root);
  return files;
}

interface Ours {
  json: string;
  context: MessageContext;
}

/** Our decode, in process, with the context of each message (same order as the command's output). */
function decodeWithContext(lines: readonly string[]): { messages: Ours[]; rejected: Map<number, string> } {
  const messages: Ours[] = [];
  const rejected = new Map<number, string>();
  const rx = new AisReceiver({
    message: (m, context) => messages.push({ json: canonical(toGpsdJson(m, { scaled: false })), context: { ...context } }),
    reject: (r) => rejected.set(r.line, r.reason),
  });
  for (const l of lines) rx.pushLine(l);
  rx.end();
  return { messages, rejected };
}

function canonical(line: string): string {
  const json = JSON.parse(line) as Record<string, unknown>;
  delete json['tagblock'];
  return JSON.stringify(json);
}

const countOf = (list: readonly string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const k of list) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/** `a` minus `b`, as multisets. */
function minus(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of a) if (n > (b.get(k) ?? 0)) out.set(k, n - (b.get(k) ?? 0));
  return out;
}

/** Sentences of our receiver's grammar in a line (tag blocks aside). */
const SENTENCE = /[!$]([A-Z0-9=-]{2})VD[MO],(\d),(\d),(\d*),([^,]*),([^,]*),(\d)[^*\\]*\*[0-9A-Fa-f]{2}/g;

interface FileResult {
  name: string;
  compared: number;
  classes: Map<Difference, number>;
  unexplained: string[];
}

function compareFile(name: string, bytes: Buffer, dir: string): FileResult {
  const path = join(dir, 'input.nmea');
  writeFileSync(path, bytes);
  const text = bytes.toString('latin1');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const unterminated = !text.endsWith('\n');

  const run = spawnSync(process.execPath, [BIN, 'decode', '--format', 'gpsd', '--unscaled', path], { maxBuffer: 1 << 30, encoding: 'latin1' });
  assert.ok(run.status === 0, `${name}: tidewatch exit ${run.status}`);
  const ours = run.stdout.split('\n').filter((l) => l !== '').map(canonical);
  const { messages, rejected } = decodeWithContext(lines);
  assert.deepEqual(ours, messages.map((m) => m.json), `${name}: the command prints what the library decodes`);

  const gpsd = gpsdecode(['-u', '-j', '-s'], bytes).flatMap((l) => {
    const json = JSON.parse(l) as { class: string };
    return json.class === 'AIS' ? [JSON.stringify(json)] : [];
  });
  const ourCount = countOf(ours);
  const gpsdCount = countOf(gpsd);
  const onlyOurs = minus(ourCount, gpsdCount);
  const onlyGpsd = minus(gpsdCount, ourCount);
  const result: FileResult = { name, compared: 0, classes: new Map(), unexplained: [] };
  for (const [k, n] of ourCount) result.compared += Math.min(n, gpsdCount.get(k) ?? 0);
  const explain = (d: Difference, n = 1): void => void result.classes.set(d, (result.classes.get(d) ?? 0) + n);
  const take = (m: Map<string, number>, k: string): void => {
    const n = m.get(k)! - 1;
    if (n === 0) m.delete(k);
    else m.set(k, n);
  };

  // gpsd's merged type 24 record pairs with our part B: same MMSI, same part B fields, plus the part A name.
  for (const g of [...onlyGpsd.keys()]) {
    const merged = JSON.parse(g) as Record<string, unknown>;
    if (merged['type'] !== 24 || 'part' in merged || !('shipname' in merged) || !('shiptype' in merged)) continue;
    const { shipname: _name, ...rest } = merged;
    const partB = JSON.stringify(Object.fromEntries(Object.entries(rest).flatMap(([k, v]) => (k === 'scaled' ? [[k, v], ['part', 'B']] : [[k, v]]))));
    while (onlyGpsd.has(g) && onlyOurs.has(partB)) {
      take(onlyGpsd, g);
      take(onlyOurs, partB);
      explain('gpsd_merges_type24_parts');
    }
  }

  // Messages only we print: find why gpsd did not, on one of the lines that made the message.
  const instances = new Map<string, Ours[]>();
  for (const m of messages) if (onlyOurs.has(m.json)) instances.set(m.json, [...(instances.get(m.json) ?? []), m]);
  const probes = new GpsdProbes();
  const pending: Array<{ key: string; checks: Array<(answers: string[][]) => Difference | undefined> }> = [];
  for (const [key, n] of onlyOurs) {
    for (let i = 0; i < n; i++) {
      const checks = instances.get(key)!.map((m) => whyGpsdMissed(m, lines, unterminated, probes));
      pending.push({ key, checks });
    }
  }

  // Messages only gpsd prints: splices, and lines we rejected that gpsd decodes.
  const spliceProbes = gpsdSplices(lines).map((group) => ({ group, probe: probes.add(group.map((s) => s.text).join('\n')) }));
  const rejectedProbes = [...rejected]
    .filter(([, reason]) => reason !== 'other_sentence' && reason !== 'not_ais')
    .map(([line, reason]) => ({ reason, probe: probes.add(lines[line - 1]!) }));

  const answers = probes.run();
  for (const { key, checks } of pending) {
    const d = checks.map((c) => c(answers)).find((x) => x !== undefined);
    if (d === undefined) result.unexplained.push(`${name}: only ours: ${key}`);
    else explain(d);
  }
  const spliced = new Set(spliceProbes.flatMap(({ probe }) => answers[probe]!));
  const byReason = new Map<string, string>();
  for (const { reason, probe } of rejectedProbes) for (const g of answers[probe]!) if (!byReason.has(g)) byReason.set(g, reason);
  const REASON_CLASS: Readonly<Record<string, Difference>> = {
    too_short: 'gpsd_decodes_truncated_payload',
    too_long: 'gpsd_decodes_overlong_payload',
    missing_checksum: 'gpsd_accepts_missing_checksum',
    bad_tag_block: 'gpsd_ignores_bad_tag_block',
  };
  for (const [g, n] of onlyGpsd) {
    const d = spliced.has(g) ? 'gpsd_splices_fragments' : REASON_CLASS[byReason.get(g) ?? ''];
    if (d === undefined) result.unexplained.push(`${name}: only gpsd (${n}): ${g}`);
    else explain(d, n);
  }
  return result;

  /** A check, run after the probes, of why gpsd did not print message `m` (undefined: not explained by this instance). */
  function whyGpsdMissed(m: Ours, lines: readonly string[], unterminated: boolean, probes: GpsdProbes): (answers: string[][]) => Difference | undefined {
    const c = m.context;
    if (unterminated && c.line === lines.length) return () => 'gpsd_skips_unterminated_last_line';
    const group = groupSentences(lines, c);
    if (group.some((s) => !GPSD_TALKERS.has(s.talker) || s.lead !== '!')) return () => 'gpsd_ignores_talker';
    const alone = probes.add(group.map((s) => s.text).join('\n'));
    const ownLines = [...new Set(group.map((s) => s.line))];
    const asLines = probes.add(ownLines.map((l) => lines[l - 1]).join('\n'));
    const first = ownLines[0]!;
    const withPrevious = first > 1 ? probes.add(lines.slice(first - 2, first).join('\n') + '\n' + ownLines.slice(1).map((l) => lines[l - 1]).join('\n')) : -1;
    return (answers) => {
      const printed = (p: number): boolean => p >= 0 && answers[p]!.includes(m.json);
      if (!printed(alone)) {
        const type = (JSON.parse(m.json) as { type: number }).type;
        const bits = group.reduce((n, s) => n + s.payload.length * 6, 0) - group[group.length - 1]!.fill;
        return STANDARD_BITS[type] !== undefined && bits !== STANDARD_BITS[type] ? 'gpsd_refuses_nonstandard_length' : undefined;
      }
      if (group.length > 1 && interleaved(lines, group)) return 'gpsd_loses_interleaved_fragments';
      if (!printed(asLines)) {
        if (group.some((s) => s.glued)) return 'gpsd_reads_one_sentence_per_line';
        if (group.some((s) => s.prefixed)) return 'we_read_sentence_after_prefix';
        return undefined;
      }
      if (group.length === 1 && withPrevious >= 0 && !printed(withPrevious)) return 'gpsd_loses_sentence_after_junk';
      return undefined;
    };
  }
}

/** Another sentence gpsd reads into the same reassembly slot between a group's first and last fragment. */
function interleaved(lines: readonly string[], group: readonly OurSentence[]): boolean {
  const first = group[0]!.line;
  const last = group[group.length - 1]!.line;
  const slot = gpsdSentence(lines[first - 1]!, first)?.slot;
  for (let l = first + 1; l < last; l++) {
    if (group.some((s) => s.line === l)) continue;
    if (gpsdSentence(lines[l - 1]!, l)?.slot === slot) return true;
  }
  return false;
}

interface OurSentence {
  text: string;
  line: number;
  lead: string;
  talker: string;
  payload: string;
  fill: number;
  /** Not the first sentence of its line. */
  glued: boolean;
  /** Something other than a tag block before it on its line. */
  prefixed: boolean;
}

/** The sentences that made a message: its last fragment's line, and the earlier fragments (same talker slot, channel, sequence id) before it. */
function groupSentences(lines: readonly string[], c: MessageContext): OurSentence[] {
  const found: OurSentence[] = [];
  let want = c.fragments;
  for (let l = c.line; l >= 1 && l > c.line - 200 && want > 0; l--) {
    const matches = [...lines[l - 1]!.matchAll(SENTENCE)].reverse();
    for (const s of matches) {
      const [text, talker, count, number, , channel, payload, fill] = s;
      if (Number(count) !== c.fragments || Number(number) !== want || channel !== c.channel) continue;
      const before = lines[l - 1]!.slice(0, s.index);
      const glued = /[!$]..VD[MO],/.test(before);
      const prefixed = !glued && before.replace(/^\\[^\\]*\\/, '') !== '';
      found.unshift({ text, line: l, lead: text[0]!, talker: talker!, payload: payload!, fill: Number(fill), glued, prefixed });
      want--;
      if (want === 0) break;
    }
  }
  return found;
}

test('tidewatch decode --format gpsd --unscaled against gpsdecode -u -j -s on every real NMEA sample', { skip: sharedDataAbsent || gpsdAbsent }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-gpsd-'));
  try {
    const files = realNmeaFiles();
    assert.ok(files.length >= 20, `${files.length} files`);
    const totals = new Map<Difference, number>();
    const unexplained: string[] = [];
    let compared = 0;
    for (const { name, bytes } of files) {
      const r = compareFile(name, bytes, dir);
      compared += r.compared;
      for (const [d, n] of r.classes) totals.set(d, (totals.get(d) ?? 0) + n);
      unexplained.push(...r.unexplained);
      t.diagnostic(`${name}: ${r.compared} identical${[...r.classes].map(([d, n]) => `, ${n} ${d}`).join('')}`);
    }
    t.diagnostic(`${files.length} files, ${compared} messages identical to gpsd's`);
    for (const [d, n] of [...totals].sort()) t.diagnostic(`${d}: ${n} (${DIFFERENCES[d]})`);
    assert.deepEqual(unexplained.slice(0, 20), [], `${unexplained.length} unexplained differences`);
    assert.ok(compared > 40000, `${compared} messages compared`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the classes hold on a splice built from real sentences: gpsd joins two messages, we keep the whole one', { skip: gpsdAbsent }, () => {
  // Two type 5 messages received on channel A by the Danish network (data/samples/dma_stream_example.nmea,
  // lines 84-85 and 147-148), with the first fragment of the second lost: gpsd completes the first
  // message's fragment 1 with the second's fragment 2 (same length), then drops the real fragment 2.
  const input = [
    '!AIVDM,2,1,5,A,53`eSP025ij108M:221<D60`4<f222222222220Q000005?G0>5CQ1D`,0*39',
    '!ABVDM,2,2,9,A,000000000000000,2*26',
    '!AIVDM,2,2,5,A,53mp88888888880,2*3A',
  ].join('\n') + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-gpsd-'));
  try {
    const r = compareFile('constructed splice', Buffer.from(input, 'latin1'), dir);
    assert.deepEqual(r.unexplained, []);
    assert.deepEqual(Object.fromEntries(r.classes), { gpsd_splices_fragments: 1, gpsd_loses_interleaved_fragments: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
