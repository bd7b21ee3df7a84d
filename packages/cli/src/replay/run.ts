/**
 * One replay run: inputs → observations (merged in time order) → engine →
 * events as JSON Lines, with progress on a terminal and a summary at the end.
 * Streams and the clock come in from the caller; the run returns the exit code.
 */
import type { Writable } from 'node:stream';
import { createEngine, type Layers, type Observation, type Profile, type TidewatchEvent } from '@tidewatch/engine';
import type { Input } from '../decode/input.js';
import { TextOutput } from '../decode/output.js';
import { Progress } from '../decode/progress.js';
import { mergeFeeds, streamFeed, type Feed } from './merge.js';

export interface ReplayStreams {
  /** Where events go. */
  readonly events: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  readonly now: () => number;
}

export interface NamedFeed extends Feed {
  readonly name: string;
}

export const ReplayExit = { OK: 0, INPUT_BROKEN: 1, USAGE: 2 } as const;

export async function runReplay(feeds: readonly NamedFeed[], profile: Profile, layers: Layers, sortAll: boolean, io: ReplayStreams): Promise<number> {
  const out = new TextOutput(io.events);
  // Events only: no snapshot is asked for, so no vessel keeps a history of recent positions.
  const engine = createEngine({ profile, layers, historyLength: 0 });
  const byType = new Map<string, number>();
  const onEvent = (e: TidewatchEvent): void => {
    // Open episodes are for live views; a replay writes each episode once, closed.
    if (e.open === true) return;
    byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    out.write(JSON.stringify(e) + '\n');
  };
  const push = (o: Observation): void => engine.push(o, onEvent);
  const size = feeds.every((f) => f.input.size !== undefined) ? feeds.reduce((n, f) => n + f.input.size!, 0) : undefined;
  const progress = new Progress(io.stderr, io.now, size);
  const started = io.now();
  const tick = async (): Promise<boolean> => {
    progress.update(
      feeds.reduce((n, f) => n + f.input.bytesRead(), 0),
      feeds.reduce((n, f) => n + f.reader.tally.lines, 0),
    );
    await out.flush();
    return !out.closed;
  };

  const order = { windowMs: profile.tracks.reorderWindowS * 1000, sortAll };
  const note = (feed: Feed, count: number): void => {
    const f = feed as NamedFeed;
    io.stderr.write(`${f.name}: ${sortAll ? '' : 'not in time order; '}read whole and sorted in memory (${count} observations)\n`);
  };
  if (feeds.length === 1) await streamFeed(feeds[0]!, order, push, tick, note);
  else await mergeFeeds(feeds, order, push, tick, note);
  if (out.closed) {
    feeds.forEach((f) => f.input.close());
    return ReplayExit.OK;
  }
  engine.finish(onEvent);
  progress.finish();
  await out.flush(true);

  const seconds = (io.now() - started) / 1000;
  const stats = engine.stats();
  io.stderr.write(summary(feeds, byType, stats.positions, seconds));
  if (stats.late > 0) io.stderr.write(`${stats.late} observations arrived later than the ${profile.tracks.reorderWindowS} s reorder window and were not used (the input runs backwards in time; --sort reads inputs whole and sorts them)\n`);
  let broken = false;
  for (const f of feeds) {
    const error = f.input.error();
    if (error !== undefined) {
      broken = true;
      io.stderr.write(`${f.name}: input ended early: ${error.message}\n`);
    }
  }
  if (out.error !== undefined) {
    io.stderr.write(`cannot write events: ${out.error.message}\n`);
    return ReplayExit.INPUT_BROKEN;
  }
  return broken ? ReplayExit.INPUT_BROKEN : ReplayExit.OK;
}

function summary(feeds: readonly NamedFeed[], byType: Map<string, number>, positions: number, seconds: number): string {
  const lines: string[] = [];
  let messages = 0;
  for (const f of feeds) {
    const t = f.reader.tally;
    messages += t.messages;
    const refused = [...t.reasons].filter(([r]) => r !== 'other_sentence').reduce((n, [, c]) => n + c, 0);
    lines.push(`${f.name} (${f.reader.kind}): ${t.lines} lines, ${t.messages} ${f.reader.kind === 'csv' ? 'rows' : 'messages'}, ${t.observations} observations, ${refused} refused`);
    for (const [reason, count] of [...t.reasons].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  ${reason}  ${count}`);
    for (const example of t.examples) lines.push(`  e.g. ${example}`);
  }
  const total = [...byType.values()].reduce((a, b) => a + b, 0);
  lines.push(`${total} events from ${positions} positions in ${seconds.toFixed(1)} s (${Math.round(messages / Math.max(seconds, 1e-3))} messages/s)`);
  for (const [type, count] of [...byType].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  ${type}  ${count}`);
  return lines.join('\n') + '\n';
}
