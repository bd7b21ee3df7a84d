/**
 * The AIS receiver: lines in, messages and rejections out.
 *
 * Each pushed line yields, through the sink, zero or more messages (a line may
 * carry several sentences, a fragment may complete a message) and zero or more
 * rejections, each with its line number and a stable reason code. Nothing
 * throws on bad input. The receiver holds no I/O and no clock: times come from
 * tag blocks, receiver metadata or the caller's `receivedAt`.
 */
import { Payload } from './bits.js';
import { DEFAULT_GROUP_LIMITS, FragmentTable, type FragmentGroup, type GroupLimits } from './fragments.js';
import { blankPositionReportClassA, decodePositionReportClassAInto, type ReusablePositionReportClassA } from './messages/position-a.js';
import { blankPositionReportClassB, decodePositionReportClassBInto, type ReusablePositionReportClassB } from './messages/position-b.js';
import { decodePayload, isFailure, type AisMessage } from './messages/registry.js';
import { latin1, readSentence, Sentence } from './nmea.js';
import { Reject, type RejectReason } from './reasons.js';
import { RepeatedReports } from './repeated-reports.js';
import { MAX_TAG_BLOCK, readTagBlock, RepeatedBytes, RepeatedTagBlock, TagBlock } from './tagblock.js';

/** Where and when a message was received. The object is reused between calls: copy what you keep. */
export interface MessageContext {
  /** 1-based number of the line that completed the message. */
  line: number;
  /** Number of sentences the message came in. */
  fragments: number;
  /** Talker of the (last) sentence: `AI`, `AB`, `BS`, ... */
  talker: string;
  formatter: 'VDM' | 'VDO';
  /** `A`, `B`, `1`, `2`, or '' when the sentence leaves it empty. */
  channel: string;
  /** Tag block `s:` (receiver or station), when present. */
  tagSource: string | undefined;
  /** Tag block `c:` as ms since 1970 UTC, when present. */
  tagTime: number | undefined;
  /** What the caller passed as the receive time, if anything. */
  receivedAt: number | undefined;
  /**
   * The message's event time in ms since 1970 UTC: the tag block time, else a time
   * in trailing receiver metadata, else `receivedAt`; undefined when none is known.
   */
  time: number | undefined;
}

export interface LineRejection {
  /** 1-based line number (for an incomplete group: its first line). */
  line: number;
  reason: RejectReason;
  /** Human-readable, showing the offending values. */
  detail: string;
}

export interface ReceiverSink {
  message(message: AisMessage, context: MessageContext): void;
  reject(rejection: LineRejection): void;
}

export interface ReceiverOptions extends Partial<GroupLimits> {
  /**
   * Decode every position report of Class A (types 1-3, most of all traffic)
   * and of Class B (type 18) into one object per class reused from message
   * to message, which is then valid only during the sink's `message` call.
   * For a sink that copies what it keeps, this spares an object per message.
   * Default false: every message is a new object the sink may keep.
   */
  readonly reusePositionReports?: boolean;
}

/** Sentences glued onto one line that we follow before calling the rest junk. */
const MAX_SENTENCES_PER_LINE = 16;

const CHANNEL_NAMES: readonly string[] = Array.from({ length: 256 }, (_, c) => (c === 0 ? '' : String.fromCharCode(c)));

