/**
 * What every ingest source shares: a name, a kind, a health record, and the
 * channel through which it hands lines to the pipeline.
 *
 * A channel is one independent stream of lines (a TCP connection, a file, one
 * UDP peer, one POST body): multi-sentence messages are reassembled within a
 * channel, never across two.
 */
import type { SourceHealth, SourceState } from '@tidewatch/protocol';
import type { CursorRow } from '../store/batch.js';

export type SourceKind = SourceHealth['kind'];

/** A source's counters and state; the pipeline counts messages and rejects into it. */
export class SourceStatus {
  state: SourceState;
  lines = 0;
  messages = 0;
  /** Wall time of the last message, NaN before the first. */
  lastMessage = NaN;
  /** Free text for the operator: the last connection error, the file being read. */
  note = '';
  private readonly rejects = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly kind: SourceKind,
    state: SourceState,
  ) {
    this.state = state;
  }

  reject(reason: string, count = 1): void {
    this.rejects.set(reason, (this.rejects.get(reason) ?? 0) + count);
  }

  rejected(reason: string): number {
    return this.rejects.get(reason) ?? 0;
  }

  health(): SourceHealth {
    return {
      name: this.name,
      kind: this.kind,
      state: this.state,
      lines: this.lines,
      messages: this.messages,
      rejected: Object.fromEntries([...this.rejects].sort(([a], [b]) => (a < b ? -1 : 1))),
      lastMessage: Number.isNaN(this.lastMessage) ? null : new Date(this.lastMessage).toISOString(),
    };
  }
}

/** One stream of NMEA lines into the pipeline. */
export interface LineChannel {
  /** One line as bytes `buf[start..end)`; `receivedAt` (ms) stamps messages without a time of their own. */
  pushBytes(buf: Uint8Array, start: number, end: number, receivedAt: number): void;
  pushLine(line: string, receivedAt: number): void;
  /** Messages half assembled: 0 at a line boundary a resumed read can start from. */
  readonly openGroups: number;
  /** Data time of the last message, NaN before the first. */
  readonly lastTime: number;
  /**
   * While true, lines only rebuild reassembly state: their messages were stored
   * before a restart and are neither counted nor passed on.
   */
  silent: boolean;
  /** End of the stream: a message still half assembled is rejected as incomplete. */
  end(): void;
}

/** What a source sees of the pipeline. */
export interface Ingest {
  channel(status: SourceStatus): LineChannel;
  /** Records a replayable source's progress; stored with the data it produced. */
  progress(cursor: CursorRow): void;
  /** The progress stored by an earlier run, if any. */
  storedProgress(name: string): CursorRow | undefined;
  /** A finite source (a replay) reached its end. */
  finished(status: SourceStatus): void;
  /** Commits what has been taken so far (a POST is answered only once its lines are stored). */
  flush(): void;
}

export interface Source {
  readonly status: SourceStatus;
  /** Starts connecting, listening or reading; never throws (failures show in `status`). */
  start(): void;
  /** Stops and releases sockets, timers and files. */
  stop(): Promise<void>;
  /** For a listener: the port it is bound to (useful when it was asked for port 0). */
  boundPort?(): number | undefined;
}
