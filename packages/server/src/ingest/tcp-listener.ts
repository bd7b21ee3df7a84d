/**
 * A TCP port feeds connect to and push NMEA lines (AIS-catcher, rtl-ais,
 * gpsd relays). Each connection is its own channel; connections beyond
 * `maxConnections` are refused so a misbehaving peer cannot exhaust memory.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { LineSplitter } from './line-splitter.js';
import { SourceStatus, type Ingest, type Source } from './source.js';

export interface TcpListenerOptions {
  name: string;
  port: number;
  host?: string;
  maxConnections?: number;
  now?: () => number;
}

export function tcpListenerSource(options: TcpListenerOptions, ingest: Ingest): Source {
  return new TcpListener(options, ingest);
}

class TcpListener implements Source {
  readonly status: SourceStatus;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly now: () => number;

  constructor(
    private readonly options: TcpListenerOptions,
    private readonly ingest: Ingest,
  ) {
    this.status = new SourceStatus(options.name, 'tcp-listener', 'connecting');
    this.now = options.now ?? Date.now;
  }

  boundPort(): number | undefined {
    const a = this.server?.address();
    return typeof a === 'object' && a !== null ? a.port : undefined;
  }

  start(): void {
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.options.maxConnections ?? 64;
    server.on('error', (e) => {
      this.status.state = 'disconnected';
      this.status.note = e.message;
    });
    server.listen(this.options.port, this.options.host ?? '0.0.0.0', () => {
      this.status.state = 'listening';
    });
    this.server = server;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const status = this.status;
    const channel = this.ingest.channel(status);
    const splitter = new LineSplitter(
      (buf, start, end) => channel.pushBytes(buf, start, end, this.now()),
      (reason) => {
        status.lines++;
        status.reject(reason);
      },
    );
    socket.on('data', (chunk: Buffer) => splitter.push(chunk));
    socket.on('error', (e) => {
      status.note = e.message;
    });
    socket.on('close', () => {
      splitter.end();
      channel.end();
      this.sockets.delete(socket);
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    this.status.state = 'disconnected';
    if (server === undefined || !server.listening) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