export class AisReceiver {
  private line = 0;
  private readonly sentence = new Sentence();
  /** The fields of the tag block `lastTag` keeps (see readSentenceAt). */
  private tag = new TagBlock();
  /** Where a block that `lastTag` does not match is parsed. */
  private spareTag = new TagBlock();
  /** The payload of one-sentence messages: the sentence's own six-bit values, set once. */
  private readonly single = new Payload(0);
  private readonly groups: FragmentTable;
  /** The one Class A and the one Class B report decoded into, when the options ask for reuse. */
  private readonly classA: ReusablePositionReportClassA | undefined;
  private readonly classB: ReusablePositionReportClassB | undefined;
  private readonly context: MessageContext = {
    line: 0,
    fragments: 1,
    talker: 'AI',
    formatter: 'VDM',
    channel: '',
    tagSource: undefined,
    tagTime: undefined,
    receivedAt: undefined,
    time: undefined,
  };
  private readonly talkers = new Map<number, string>();
  private lastTalker0 = -1;
  private lastTalker1 = -1;
  private lastTalker = '';
  /**
   * The last tag block read: feeds stamp sentence after sentence with a block
   * that differs from the one before at most in its time, which then needs no parsing.
   */
  private readonly lastTag = new RepeatedTagBlock();
  private lastTagSource: string | undefined = undefined;
  private lastSource: string | undefined = undefined;
  private readonly lastSourceBytes = new RepeatedBytes(MAX_TAG_BLOCK);
  private scratch = new Uint8Array(256);
  /**
   * The event time of the sentence just read, then of the message being
   * decoded (ms since 1970 UTC, NaN when unknown). A field, not an argument:
   * a number handed to a call that is not inlined is boxed, an allocation a line.
   */
  private time = NaN;
  /** The time the context holds as `tagTime` and `time`; NaN when it holds none. */
  private contextTime = NaN;
  /** Static reports decoded before, for their repeats (see RepeatedReports). */
  private readonly repeatedReports = new RepeatedReports();
  private readonly reportGroup = (g: FragmentGroup): void =>
    this.sink.reject({
      line: g.firstLine,
      reason: Reject.INCOMPLETE_GROUP,
      detail: `only fragments 1-${g.next - 1} of ${g.count} arrived`,
    });

  constructor(
    private readonly sink: ReceiverSink,
    options: ReceiverOptions = {},
  ) {
    const { reusePositionReports = false, ...limits } = options;
    this.groups = new FragmentTable({ ...DEFAULT_GROUP_LIMITS, ...limits });
    this.single.sixbits = this.sentence.sixbits;
    this.classA = reusePositionReports ? blankPositionReportClassA() : undefined;
    this.classB = reusePositionReports ? blankPositionReportClassB() : undefined;
  }

  /** Lines pushed so far. */
  get lines(): number {
    return this.line;
  }

  /** Fragment groups waiting for their remaining sentences. */
  get openGroups(): number {
    return this.groups.size;
  }

  /** Pushes one line given as text (without its line ending). */
  pushLine(line: string, receivedAt?: number): void {
    const n = line.length;
    if (n > this.scratch.length) this.scratch = new Uint8Array(Math.max(n, this.scratch.length * 2));
    const bytes = this.scratch;
    for (let i = 0; i < n; i++) {
      const c = line.charCodeAt(i);
      bytes[i] = c < 256 ? c : 0x3f; // '?' cannot be part of a valid sentence: it will be rejected.
    }
    this.pushBytes(bytes, 0, n, receivedAt);
  }

  /** Pushes one line given as the bytes `buf[start..end)` (line ending optional). */
  pushBytes(buf: Uint8Array, start: number, end: number, receivedAt?: number): void {
    const line = ++this.line;
    while (end > start && buf[end - 1]! <= 0x20) end--;
    while (start < end && buf[start]! <= 0x20) start++;
    if (this.groups.size > 0) this.groups.expire(line, this.reportGroup);
    // Blank lines and `#` comment lines (test files, annotated logs) carry nothing: a sentence
    // quoted in a comment is not traffic.
    if (start === end || buf[start] === 0x23) return;
    let pos = start;
    for (let n = 0; n < MAX_SENTENCES_PER_LINE && pos < end; n++) {
      pos = this.readSentenceAt(buf, pos, end, line, receivedAt, n === 0);
      if (pos < 0) return;
      const b = buf[pos];
      if (b !== 0x5c /* \ */ && b !== 0x21 /* ! */ && b !== 0x24 /* $ */) return; // metadata or junk after the checksum
    }
  }

  /** End of input: every group still waiting is rejected as incomplete. */
  end(): void {
    this.groups.drain(this.reportGroup);
  }

