import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AisReceiver, Reject } from '../src/index.js';
import { RecordingSink, checksum, sentence, tagBlock } from './support/nmea.js';

const TYPE1 = '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A'; // mmsi 371798000
const TYPE5_A = 'AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0';
const TYPE5_B = 'AIVDM,2,2,1,A,88888888880,2'; // with A: mmsi 351759000 "EVER DIADEM"
const OTHER5_A = 'AIVDM,2,1,2,A,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht500000000000000,0';
const OTHER5_B = 'AIVDM,2,2,2,A,0000002,2'; // with A: mmsi 271010059

function run(lines: string[], options = {}): RecordingSink {
  const sink = new RecordingSink();
  const rx = new AisReceiver(sink, options);
  for (const l of lines) rx.pushLine(l);
  rx.end();
  return sink;
}

function withSeq(body: string, seq: string): string {
  const f = body.split(',');
  f[3] = seq;
  return f.join(',');
}

test('a single sentence decodes, with its talker, channel and line', () => {
  const sink = run(['', TYPE1]);
  assert.equal(sink.rejections.length, 0);
  assert.equal(sink.messages.length, 1);
  const { message, context } = sink.messages[0]!;
  assert.equal(message.mmsi, 371798000);
  assert.equal(message.type, 1);
  assert.deepEqual(
    { line: context.line, talker: context.talker, channel: context.channel, formatter: context.formatter, time: context.time },
    { line: 2, talker: 'AI', channel: 'A', formatter: 'VDM', time: undefined },
  );
});

test('any talker, $ or !, VDO, lower-case checksum, CRLF and trailing blanks are accepted', () => {
  const body = 'BSVDO,1,1,,B,15RTgt0PAso;90TKcjM8h6g208CQ,0';
  const lines = [sentence(body) + '\r', sentence(body, '$'), sentence(body) + ' \t', sentence('--VDO,1,1,,B,15RTgt0PAso;90TKcjM8h6g208CQ,0')];
  const sink = run(lines);
  assert.equal(sink.messages.length, 4, JSON.stringify(sink.rejections));
  assert.deepEqual(sink.messages.map((m) => m.context.talker), ['BS', 'BS', 'BS', '--']);
  assert.equal(run([TYPE1.replace(/4A$/, '4a')]).messages.length, 1, 'lower-case checksum digits');
  assert.ok(sink.messages.every((m) => m.context.formatter === 'VDO' && m.context.channel === 'B'));
});

test('each framing fault is rejected with its own reason and the line number', () => {
  const good = 'AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0';
  const cases: Array<[string, string]> = [
    [`!${good}*4B`, Reject.BAD_CHECKSUM],
    [`!${good}`, Reject.MISSING_CHECKSUM],
    [`!${good}*G1`, Reject.MISSING_CHECKSUM],
    // A star where the fill bits go: the sentence ends there, and what follows is no checksum.
    [`!${good.replace(/,0$/, ',')}**4B`, Reject.MISSING_CHECKSUM],
    [sentence(good.replace(/,0$/, ',6')), Reject.BAD_FILL_BITS],
    [sentence(good.replace('15RT', '15R~')), Reject.BAD_ARMOUR],
    [sentence(good.replace('1,1,,A', '0,1,,A')), Reject.BAD_FRAGMENT_HEADER],
    [sentence(good.replace('1,1,,A', '1,2,,A')), Reject.BAD_FRAGMENT_HEADER],
    [sentence(good.replace('1,1,,A', '1,1,12,A')), Reject.BAD_FRAGMENT_HEADER],
    [sentence(good.replace(',A,', ',C,')), Reject.BAD_CHANNEL],
    [sentence('AIVDM,1,1,,A,,0'), Reject.EMPTY_PAYLOAD],
    [sentence('AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0,extra'), Reject.BAD_FIELD_COUNT],
    [sentence('AIVDM,1,1,,A'), Reject.BAD_FIELD_COUNT],
    [sentence('PGHP,1,2010,6,11,11,46,12,386,219,24,992190924,1,12', '$'), Reject.OTHER_SENTENCE],
    ['hello world', Reject.NOT_AIS],
    [`\\c:1527811200*00\\${TYPE1}`, Reject.BAD_TAG_BLOCK],
    [`${tagBlock('c:1527811200')}`, Reject.BAD_TAG_BLOCK],
    [`\\c:1527811200${TYPE1}`, Reject.BAD_TAG_BLOCK],
    ['!' + 'A'.repeat(5000), Reject.LINE_TOO_LONG],
    [sentence('AIVDM,1,1,,A,0,0'), Reject.UNKNOWN_TYPE],
    [sentence('AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g,0'), Reject.TOO_SHORT],
  ];
  for (const [line, reason] of cases) {
    const sink = run([TYPE1, line]);
    assert.equal(sink.messages.length, 1, `${line}: the good line is kept`);
    assert.deepEqual(sink.reasons(), [reason], line);
    assert.equal(sink.rejections[0]!.line, 2, line);
    assert.ok(sink.rejections[0]!.detail.length > 0);
  }
});

