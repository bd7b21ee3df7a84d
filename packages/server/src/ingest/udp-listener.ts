/**
 * A UDP port receivers broadcast NMEA to (the usual way of AIS dongles and
 * shipboard multiplexers). A datagram carries whole lines. Each sending peer
 * is its own channel so fragments from two receivers never mix; the peer table
 * is bounded, the least recently heard peer making room for a new one.
 */
import { createSocket, type Socket } from 'node:dgram';
import { Reject } from '@tidewatch/ais';
import { DEFAULT_MAX_LINE } from './line-splitter.js';
import { SourceStatus, type Ingest, type LineChannel, type Source } from './source.js';

export interface UdpListenerOptions {
  name: string;
  port: number;
  host?: string;
  maxPeers?: number;
  now?: () => number;
}

export function udpListenerSource(options: UdpListenerOptions, ingest: Ingest): Source {
  return new UdpListener(options, ingest);
}

class UdpListener implements Source {
  readonly status: SourceStatus;
  private socket: Socket | undefined;
  /** Insertion order is recency order: a peer heard again is moved to the end. */
  private readonly peers = new Map<string, LineChannel>();
  private readonly maxPeers: number;
  private readonly now: () => number;

  constructor(
    private readonly options: UdpListenerOptions,
    private readonly ingest: Ingest,
  ) {
    this.status = new SourceStatus(options.name, 'udp-listener', 'connecting');
    this.maxPeers = options.maxPeers ?? 256;
    this.now = options.now ?? Date.now;
  }

  boundPort(): number | undefined {
    try {
      return this.socket?.address().port;
    } catch {
      return undefined; // not bound yet
    }
  }

  start(): void {
    const socket = createSocket('udp4');
    socket.on('message', (data, from) => this.datagram(data, `${from.address}:${from.port}`));
    socket.on('error', (e) => {
      this.status.state = 'disconnected';
      this.status.note = e.message;
    });
    socket.bind(this.options.port, this.options.host ?? '0.0.0.0', () => {
      this.status.state = 'listening';
    });
    this.socket = socket;
  }

  private datagram(data: Buffer, peer: string): void {
    let channel = this.peers.get(peer);
    if (channel !== undefined) {
      this.peers.delete(peer);
    } else {
      if (this.peers.size >= this.maxPeers) {
        const [oldest, old] = this.peers.entries().next().value as [string, LineChannel];
        old.end();
        this.peers.delete(oldest);
      }
      channel = this.ingest.channel(this.status);
    }
    this.peers.set(peer, channel);
    const receivedAt = this.now();
    let start = 0;
    while (start < data.length) {
      let nl = data.indexOf(0x0a, start);
      if (nl < 0) nl = data.length;
      if (nl - start > DEFAULT_MAX_LINE) {
        this.status.lines++;
        this.status.reject(Reject.LINE_TOO_LONG);
      } else if (nl > start) {
        channel.pushBytes(data, start, nl, receivedAt);
      }
      start = nl + 1;
    }
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    this.status.state = 'disconnected';
    for (const c of this.peers.values()) c.end();
    this.peers.clear();
    if (socket === undefined) return;
    await new Promise<void>((resolve) => socket.close(() => resolve()));
  }
}