  /** Reads one (tagged) sentence at `pos`; returns the index after it, or -1 when the line is done. */
  private readSentenceAt(buf: Uint8Array, pos: number, end: number, line: number, receivedAt: number | undefined, first: boolean): number {
    let time = NaN;
    let source: string | undefined = undefined;
    let groupId = -1;
    let groupNumber = -1;
    let groupCount = -1;
    let b = buf[pos];
    if (first && b !== 0x5c && b !== 0x21 && b !== 0x24) {
      // A prefix some loggers write (a timestamp, a port name): the sentence's checksum still vouches for it.
      const at = findStart(buf, pos, end);
      if (at < 0) return this.fail(line, Reject.NOT_AIS, `no sentence in "${latin1(buf, pos, end)}"`);
      pos = at;
      b = buf[pos];
    }
    if (b === 0x5c) {
      let tag = this.tag;
      if (this.lastTag.read(buf, pos, end, tag) === 0) {
        // Parsed into the spare block: `this.tag` keeps the fields of the block kept, which
        // the next line that repeats it takes without parsing.
        tag = this.spareTag;
        const fault = readTagBlock(buf, pos, end, tag);
        if (fault) return this.fail(line, fault.reason, fault.detail);
        source = tag.sourceStart >= 0 ? this.sourceName(buf, tag.sourceStart, tag.sourceEnd) : undefined;
        // A fragment's block is not kept: its group changes with every message, so no line
        // repeats it, and keeping it would make the reports after it parse their block again.
        if (tag.groupId < 0) {
          this.spareTag = this.tag;
          this.tag = tag;
          this.lastTagSource = source;
          this.lastTag.remember(buf, pos, tag);
        }
      } else source = this.lastTagSource;
      time = tag.time;
      pos = tag.end;
      if (pos >= end || (buf[pos] !== 0x21 && buf[pos] !== 0x24)) {
        return this.fail(line, Reject.BAD_TAG_BLOCK, 'tag block not followed by a sentence');
      }
      groupId = tag.groupId;
      groupNumber = tag.groupNumber;
      groupCount = tag.groupCount;
    }
    const s = this.sentence;
    const fault = readSentence(buf, pos, end, s);
    if (fault) {
      this.sink.reject({ line, reason: fault.reason, detail: fault.detail });
      return fault.reason === Reject.OTHER_SENTENCE ? s.end : -1;
    }
    if (Number.isNaN(time)) time = s.stationTime;
    if (groupId >= 0 && (groupCount !== s.count || groupNumber !== s.number)) groupId = -1;
    this.time = time;
    this.accept(buf, line, source, groupId, receivedAt);
    return s.end;
  }

  private accept(buf: Uint8Array, line: number, source: string | undefined, groupId: number, receivedAt: number | undefined): void {
    const s = this.sentence;
    if (s.count === 1) {
      if (s.badArmour >= 0) {
        this.badArmour(buf, line);
        return;
      }
      // The sentence already holds the six-bit values: the payload reads them
      // where they are. Decoding ends before the next sentence is read, and
      // no message keeps a reference to the array.
      const p = this.single;
      p.length = s.payloadEnd - s.payloadStart;
      p.seal(s.fillBits);
      this.decode(p, line, 1, source, receivedAt);
      return;
    }
    const key = this.groupKey(groupId);
    let g = this.groups.find(key);
    if (s.number === 1) {
      if (g !== undefined) {
        this.reportGroup(g);
        this.groups.close(g);
      }
      g = this.groups.start(key, s.count, line, this.reportGroup);
      g.time = this.time;
      g.source = source;
      g.receivedAt = receivedAt;
    } else if (g === undefined) {
      this.fail(line, Reject.ORPHAN_FRAGMENT, `fragment ${s.number} of ${s.count} (sequence ${s.sequence}) without the fragments before it`);
      return;
    } else if (g.count !== s.count || g.next !== s.number) {
      this.reportGroup(g);
      this.groups.close(g);
      this.fail(line, Reject.ORPHAN_FRAGMENT, `fragment ${s.number} of ${s.count} where fragment ${g.next} of ${g.count} was due`);
      return;
    } else {
      if (Number.isNaN(g.time)) g.time = this.time;
      if (g.source === undefined) g.source = source;
    }
    if (!this.appendSixbits(buf, g.payload, line)) {
      if (g.next > 1) this.reportGroup(g); // earlier fragments are lost with it; say so at their line
      this.groups.close(g);
      return;
    }
    g.next++;
    if (s.number < s.count) return;
    g.payload.seal(s.fillBits);
    this.time = g.time;
    this.decode(g.payload, line, s.count, g.source, g.receivedAt ?? receivedAt);
    this.groups.close(g);
  }

  /** Talker, channel, sequence id (or the tag block group id, which is unique per sender). */
  private groupKey(groupId: number): number {
    const s = this.sentence;
    const who = ((s.talker0 * 128 + s.talker1) * 2 + (s.own ? 1 : 0)) * 256 + s.channel;
    return groupId >= 0 ? -(who * 2 ** 30 + groupId + 1) : who * 16 + (s.sequence + 1);
  }