test('tag block time (seconds or milliseconds) and source become the message context', () => {
  const sink = run([
    tagBlock('s:sbarc,c:1527811200') + TYPE1,
    tagBlock('c:1599239526500,s:sdr-experiments,T:2020-09-04 18.12.06') + TYPE1,
  ]);
  assert.deepEqual(
    sink.messages.map((m) => [m.context.tagSource, m.context.tagTime, m.context.time]),
    [
      ['sbarc', 1527811200000, 1527811200000],
      ['sdr-experiments', 1599239526500, 1599239526500],
    ],
  );
});

test('receiver metadata after the checksum is accepted and its UNIX time used when there is no tag block', () => {
  const sink = run([`${TYPE1},1328133720012`, `${TYPE1},b003669710,1241544035`, `${TYPE1},s22,d-105,T49.9`]);
  assert.deepEqual(sink.messages.map((m) => m.context.time), [1328133720012, 1241544035000, undefined]);
});

test('receivedAt is the time when nothing in the line gives one', () => {
  const sink = new RecordingSink();
  const rx = new AisReceiver(sink);
  rx.pushLine(TYPE1, 1700000000000);
  rx.pushLine(tagBlock('c:1527811200') + TYPE1, 1700000000000);
  assert.deepEqual(sink.messages.map((m) => m.context.time), [1700000000000, 1527811200000]);
});

test('several sentences glued onto one line are all read', () => {
  const a = tagBlock('c:1662052384,s:FM112') + sentence(TYPE5_A);
  const b = tagBlock('c:1662052384,s:FM112') + sentence(TYPE5_B);
  const sink = run([a + b + sentence('PGHP,1,2010,6,11', '$')]);
  assert.equal(sink.messages.length, 1);
  assert.equal(sink.messages[0]!.message.mmsi, 351759000);
  assert.deepEqual(sink.reasons(), [Reject.OTHER_SENTENCE]);
});

test('comment lines are not traffic, even when they quote a sentence', () => {
  const sink = run([`# e.g. ${TYPE1}`, TYPE1]);
  assert.equal(sink.messages.length, 1);
  assert.equal(sink.messages[0]!.context.line, 2);
  assert.deepEqual(sink.rejections, []);
});

test('a logger prefix before the sentence is skipped', () => {
  const sink = run([`2021-07-01 00:00:00 ${TYPE1}`]);
  assert.equal(sink.messages.length, 1);
});

test('two-sentence messages are reassembled, with the time of their first fragment', () => {
  const sink = run([tagBlock('c:1527811200,g:1-2-901') + sentence(TYPE5_A), tagBlock('g:2-2-901') + sentence(TYPE5_B)]);
  assert.equal(sink.rejections.length, 0, JSON.stringify(sink.rejections));
  assert.equal(sink.messages.length, 1);
  assert.equal(sink.messages[0]!.context.fragments, 2);
  assert.equal(sink.messages[0]!.context.time, 1527811200000);
  assert.equal(sink.messages[0]!.context.line, 2);
});

test('interleaved fragments of two messages on one channel are not spliced', () => {
  // gpsd joins fragment 2 of the second message to fragment 1 of the first; sequence ids tell them apart.
  const sink = run([sentence(TYPE5_A), sentence(OTHER5_A), sentence(OTHER5_B), sentence(TYPE5_B)]);
  assert.equal(sink.rejections.length, 0, JSON.stringify(sink.rejections));
  assert.deepEqual(sink.messages.map((m) => m.message.mmsi).sort(), [271010059, 351759000]);
});

test('a stale orphan fragment is not spliced into the next message', () => {
  // pyais keeps an orphan "2 of 2" and glues it to the next "1 of 2" with the same sequence id.
  const sink = run([sentence(TYPE5_B), sentence(OTHER5_A.replace(',2,A,', ',1,A,')), sentence(OTHER5_B.replace(',2,A,', ',1,A,'))]);
  assert.deepEqual(sink.reasons(), [Reject.ORPHAN_FRAGMENT]);
  assert.deepEqual(sink.messages.map((m) => m.message.mmsi), [271010059]);
});

