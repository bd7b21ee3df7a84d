/**
 * The live WebSocket stream: positions in each client's box, events as they
 * fire, source health every few seconds.
 *
 * Positions are snapshots: a vessel's next position supersedes the last, so a
 * frame may be skipped without losing anything but time. Each client gets at
 * most `maxHz` frames a second, each carrying the vessels in its box that
 * changed since its previous frame (every `snapshotMs` a full snapshot, so a
 * client can forget vessels that left). When a client reads too slowly and
 * its socket's unsent bytes pass `softLimitBytes`, its frames are dropped and
 * it is told `lagging`; the next frame it does get still carries every change
 * since the last one it got. Past `hardLimitBytes` (events, which cannot be
 * dropped, pile up) the client is disconnected. A server therefore never holds
 * more than about `hardLimitBytes` per client, whatever the client does.
 */
import type { WebSocket } from 'ws';
import { allocateFrame, type BBox, type ClientMessage, type EventRecord, type ServerMessage, type SourceHealth } from '@tidewatch/protocol';
import { checkBBox } from '../api/bbox.js';
import { LiveErrors } from '../api/errors.js';
import type { LivePicture } from './picture.js';

export interface LiveOptions {
  /** Most position frames a second per client. */
  maxHz: number;
  softLimitBytes: number;
  hardLimitBytes: number;
  /** A full snapshot of the box at least this often, ms. */
  snapshotMs: number;
  /** Source health to every client this often, ms. */
  sourcesMs: number;
  /** Messages a client may send per second (bursts of twice that). */
  clientMessagesPerSecond: number;
  /** Clients at once; one more is turned away (1013, try again later). */
  maxClients: number;
}

export const DEFAULT_LIVE: LiveOptions = {
  maxHz: 4,
  softLimitBytes: 256 * 1024,
  hardLimitBytes: 4 * 1024 * 1024,
  snapshotMs: 10_000,
  sourcesMs: 5000,
  clientMessagesPerSecond: 20,
  maxClients: 1000,
};

/** The scheduler's resolution: frames go out on these ticks. */
const TICK_MS = 25;
/** A lagging client hears about it at most this often. */
const LAGGING_EVERY_MS = 1000;
/** WebSocket close codes: 1008 policy violation, 1013 try again later. */
const CLOSE_POLICY = 1008;
const CLOSE_TRY_LATER = 1013;

export interface LiveStats {
  clients: number;
  framesSent: number;
  framesDropped: number;
  /** Clients disconnected for reading too slowly. */
  disconnectedSlow: number;
  /** Largest unsent backlog seen on any client socket, bytes. */
  maxBufferedBytes: number;
}

class LiveClient {
  bbox: BBox | null = null;
  intervalMs = 250;
  nextDue = 0;
  /** Picture version of the last frame sent; -1 sends everything in the box. */
  since = -1;
  lastSnapshot = 0;
  events = false;
  types: ReadonlySet<string> | null = null;
  /** Frames dropped since the client was last told. */
  dropped = 0;
  lastLagging = 0;
  tokens: number;
  lastRefill: number;

  constructor(
    readonly socket: WebSocket,
    burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.lastRefill = now;
  }
}

export class LiveFanOut {
  private readonly clients = new Set<LiveClient>();
  private readonly options: LiveOptions;
  private tickTimer: NodeJS.Timeout | undefined;
  private sourcesTimer: NodeJS.Timeout | undefined;
  private slots = new Int32Array(1024);
  private readonly counters = { framesSent: 0, framesDropped: 0, disconnectedSlow: 0, maxBufferedBytes: 0 };

