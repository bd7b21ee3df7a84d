/**
 * The live connection (`/api/v1/live`): JSON messages for events and status, binary frames
 * for positions. Reconnects after a drop with exponential backoff and jitter, so a restarted
 * server is not met by every browser at the same instant; subscriptions are sent again on
 * every (re)connection.
 */
import { readFrame, type ClientMessage, type PositionColumns, type ServerMessage } from '@tidewatch/protocol';

export type LinkState = 'connecting' | 'open' | 'closed';

export interface LiveHandlers {
  frame(columns: PositionColumns): void;
  message(message: ServerMessage): void;
  state(state: LinkState, retryInMs?: number): void;
  /** A frame or message the page could not read; shown, never thrown. */
  fault(error: string): void;
}

export interface LiveLink {
  send(message: ClientMessage): void;
  close(): void;
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 15_000;

/** `subscriptions()` is asked on every connection, so it reflects the current view. */
export function connectLive(url: string, handlers: LiveHandlers, subscriptions: () => ClientMessage[]): LiveLink {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const open = (): void => {
    handlers.state('connecting');
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      handlers.state('open');
      for (const m of subscriptions()) ws.send(JSON.stringify(m));
    };
    ws.onmessage = (e: MessageEvent) => receive(e.data);
    ws.onclose = () => {
      socket = null;
      if (closed) return;
      const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt++) * (0.5 + Math.random() / 2);
      handlers.state('closed', delay);
      timer = setTimeout(open, delay);
    };
  };

  const receive = (data: unknown): void => {
    if (data instanceof ArrayBuffer) {
      const r = readFrame(data);
      if (r.ok) handlers.frame(r.columns);
      else handlers.fault(r.error);
      return;
    }
    if (typeof data !== 'string') return;
    try {
      handlers.message(JSON.parse(data) as ServerMessage);
    } catch {
      handlers.fault(`unreadable message: ${data.slice(0, 80)}`);
    }
  };

  open();
  return {
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}

/** The live socket's address: beside the API root. */
export function liveUrl(location: Location): string {
  const url = new URL('api/v1/live', apiBase(location));
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** The API root: the page's own origin, or `?api=` when the page is previewed elsewhere. */
export function apiBase(location: Location): string {
  const override = new URLSearchParams(location.search).get('api');
  return override ?? `${location.origin}/`;
}