test('a group restarted before it completed is reported incomplete, the new one decodes', () => {
  const sink = run([sentence(OTHER5_A.replace(',2,A,', ',1,A,')), sentence(TYPE5_A), sentence(TYPE5_B)]);
  assert.deepEqual(sink.reasons(), [Reject.INCOMPLETE_GROUP]);
  assert.equal(sink.rejections[0]!.line, 1);
  assert.deepEqual(sink.messages.map((m) => m.message.mmsi), [351759000]);
});

test('fragments out of order close the group and are rejected; end of input reports open groups', () => {
  const three = (n: number): string => sentence(`AIVDM,3,${n},7,B,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0N,0`);
  const sink = run([three(1), three(3), three(1)]);
  assert.deepEqual(sink.reasons(), [Reject.INCOMPLETE_GROUP, Reject.ORPHAN_FRAGMENT, Reject.INCOMPLETE_GROUP]);
  assert.deepEqual(sink.rejections.map((r) => r.line), [1, 2, 3]);
});

test('truncated multi-sentence payloads are too short, not decoded from zeros', () => {
  const sink = run([sentence(TYPE5_A.replace('2,1,1', '1,1,1'))]);
  assert.deepEqual(sink.reasons(), [Reject.TOO_SHORT]);
});

test('memory stays bounded on an endless stream of orphan and first fragments', () => {
  const sink = new RecordingSink();
  const rx = new AisReceiver(sink, { maxOpen: 64, maxAgeLines: 500 });
  for (let i = 0; i < 20000; i++) {
    const talker = String.fromCharCode(65 + (i % 26), 65 + ((i / 26) % 26));
    rx.pushLine(sentence(withSeq(TYPE5_A.replace('AIVDM', `${talker}VDM`), String(i % 10))));
    rx.pushLine(sentence(withSeq(TYPE5_B, String((i + 5) % 10)).replace(',A,', ',B,')));
    assert.ok(rx.openGroups <= 64);
  }
  assert.equal(sink.messages.length, 0);
  rx.end();
  assert.equal(rx.openGroups, 0);
  // Every first fragment is accounted for as an incomplete group, every orphan as an orphan.
  const count = (r: string): number => sink.rejections.filter((x) => x.reason === r).length;
  assert.equal(count(Reject.INCOMPLETE_GROUP), 20000);
  assert.equal(count(Reject.ORPHAN_FRAGMENT), 20000);
});

test('groups that wait longer than the line limit are dropped as incomplete', () => {
  const lines = [sentence(TYPE5_A), ...Array.from({ length: 10 }, () => TYPE1), sentence(TYPE5_B)];
  const sink = run(lines, { maxAgeLines: 5 });
  assert.deepEqual(sink.reasons(), [Reject.INCOMPLETE_GROUP, Reject.ORPHAN_FRAGMENT]);
  assert.equal(sink.messages.length, 10);
});

test('property: arbitrary bytes never throw, and every line is accounted for at most once per sentence', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (lines) => {
      const sink = new RecordingSink();
      const rx = new AisReceiver(sink);
      for (const l of lines) rx.pushBytes(l, 0, l.length);
      rx.end();
      assert.equal(rx.openGroups, 0);
    }),
    { numRuns: 2000 },
  );
});

test('property: mutated real sentences never throw, and a single-sentence line yields exactly one outcome', () => {
  const reals = [TYPE1, sentence(TYPE5_A), sentence(TYPE5_B), tagBlock('s:x,c:1527811200') + TYPE1];
  fc.assert(
    fc.property(
      fc.constantFrom(...reals),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      fc.nat(),
      (line, edits, cut) => {
        const bytes = Buffer.from(line, 'latin1');
        for (const [at, v] of edits) bytes[at % bytes.length] = v;
        const end = edits.length === 0 ? cut % (bytes.length + 1) : bytes.length;
        const sink = new RecordingSink();
        const rx = new AisReceiver(sink);
        rx.pushBytes(bytes, 0, end);
        // A line that is blank or a `#` comment after the edits carries nothing; any other yields an outcome.
        let first = 0;
        while (first < end && bytes[first]! <= 0x20) first++;
        const silent = first === end || bytes[first] === 0x23;
        if (line === TYPE1) assert.ok(sink.messages.length + sink.rejections.length >= (silent ? 0 : 1));
      },
    ),
    { numRuns: 5000 },
  );
});