  constructor(
    private readonly picture: LivePicture,
    private readonly sources: () => SourceHealth[],
    options: Partial<LiveOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_LIVE, ...options };
  }

  get maxHz(): number {
    return this.options.maxHz;
  }

  start(): void {
    this.tickTimer = setInterval(() => this.tick(), TICK_MS);
    this.sourcesTimer = setInterval(() => this.broadcastSources(), this.options.sourcesMs);
  }

  stop(): void {
    if (this.tickTimer !== undefined) clearInterval(this.tickTimer);
    if (this.sourcesTimer !== undefined) clearInterval(this.sourcesTimer);
    for (const c of this.clients) c.socket.close(1001, 'server stopping');
    this.clients.clear();
  }

  stats(): LiveStats {
    return { clients: this.clients.size, ...this.counters };
  }

  /** Takes a newly upgraded socket. */
  attach(socket: WebSocket): void {
    if (this.clients.size >= this.options.maxClients) {
      socket.close(CLOSE_TRY_LATER, 'too many clients');
      return;
    }
    const now = this.now();
    const client = new LiveClient(socket, 2 * this.options.clientMessagesPerSecond, now);
    this.clients.add(client);
    socket.on('message', (data, isBinary) => this.receive(client, data, isBinary));
    socket.on('close', () => this.clients.delete(client));
    socket.on('error', () => this.clients.delete(client));
    this.send(client, { type: 'hello', version: 1, serverTime: new Date(now).toISOString(), maxHz: this.options.maxHz });
  }

  /** An event fired: to every client that subscribed to its type. */
  event(record: EventRecord): void {
    let text: string | undefined;
    for (const c of this.clients) {
      if (!c.events || (c.types !== null && !c.types.has(record.type))) continue;
      if (!this.roomFor(c)) continue;
      text ??= JSON.stringify({ type: 'event', event: record } satisfies ServerMessage);
      c.socket.send(text);
    }
  }

  private broadcastSources(): void {
    if (this.clients.size === 0) return;
    const text = JSON.stringify({ type: 'sources', sources: this.sources() } satisfies ServerMessage);
    for (const c of this.clients) if (c.socket.bufferedAmount < this.options.softLimitBytes) c.socket.send(text);
  }

  private receive(client: LiveClient, data: unknown, isBinary: boolean): void {
    const now = this.now();
    const o = this.options;
    client.tokens = Math.min(2 * o.clientMessagesPerSecond, client.tokens + ((now - client.lastRefill) / 1000) * o.clientMessagesPerSecond);
    client.lastRefill = now;
    if (client.tokens < 1) {
      this.fail(client, LiveErrors.TW_LIVE_TOO_FAST, `more than ${o.clientMessagesPerSecond} messages a second`);
      client.socket.close(CLOSE_POLICY, 'too many messages');
      return;
    }
    client.tokens--;
    if (isBinary) return this.fail(client, LiveErrors.TW_LIVE_BAD_MESSAGE, 'binary messages are not understood; send JSON text');
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return this.fail(client, LiveErrors.TW_LIVE_BAD_MESSAGE, `not JSON: ${String(data).slice(0, 60)}`);
    }
    const checked = checkClientMessage(message, o.maxHz);
    if (typeof checked === 'string') return this.fail(client, LiveErrors.TW_LIVE_BAD_MESSAGE, checked);
    this.apply(client, checked, now);
  }

  private apply(client: LiveClient, m: ClientMessage, now: number): void {
    switch (m.type) {
      case 'subscribe-positions':
        client.bbox = m.bbox;
        client.intervalMs = 1000 / Math.min(m.maxHz ?? this.options.maxHz, this.options.maxHz);
        client.since = -1;
        client.nextDue = now;
        return;
      case 'unsubscribe-positions':
        client.bbox = null;
        return;
      case 'subscribe-events':
        client.events = true;
        client.types = m.types === undefined ? null : new Set(m.types);
        return;
      case 'unsubscribe-events':
        client.events = false;
        return;
      case 'ping':
        this.send(client, { type: 'pong', id: m.id, serverTime: new Date(now).toISOString() });
        return;
    }
  }

  private tick(): void {
    const now = this.now();
    const picture = this.picture;
    if (this.slots.length < picture.size) this.slots = new Int32Array(Math.max(picture.size, 2 * this.slots.length));
    for (const c of this.clients) {
      if (c.bbox === null || now < c.nextDue) continue;
      c.nextDue = Math.max(c.nextDue + c.intervalMs, now);
      if (!this.roomFor(c)) continue;
      if (c.socket.bufferedAmount > this.options.softLimitBytes) {
        this.drop(c, now);
        continue;
      }
      if (c.dropped > 0) this.tellLagging(c, now);
      const snapshot = c.since < 0 || now - c.lastSnapshot >= this.options.snapshotMs;
      const version = picture.version;
      const n = picture.collect(c.bbox, snapshot ? -1 : c.since, this.slots);
      c.since = version;
      if (snapshot) c.lastSnapshot = now;
      else if (n === 0) continue;
      const time = Number.isFinite(picture.newest) ? picture.newest : now;
      const { buffer, columns } = allocateFrame(n, time, snapshot);
      picture.fill(columns, this.slots, n, time);
      c.socket.send(buffer, { binary: true });
      this.counters.framesSent++;
    }
  }

  /** False (and the client disconnected) when its backlog passed the hard limit. */
  private roomFor(c: LiveClient): boolean {
    const buffered = c.socket.bufferedAmount;
    if (buffered > this.counters.maxBufferedBytes) this.counters.maxBufferedBytes = buffered;
    if (buffered <= this.options.hardLimitBytes) return true;
    this.counters.disconnectedSlow++;
    this.clients.delete(c);
    // terminate, not close: a close frame would queue behind the backlog.
    c.socket.terminate();
    return false;
  }

  private drop(c: LiveClient, now: number): void {
    c.dropped++;
    this.counters.framesDropped++;
    if (now - c.lastLagging >= LAGGING_EVERY_MS) this.tellLagging(c, now);
  }

  private tellLagging(c: LiveClient, now: number): void {
    this.send(c, { type: 'lagging', dropped: c.dropped });
    c.dropped = 0;
    c.lastLagging = now;
  }

  private fail(c: LiveClient, code: string, message: string): void {
    this.send(c, { type: 'error', code, message });
  }

  private send(c: LiveClient, m: ServerMessage): void {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(m));
  }
}

