/**
 * A TCP feed we connect to (an AIS receiver, a provider, `nc -l`): reconnects
 * with backoff and jitter whenever the connection fails or drops.
 *
 * Each connection is its own channel: a message cut by a disconnect is
 * rejected as incomplete rather than glued to the next connection's lines.
 */
import { Socket } from 'node:net';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { LineSplitter } from './line-splitter.js';
import { SourceStatus, type Ingest, type Source } from './source.js';

export interface TcpClientOptions {
  name: string;
  host: string;
  port: number;
  backoff?: BackoffPolicy;
  /** Give up a connection attempt after this long, ms. */
  connectTimeoutMs?: number;
  /** The clock for receive times (tests replace it). */
  now?: () => number;
}

export function tcpClientSource(options: TcpClientOptions, ingest: Ingest): Source {
  return new TcpClient(options, ingest);
}

class TcpClient implements Source {
  readonly status: SourceStatus;
  private socket: Socket | undefined;
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private stopped = false;
  private readonly policy: BackoffPolicy;
  private readonly now: () => number;

  constructor(
    private readonly options: TcpClientOptions,
    private readonly ingest: Ingest,
  ) {
    this.status = new SourceStatus(options.name, 'tcp-client', 'connecting');
    this.policy = options.backoff ?? DEFAULT_BACKOFF;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    this.status.state = 'connecting';
    const socket = new Socket();
    this.socket = socket;
    const channel = this.ingest.channel(this.status);
    const status = this.status;
    const splitter = new LineSplitter(
      (buf, start, end) => channel.pushBytes(buf, start, end, this.now()),
      (reason) => {
        status.lines++;
        status.reject(reason);
      },
    );
    socket.setTimeout(this.options.connectTimeoutMs ?? 10_000, () => socket.destroy(new Error('connect timed out')));
    socket.setKeepAlive(true, 30_000);
    socket.on('connect', () => {
      socket.setTimeout(0);
      this.status.state = 'connected';
      this.status.note = '';
    });
    socket.on('data', (chunk: Buffer) => {
      // A connection that delivers data is healthy: the next failure starts the backoff afresh.
      this.attempt = 0;
      splitter.push(chunk);
    });
    socket.on('error', (e) => {
      this.status.note = e.message;
    });
    socket.on('close', () => {
      splitter.end();
      channel.end();
      if (this.socket === socket) this.socket = undefined;
      if (this.stopped) return;
      this.status.state = 'disconnected';
      const delay = backoffDelay(this.attempt++, this.policy);
      this.timer = setTimeout(() => this.connect(), delay);
    });
    socket.connect(this.options.port, this.options.host);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const socket = this.socket;
    this.status.state = 'disconnected';
    if (socket === undefined || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }
}