test('property: a tag block repeated from the line before reads as if read afresh, mutated or not', () => {
  // Lines that share their tag block are read by comparing bytes with the last block;
  // any line must still give what a receiver that never saw the lines before gives.
  const lower = (block: string): string => block.replace(/\*([0-9A-F]{2})\\/, (_, hh: string) => `*${hh.toLowerCase()}\\`);
  const blocks = [
    tagBlock('s:sbarc,c:1527811200'),
    tagBlock('s:sbarc,c:1527811201'),
    tagBlock('s:sbarc,c:1527811299'),
    lower(tagBlock('s:sbarc,c:1527811237')),
    tagBlock('s:sbarcX,c:1527811200'),
    tagBlock('c:1527811200'),
    tagBlock('c:999'),
    tagBlock('c:1000'),
    tagBlock('c:1527811200123'),
    tagBlock('c:1527811200.5'),
    tagBlock('c:1527811201.5'),
    tagBlock('c:1527811200,c:1527811205'),
    tagBlock('c:1527811201,s:sbarc'),
    tagBlock('g:1-2-901,c:1527811200,s:sbarc'),
    tagBlock('g:2-2-901,c:1527811203,s:sbarc'),
    tagBlock('s:sbarc,c:15278112a0'), // not a number: rejected with the checksum right
    tagBlock('s:sbarc,c:15278112/0'), // the same, with a byte just below the digits
    tagBlock('s:sbarc,c:152781120.'), // a number, though not digits alone
    tagBlock('s:sbarc,c:1527811200').replace('*', '*0'), // a checksum too long: rejected
    '\\s:sbarc,c:1527811200*56',
  ];
  // Edits favour the bytes next to the digits and the field ends (a point, a slash, a colon), where a shortcut could slip.
  const edited = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x2e, 0x2f, 0x3a, 0x30, 0x39, 0x2a, 0x5c, 0x2c));
  const line = fc.tuple(fc.constantFrom(...blocks), fc.option(fc.tuple(fc.nat(), edited), { nil: undefined })).map(([block, edit]) => {
    const bytes = Buffer.from(block + TYPE1, 'latin1');
    if (edit !== undefined) bytes[edit[0] % (block.length + 1)] = edit[1];
    return bytes;
  });
  const outcome = (sink: RecordingSink): unknown[] => [
    ...sink.messages.map((m) => [m.message.mmsi, m.context.tagSource, m.context.tagTime, m.context.time]),
    ...sink.rejections.map((r) => [r.reason, r.detail]),
  ];
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
      const stream = new RecordingSink();
      const rx = new AisReceiver(stream);
      for (const bytes of lines) {
        const before = [stream.messages.length, stream.rejections.length] as const;
        rx.pushBytes(bytes, 0, bytes.length);
        const fresh = new RecordingSink();
        new AisReceiver(fresh).pushBytes(bytes, 0, bytes.length);
        const got = new RecordingSink();
        got.messages.push(...stream.messages.slice(before[0]));
        got.rejections.push(...stream.rejections.slice(before[1]));
        assert.deepEqual(outcome(got), outcome(fresh));
      }
    }),
    { numRuns: 3000 },
  );
});

test('reports around a two-sentence message keep their own tag block source and time', () => {
  // A feed's fragments carry a group that changes with every message; the reports before and
  // after them share a block that differs only in its time, read from the one before.
  const sink = run([
    tagBlock('s:alpha,c:1527811200') + TYPE1,
    tagBlock('s:alpha,c:1527811201') + TYPE1,
    tagBlock('s:beta,c:1527811202,g:1-2-7') + sentence(TYPE5_A),
    tagBlock('s:beta,c:1527811202,g:2-2-7') + sentence(TYPE5_B),
    tagBlock('s:alpha,c:1527811203') + TYPE1,
    tagBlock('c:1527811204,g:1-2-8') + sentence(OTHER5_A),
    tagBlock('c:1527811204,g:2-2-8') + sentence(OTHER5_B),
    tagBlock('s:alpha,c:1527811205') + TYPE1,
  ]);
  assert.deepEqual(sink.rejections, []);
  assert.deepEqual(
    sink.messages.map((m) => [m.message.mmsi, m.context.tagSource, m.context.tagTime]),
    [
      [371798000, 'alpha', 1527811200000],
      [371798000, 'alpha', 1527811201000],
      [351759000, 'beta', 1527811202000],
      [371798000, 'alpha', 1527811203000],
      [271010059, undefined, 1527811204000],
      [371798000, 'alpha', 1527811205000],
    ],
  );
});

