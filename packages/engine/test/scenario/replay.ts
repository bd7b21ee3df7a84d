/**
 * Replays NMEA lines through the whole chain the product uses: AisReceiver
 * (framing, tag-block times) → fromAis → engine, and collects the events.
 */
import { AisReceiver } from '@tidewatch/ais';
import {
  builtInProfile,
  createEngine,
  emptyPosition,
  positionFromAis,
  staticFromAis,
  type Engine,
  type Layers,
  type Profile,
  type TidewatchEvent,
} from '../../src/index.js';

export interface ReplayOptions {
  profile?: Profile;
  layers?: Layers;
}

export function gfw2018(): Profile {
  const p = builtInProfile('gfw-2018');
  if (p === undefined) throw new Error('gfw-2018 not shipped');
  return p;
}

/** A receiver wired to an engine; `line` feeds one NMEA line. */
export function receiverInto(engine: Engine, emit: (e: TidewatchEvent) => void): { line(text: string): void; end(): void } {
  const position = emptyPosition();
  const receiver = new AisReceiver({
    message(m, ctx) {
      const t = ctx.time;
      if (t === undefined) throw new Error(`line ${ctx.line} has no time`);
      if (positionFromAis(m, t, position)) engine.push(position, emit);
      const s = staticFromAis(m, t);
      if (s !== undefined) engine.push(s, emit);
    },
    reject(r) {
      throw new Error(`line ${r.line} rejected: ${r.reason} ${r.detail}`);
    },
  });
  return { line: (text) => receiver.pushLine(text), end: () => receiver.end() };
}

/** Every event the engine emits for `lines`, in emission order (open ones included). */
export function replay(lines: readonly string[], options: ReplayOptions = {}): TidewatchEvent[] {
  const events: TidewatchEvent[] = [];
  const emit = (e: TidewatchEvent): void => void events.push(e);
  const engine = createEngine({ profile: options.profile ?? gfw2018(), layers: options.layers ?? {} });
  const rx = receiverInto(engine, emit);
  for (const line of lines) rx.line(line);
  rx.end();
  engine.finish(emit);
  return events;
}

/** The final version of each episode (closed events, and open ones never closed), by id. */
export function finalEvents<E extends TidewatchEvent>(events: readonly E[]): E[] {
  const byId = new Map<string, E>();
  for (const e of events) if (!byId.has(e.id) || e.open !== true) byId.set(e.id, e);
  return [...byId.values()];
}

export function ofType<T extends TidewatchEvent['type']>(events: readonly TidewatchEvent[], type: T): Extract<TidewatchEvent, { type: T }>[] {
  return events.filter((e): e is Extract<TidewatchEvent, { type: T }> => e.type === type);
}