/** A client message checked against the protocol, or what is wrong with it. */
export function checkClientMessage(m: unknown, maxHz: number): ClientMessage | string {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return 'a message is a JSON object with a "type"';
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'subscribe-positions': {
      const box = checkBBox(o.bbox);
      if (!box.ok) return box.message;
      if (o.maxHz !== undefined && !(typeof o.maxHz === 'number' && o.maxHz > 0 && Number.isFinite(o.maxHz))) {
        return `maxHz ${JSON.stringify(o.maxHz)} is not a positive number (the server allows up to ${maxHz})`;
      }
      return o.maxHz === undefined ? { type: 'subscribe-positions', bbox: box.bbox } : { type: 'subscribe-positions', bbox: box.bbox, maxHz: o.maxHz as number };
    }
    case 'unsubscribe-positions':
    case 'unsubscribe-events':
      return { type: o.type };
    case 'subscribe-events': {
      if (o.types === undefined) return { type: 'subscribe-events' };
      if (!Array.isArray(o.types) || o.types.length > 64 || !o.types.every((t) => typeof t === 'string' && t.length <= 64)) {
        return 'types must be an array of at most 64 event type names';
      }
      return { type: 'subscribe-events', types: o.types as string[] };
    }
    case 'ping':
      if (typeof o.id !== 'number' || !Number.isFinite(o.id)) return `ping id ${JSON.stringify(o.id)} is not a number`;
      return { type: 'ping', id: o.id };
    default:
      return `unknown message type ${JSON.stringify(o.type)?.slice(0, 40)}`;
  }
}