test('a type 21 name extension cut by fill bits keeps only whole characters (real AMSA report)', () => {
  // 300 bits: 20 name characters, then 28 extension bits = 4 characters and 4 bits of a fifth.
  const sink = run(['!BSVDM,1,1,,A,E>lsouNS0Ta;Pdh60W230V6@1:WT8dQSnnsep10888R>86B,2*55']);
  assert.equal((sink.messages[0]!.message as { name: string }).name, 'FAIRWAY LANDFALL BUOY');
});

test('tag block group g: is number-count-id; anything else leaves the group unset', async () => {
  const { readTagBlock, TagBlock } = await import('../src/tagblock.js');
  const group = (g: string): [number, number, number] => {
    const line = Buffer.from(tagBlock(`c:1527811200,g:${g}`) + '!', 'latin1');
    const out = new TagBlock();
    assert.equal(readTagBlock(line, 0, line.length, out), null, g);
    return [out.groupNumber, out.groupCount, out.groupId];
  };
  assert.deepEqual(group('1-2-901'), [1, 2, 901]);
  assert.deepEqual(group('2-2-0'), [2, 2, 0]);
  for (const bad of ['1-2', '1-2-3-4', '2-1-5', '0-2-5', '1--5', '-1-2', '1-2-', 'a-2-5', '1-2-99999999999', '']) {
    assert.deepEqual(group(bad), [-1, -1, -1], bad);
  }
});

test('tag block fields read in the checksum pass agree with a plain reading of the split fields', async () => {
  const { readTagBlock, TagBlock } = await import('../src/tagblock.js');
  /** The fields as a reader that splits on commas sees them: the first fault, or time, source and group. */
  const plainReading = (body: string): string => {
    let time = NaN;
    let source = '';
    let group = '-1,-1,-1';
    for (const f of body === '' ? [] : body.replace(/,$/, '').split(',')) {
      if (f.length < 2 || f[1] !== ':') return 'fault: not key:value';
      const v = f.slice(2);
      if (f[0] === 'c') {
        // Digits with at most one point (a lone point reads as 0).
        if (!/^[\d.]+$/.test(v) || (v.match(/\./g) ?? []).length > 1) return 'fault: c';
        const n = v === '.' ? 0 : Number(v.startsWith('.') ? `0${v}` : v);
        time = n > 1e11 ? n : n * 1000;
      } else if (f[0] === 's') source = v;
      else if (f[0] === 'g') {
        const m = /^(\d+)-(\d+)-(\d+)$/.exec(v);
        if (m !== null && +m[1]! >= 1 && +m[2]! >= 1 && +m[1]! <= +m[2]! && +m[1]! <= 1e9 && +m[2]! <= 1e9 && +m[3]! <= 1e9) group = `${+m[1]!},${+m[2]!},${+m[3]!}`;
      }
    }
    return `${time} ${source} ${group}`;
  };
  const read = (body: string): string => {
    const line = Buffer.from(tagBlock(body) + '!', 'latin1');
    const out = new TagBlock();
    const fault = readTagBlock(line, 0, line.length, out);
    if (fault !== null) return fault.detail.includes('key:value') ? 'fault: not key:value' : 'fault: c';
    const source = out.sourceStart < 0 ? '' : line.toString('latin1', out.sourceStart, out.sourceEnd);
    return `${out.time} ${source} ${out.groupNumber},${out.groupCount},${out.groupId}`;
  };
  const piece = fc.constantFrom('s:', 'c:', 'g:', 'x:', 'sbarc', '1527811200', '1-2-901', ',', ':', '-', '.', '7', 'c', 'g');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const body = pieces.join('');
      const [got, want] = [read(body), plainReading(body)];
      // Beyond 2^53 digit by digit and a correctly rounded parse may differ in the last bit.
      const [gotTime, ...gotRest] = got.split(' ');
      const [wantTime, ...wantRest] = want.split(' ');
      if (gotTime === wantTime || Math.abs(Number(gotTime) - Number(wantTime)) <= 1e-12 * Math.abs(Number(wantTime))) {
        assert.deepEqual(gotRest, wantRest, body);
      } else assert.equal(got, want, body);
    }),
    { numRuns: 2000 },
  );
});

