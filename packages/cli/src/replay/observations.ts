/**
 * Input files → observations. A file is NMEA (with or without tag blocks) or a
 * CSV export; which one is decided by its content, never by its name: the
 * first non-blank line starts with `\`, `!` or `$` for NMEA, else it must be a
 * CSV header we can read.
 *
 * Every line is accounted for: a message, an observation, or a counted reason.
 */
import { AisReceiver, type AisMessage, type LineRejection, type MessageContext } from '@tidewatch/ais';
import {
  CsvObservationReader,
  emptyPosition,
  positionFromAis,
  staticFromAis,
  type Observation,
} from '@tidewatch/engine';
import { LineSplitter } from '../decode/lines.js';

export type Emit = (o: Observation) => void;

/** Counts of what one input gave. */
export class InputTally {
  lines = 0;
  messages = 0;
  observations = 0;
  readonly reasons = new Map<string, number>();
  /** First few problems with their line numbers, for the user to look at. */
  readonly examples: string[] = [];

  reject(reason: string, line: number, detail: string): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    if (this.examples.length < 5 && reason !== 'other_sentence') this.examples.push(`line ${line}: ${reason}: ${detail}`);
  }
}

/** Turns the bytes of one input into observations. */
export interface ObservationReader {
  readonly kind: 'nmea' | 'csv';
  readonly tally: InputTally;
  push(chunk: Uint8Array, emit: Emit): void;
  end(emit: Emit): void;
}

export type ReaderResult = { ok: true; reader: ObservationReader } | { ok: false; message: string };

/** Chooses the reader from the first bytes of the input. */
export function readerFor(head: Uint8Array): ReaderResult {
  let i = 0;
  while (i < head.length && head[i]! <= 0x20) i++;
  const first = head[i];
  if (first === 0x5c || first === 0x21 || first === 0x24) return { ok: true, reader: new NmeaReader() };
  let end = head.indexOf(0x0a, i);
  if (end < 0) end = head.length;
  const header = new TextDecoder().decode(head.subarray(i, end)).replace(/\r$/, '');
  const csv = CsvObservationReader.fromHeader(header);
  if (!csv.ok) return { ok: false, message: `neither NMEA nor a CSV export we can read: ${csv.error}` };
  return { ok: true, reader: new CsvReader(csv.reader) };
}

/**
 * The reader of an empty input (a receiver's file from an outage, an empty
 * pipe): it replays as nothing and its summary says 0 lines, where refusing it
 * as an unknown format would stop a run over many files.
 */
export function emptyInputReader(): ObservationReader {
  return new NmeaReader();
}

class NmeaReader implements ObservationReader {
  readonly kind = 'nmea';
  readonly tally = new InputTally();
  private emit: Emit = () => undefined;
  private readonly position = emptyPosition();
  /** NMEA without tag-block times: the last time this input gave, so a file stays in order. */
  private lastTime = NaN;
  // Reports may be reused: `message` copies what it keeps into observations.
  private readonly receiver = new AisReceiver(
    {
      message: (m: AisMessage, c: MessageContext): void => this.message(m, c),
      reject: (r: LineRejection): void => this.tally.reject(r.reason, r.line, r.detail),
    },
    { reusePositionReports: true },
  );
  private readonly lines = new LineSplitter((buf, start, end) => this.receiver.pushBytes(buf, start, end));

  push(chunk: Uint8Array, emit: Emit): void {
    this.emit = emit;
    this.lines.push(chunk);
    this.tally.lines = this.receiver.lines;
  }

  end(emit: Emit): void {
    this.emit = emit;
    this.lines.end();
    this.receiver.end();
    this.tally.lines = this.receiver.lines;
  }

  private message(m: AisMessage, c: MessageContext): void {
    this.tally.messages++;
    let t = c.time ?? NaN;
    if (Number.isNaN(t)) t = this.lastTime;
    if (Number.isNaN(t)) {
      this.tally.reject('no_time', c.line, 'no tag-block or receiver time, and none before it in this input');
      return;
    }
    this.lastTime = t;
    if (positionFromAis(m, t, this.position)) {
      this.tally.observations++;
      this.emit(this.position);
    }
    const s = staticFromAis(m, t);
    if (s !== undefined) {
      this.tally.observations++;
      this.emit(s);
    }
  }
}

class CsvReader implements ObservationReader {
  readonly kind = 'csv';
  readonly tally = new InputTally();
  private readonly text = new TextDecoder();
  private emit: Emit = () => undefined;
  private readonly counted: Emit = (o) => {
    this.tally.observations++;
    this.emit(o);
  };
  private readonly lines = new LineSplitter((buf, start, end) => this.line(buf, start, end));

  constructor(private readonly csv: CsvObservationReader) {}

  push(chunk: Uint8Array, emit: Emit): void {
    this.emit = emit;
    this.lines.push(chunk);
  }

  end(emit: Emit): void {
    this.emit = emit;
    this.lines.end();
  }

  private line(buf: Uint8Array, start: number, end: number): void {
    const n = ++this.tally.lines;
    if (n === 1 || end === start) return; // the header; blank lines
    this.tally.messages++;
    const fault = this.csv.read(this.text.decode(buf.subarray(start, end)), this.counted);
    if (fault) this.tally.reject(fault.reason, n, fault.detail);
  }
}