  /** Appends the sentence's six-bit values to `p`; false, with the rejection, when the payload had a character outside the alphabet. */
  private appendSixbits(buf: Uint8Array, p: Payload, line: number): boolean {
    const s = this.sentence;
    if (s.badArmour >= 0) {
      this.badArmour(buf, line);
      return false;
    }
    const count = s.payloadEnd - s.payloadStart;
    p.reserve(count);
    p.append(s.sixbits, s.sixbitWords, count);
    return true;
  }

  private badArmour(buf: Uint8Array, line: number): void {
    const s = this.sentence;
    const at = s.badArmour;
    this.fail(line, Reject.BAD_ARMOUR, `character "${String.fromCharCode(buf[s.payloadStart + at]!)}" at payload position ${at + 1}`);
  }

  /** Decodes the message of `p`, received at `this.time`. */
  private decode(p: Payload, line: number, fragments: number, source: string | undefined, receivedAt: number | undefined): void {
    const type = p.length > 0 ? p.sixbits[0]! : -1;
    const r =
      this.classA !== undefined && type >= 1 && type <= 3
        ? decodePositionReportClassAInto(p, this.classA)
        : this.classB !== undefined && type === 18
          ? decodePositionReportClassBInto(p, this.classB)
          : RepeatedReports.repeats(type)
            ? this.repeatedReports.decode(p)
            : decodePayload(p);
    // Most messages decode into the reused position objects: telling them by identity saves the
    // prototype walk of instanceof on nearly every message.
    if (r !== this.classA && r !== this.classB && isFailure(r)) {
      this.sink.reject({ line, reason: r.reason, detail: r.detail });
      return;
    }
    const s = this.sentence;
    const c = this.context;
    c.line = line;
    c.fragments = fragments;
    c.talker = this.talkerName(s.talker0, s.talker1);
    c.formatter = s.own ? 'VDO' : 'VDM';
    c.channel = CHANNEL_NAMES[s.channel]!;
    c.tagSource = source;
    c.receivedAt = receivedAt;
    // Times change once a second in a tagged feed: rewriting an unchanged one would box a
    // new number into the long-lived context (an allocation and a write barrier a message).
    // The test is against a number field: against the context's fields, which may hold
    // undefined, the time would be boxed to be compared.
    const time = this.time;
    if (Number.isNaN(time)) {
      if (c.tagTime !== undefined) c.tagTime = undefined;
      if (c.time !== receivedAt) c.time = receivedAt;
      this.contextTime = NaN;
    } else if (time !== this.contextTime) c.tagTime = c.time = this.contextTime = time;
    this.sink.message(r, c);
  }

  private fail(line: number, reason: RejectReason, detail: string): -1 {
    this.sink.reject({ line, reason, detail });
    return -1;
  }

  private talkerName(t0: number, t1: number): string {
    // Feeds rarely change talker: the last one answers without a lookup.
    if (t0 === this.lastTalker0 && t1 === this.lastTalker1) return this.lastTalker;
    this.lastTalker0 = t0;
    this.lastTalker1 = t1;
    this.lastTalker = this.lookUpTalker(t0, t1);
    return this.lastTalker;
  }

  private lookUpTalker(t0: number, t1: number): string {
    const key = t0 * 256 + t1;
    let name = this.talkers.get(key);
    if (name === undefined) {
      name = String.fromCharCode(t0, t1);
      if (this.talkers.size < 1024) this.talkers.set(key, name);
    }
    return name;
  }

  /** The tag block source as a string, reusing the previous one when the bytes are the same. */
  private sourceName(buf: Uint8Array, from: number, to: number): string {
    const n = to - from;
    // The kept bytes, all of them and nothing more: the same source.
    if (n > 0 && this.lastSource !== undefined && this.lastSourceBytes.length(buf, from, to) === n) return this.lastSource;
    this.lastSourceBytes.remember(buf, from, to);
    this.lastSource = String.fromCharCode(...buf.subarray(from, to));
    return this.lastSource;
  }
}

/** First `\` or `!` in the line, where a tag block or sentence may start. */
function findStart(buf: Uint8Array, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf[i] === 0x5c || buf[i] === 0x21) return i;
  return -1;
}