test('a decimal read four digits a step equals one read digit by digit, exactly (property)', async () => {
  const { readDecimal } = await import('../src/tagblock.js');
  const byteByByte = (bytes: Uint8Array, from: number, to: number): number => {
    if (from >= to) return NaN;
    let n = 0;
    let scale = 0;
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b >= 48 && b <= 57) {
        n = n * 10 + (b - 48);
        if (scale) scale *= 10;
      } else if (b === 0x2e && scale === 0) scale = 1;
      else return NaN;
    }
    return scale ? n / scale : n;
  };
  // Digits mostly, the bytes either side of them, a point; up to 24 bytes (past 2^53), anywhere in the array.
  const byte = fc.oneof(fc.integer({ min: 0x30, max: 0x39 }), fc.constantFrom(0x2e, 0x2f, 0x3a, 0x20, 0x29, 0x40, 0xb0, 0xb9), fc.integer({ min: 0, max: 255 }));
  fc.assert(
    fc.property(fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0x30, max: 0x39 }) }, { weight: 1, arbitrary: byte }), { maxLength: 24, size: 'max' }), fc.nat(7), (digits, offset) => {
      const bytes = new Uint8Array(offset + digits.length + 5).fill(0x35);
      bytes.set(digits, offset);
      const view = new DataView(bytes.buffer);
      assert.equal(readDecimal(bytes, offset, offset + digits.length, view), byteByByte(bytes, offset, offset + digits.length));
    }),
    { numRuns: 5000 },
  );
});

test('the tag block checksum, read four bytes a step, agrees with a plain byte loop at every length and offset (property)', async () => {
  const { readTagBlock, TagBlock } = await import('../src/tagblock.js');
  /** What a byte loop finds: the block's end, or the fault's detail. */
  const plain = (line: Uint8Array, start: number): string => {
    let sum = 0;
    let star = -1;
    for (let i = start + 1; i < Math.min(line.length, start + 512); i++) {
      if (line[i] === 0x2a) {
        star = i;
        break;
      }
      if (line[i] === 0x5c) break;
      sum ^= line[i]!;
    }
    if (star < 0) return 'tag block without *hh checksum';
    if (star + 3 >= line.length || line[star + 3] !== 0x5c) return 'tag block not closed by a backslash after its checksum';
    const given = Number.parseInt(String.fromCharCode(line[star + 1]!, line[star + 2]!), 16);
    if (!/^[0-9a-fA-F]{2}$/.test(String.fromCharCode(line[star + 1]!, line[star + 2]!))) return 'tag block checksum is not hex';
    const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');
    return given === sum ? `end ${star + 4}` : `tag block checksum ${hex(given)}, computed ${hex(sum)}`;
  };
  // Field-ending bytes and their near neighbours (one bit apart), and any byte.
  const byte = fc.oneof(fc.constantFrom(0x2c, 0x2a, 0x5c, 0x2d, 0x2b, 0x5d, 0x00, 0x80, 0xff, 0x3a, 0x63), fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 255 }));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 7 }), fc.array(byte, { maxLength: 40 }), fc.boolean(), fc.array(byte, { maxLength: 6 }), (offset, body, close, tail) => {
      // A body of any bytes with a right checksum (when `close`), then anything.
      const sum = body.reduce((a, b) => a ^ b, 0);
      const closing = close ? [...Buffer.from(`*${sum.toString(16).toUpperCase().padStart(2, '0')}\\`, 'latin1')] : [];
      const line = Uint8Array.from([...new Array<number>(offset).fill(0x21), 0x5c, ...body, ...closing, ...tail]);
      const out = new TagBlock();
      const fault = readTagBlock(line, offset, line.length, out);
      const want = plain(line, offset);
      if (want.startsWith('end ')) {
        // The checksum holds: the block ends where the loop says (a field may still be at fault).
        assert.ok(fault === null || fault.detail.startsWith('tag block field') || fault.detail.includes('c:'), fault?.detail);
        assert.equal(`end ${out.end}`, want);
      } else assert.equal(fault?.detail, want);
    }),
    { numRuns: 5000 },
  );
});

test('the sentence pass (checksum, commas, six-bit values, four bytes a step) agrees with a plain reading, at every length and offset', async () => {
  const { readSentence, Sentence } = await import('../src/nmea.js');
  /** Six-bit value of an armour character, or -1 outside the alphabet. */
  const armour = (c: number): number => (c >= 48 && c <= 87 ? c - 48 : c >= 96 && c <= 119 ? c - 56 : -1);
  const plainReading = (payload: string, fill: number): string => {
    if (payload === '') return 'empty_payload';
    const values = [...payload].map((ch) => armour(ch.charCodeAt(0)));
    const bad = values.indexOf(-1);
    return `ok ${fill} ${bad} ${bad >= 0 ? '' : values.join('.')}`;
  };
  const read = (line: Buffer, start: number): string => {
    const out = new Sentence();
    const fault = readSentence(line, start, line.length, out);
    if (fault !== null) return fault.reason;
    const n = out.payloadEnd - out.payloadStart;
    return `ok ${out.fillBits} ${out.badArmour} ${out.badArmour >= 0 ? '' : Array.from(out.sixbits.subarray(0, n)).join('.')}`;
  };
  // Armour characters, mostly, and now and then one outside the alphabet: the bytes each
  // side of its two ranges (which the four-byte test tells apart by arithmetic), or any byte.
  const character = fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 0, max: 63 }).map((v) => String.fromCharCode(v < 40 ? v + 48 : v + 56)) },
    { weight: 1, arbitrary: fc.constantFrom('/', 'X', '_', 'x', '~', ' ', '\x7f', '\x80', '\xe9', '\xff') },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).filter((c) => c !== 0x2c && c !== 0x2a).map((c) => String.fromCharCode(c)) },
  );
  fc.assert(
    fc.property(fc.array(character, { maxLength: 90 }), fc.integer({ min: 0, max: 5 }), fc.nat(7), fc.boolean(), (chars, fill, lead, badSum) => {
      const payload = chars.join('');
      const body = `AIVDM,1,1,,A,${payload},${fill}`;
      const sum = badSum ? (Number.parseInt(checksum(body), 16) ^ 0x55).toString(16).toUpperCase().padStart(2, '0') : checksum(body);
      // Leading bytes put the sentence at every offset in the buffer.
      const line = Buffer.from(`${'#'.repeat(lead)}!${body}*${sum}`, 'latin1');
      const want = badSum ? 'bad_checksum' : plainReading(payload, fill);
      assert.equal(read(line, lead), want, JSON.stringify(body));
    }),
    { numRuns: 3000 },
  );
});

test('whatever follows the payload (fill bits, extra or missing fields) reads as a plain split of the fields says (property)', async () => {
  const { readSentence, Sentence } = await import('../src/nmea.js');
  const plainReading = (body: string): string => {
    const fields = body.split(',');
    if (fields.length !== 7) return 'bad_field_count';
    return /^[0-5]$/.test(fields[6]!) ? `ok ${fields[6]}` : 'bad_fill_bits';
  };
  const read = (line: Buffer): string => {
    const out = new Sentence();
    const fault = readSentence(line, 0, line.length, out);
    return fault === null ? `ok ${out.fillBits}` : fault.reason;
  };
  const payload = fc.stringMatching(/^[0-9:;<=>?@A-W`a-w]{1,40}$/);
  const tail = fc.array(fc.constantFrom(',', '0', '2', '5', '6', '9', 'a', ' ', '!'), { maxLength: 4 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(payload, tail, fc.boolean(), (p, t, trailing) => {
      const body = `AIVDM,1,1,,B,${p}${t}`;
      const line = Buffer.from(`!${body}*${checksum(body)}${trailing ? ',1527811200' : ''}`, 'latin1');
      assert.equal(read(line), plainReading(body), JSON.stringify(body));
    }),
    { numRuns: 3000 },
  );
});

test('headers of every shape: the usual one read by position, any other by the byte loop, agree with a plain reading of the fields', async () => {
  const { readSentence, Sentence } = await import('../src/nmea.js');
  const read = (line: Buffer): string => {
    const out = new Sentence();
    const fault = readSentence(line, 0, line.length, out);
    if (fault !== null) return fault.reason;
    const talker = String.fromCharCode(out.talker0, out.talker1);
    const payload = line.toString('latin1', out.payloadStart, out.payloadEnd);
    return `ok ${talker} ${out.own} ${out.count}/${out.number} ${out.sequence} ${out.channel} ${out.fillBits} ${payload}`;
  };
  /** The rules of a VDM/VDO sentence, field by field, in the order the reader checks them. */
  const plainReading = (body: string): string => {
    const fields = body.split(',');
    const [head, count, number, sequence, channel, payload, fill] = fields as string[];
    if (head!.length !== 5 || head!.slice(2, 4) !== 'VD' || !'MO'.includes(head![4]!)) return 'other_sentence';
    if (fields.length !== 7) return 'bad_field_count';
    const c = /^[1-9]$/.test(count!) ? Number(count) : -1;
    const n = /^[0-9]$/.test(number!) ? Number(number) : -1;
    if (c < 1 || n < 1 || n > c) return 'bad_fragment_header';
    if (!/^[0-9]?$/.test(sequence!)) return 'bad_fragment_header';
    if (!/^[AB12]?$/.test(channel!)) return 'bad_channel';
    if (!/^[0-5]$/.test(fill!)) return 'bad_fill_bits';
    if (payload === '') return 'empty_payload';
    if (fill !== '0' && n !== c) return 'bad_fill_bits';
    const code = channel === '' ? 0 : channel!.charCodeAt(0);
    return `ok ${head!.slice(0, 2)} ${head![4] === 'O'} ${c}/${n} ${sequence === '' ? -1 : Number(sequence)} ${code} ${fill} ${payload}`;
  };
  const field = (...values: string[]) => fc.constantFrom(...values);
  fc.assert(
    fc.property(
      field('AI', 'AB', 'BS', '--', 'A,', ',A', 'A', 'ABC', ''),
      field('VDM', 'VDO', 'VDX', 'ALR', 'VD'),
      field('1', '2', '9', '0', '', '10', 'A', ':'),
      field('1', '2', '3', '0', '', '11', '/'),
      field('', '0', '7', '9', '10', 'x', ':', '/'),
      field('', 'A', 'B', '1', '2', 'C', 'AB'),
      fc.stringMatching(/^[0-9:;<=>?@A-W`a-w]{0,30}$/),
      field('0', '2', '5', '6', '', '01'),
      field('', ',X'),
      (talker, formatter, count, number, sequence, channel, payload, fill, extra) => {
        const body = `${talker}${formatter},${count},${number},${sequence},${channel},${payload},${fill}${extra}`;
        const line = Buffer.from(`!${body}*${checksum(body)}`, 'latin1');
        assert.equal(read(line), plainReading(body), body);
      },
    ),
    { numRuns: 5000 },
  );
});

test('property: reused position reports read, during each call, exactly as new objects would, in any mix of traffic', () => {
  // Six-bit armour: '0'-'W' and '`'-'w'. A payload of any length starting with type 1, 2, 3
  // or 18 (too short and too long included), or any other type, or a two-sentence type 5.
  const armour = [...Array.from({ length: 40 }, (_, k) => String.fromCharCode(48 + k)), ...Array.from({ length: 24 }, (_, k) => String.fromCharCode(96 + k))];
  const single = fc
    .tuple(
      fc.constantFrom('1', '2', '3', '1', '2', '3', '5', 'B', 'B', 'H'),
      // Any length and fill, or the usual 168 bits with no fill: a report that decodes, where a
      // field left over from the report before would show.
      fc.oneof(
        fc.tuple(fc.array(fc.constantFrom(...armour), { maxLength: 40 }), fc.integer({ min: 0, max: 5 })),
        fc.tuple(fc.array(fc.constantFrom(...armour), { minLength: 27, maxLength: 27 }), fc.constant(0)),
      ),
    )
    .map(([type, [rest, fill]]) => [sentence(`AIVDM,1,1,,A,${type}${rest.join('')},${fill}`)]);
  const pair = fc.constant([sentence(TYPE5_A), sentence(TYPE5_B)]);
  const snapshot = (reuse: boolean, lines: string[]) => {
    const seen: unknown[] = [];
    const classA = new Set<object>();
    const classB = new Set<object>();
    const rx = new AisReceiver(
      {
        message: (m) => {
          seen.push({ ...m });
          if (m.type <= 3) classA.add(m);
          if (m.type === 18) classB.add(m);
        },
        reject: (r) => seen.push(r.reason),
      },
      { reusePositionReports: reuse },
    );
    for (const l of lines) rx.pushLine(l);
    rx.end();
    return { seen, classA: classA.size, classB: classB.size };
  };
  fc.assert(
    fc.property(fc.array(fc.oneof(single, pair), { maxLength: 30 }), (groups) => {
      const lines = groups.flat();
      const fresh = snapshot(false, lines);
      const reused = snapshot(true, lines);
      assert.deepEqual(reused.seen, fresh.seen);
      assert.ok(reused.classA <= 1, 'one object serves every Class A report');
      assert.ok(reused.classB <= 1, 'one object serves every Class B report');
    }),
    { numRuns: 500 },
  );
});
