/**
 * `tidewatch replay <inputs...>`: the command line of a replay run.
 */
import { createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { DEFAULT_PROFILE_ID } from '@tidewatch/engine';
import { openInput, type Input } from '../decode/input.js';
import { loadLayers } from './layers.js';
import { emptyInputReader, readerFor, type ReaderResult } from './observations.js';
import { chooseProfile } from './profile.js';
import { ReplayExit, runReplay, type NamedFeed } from './run.js';

export interface ReplayEnvironment {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  readonly now: () => number;
  readonly exit: (code: number) => void;
}

interface Flags {
  events?: string;
  zones: string[];
  infrastructure: string[];
  watchlist: string[];
  profile?: string;
  layers: string;
  sort?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function addReplayCommand(program: Command, env: ReplayEnvironment): void {
  program
    .command('replay')
    .description('replay AIS (NMEA with or without tag blocks, DMA or NOAA CSV; .gz or not) through the track engine and detectors, writing events')
    .argument('<inputs...>', "input files, merged in time order; '-' for standard input")
    .option('--events <file>', 'write events (JSON Lines) to this file instead of standard output')
    .option('--zones <file.geojson>', 'more zones (Polygon/MultiPolygon; properties.name) (repeatable)', collect, [])
    .option('--infrastructure <file.geojson>', 'more cables/pipelines (LineString; properties.name, corridor_m) (repeatable)', collect, [])
    .option('--watchlist <file.csv>', 'more watchlist entries (columns imo,mmsi,name,list) (repeatable)', collect, [])
    .option('--profile <name|file>', `parameter profile: gfw-2018, rendezvous-fast, or a JSON file (default ${DEFAULT_PROFILE_ID})`)
    .option('--sort', 'read every input whole and sort it by time before replaying (for logs concatenated out of order)')
    .option('--layers <default|none>', 'default: the layers shipped in data/ plus the flags; none: only the flags', 'default')
    .addHelpText(
      'after',
      '\nEach event line: {"id","type","start","end","mmsi":[...],"lat","lon","profile","details"}.\n' +
        'Ids are deterministic: the same input gives the same ids. A summary goes to stderr.\n' +
        'Exit status: 0 done (refused lines are counted, not fatal), 1 an input broke off after\n' +
        'everything readable was replayed, 2 usage error or unreadable input, layer or profile.\n' +
        'Coastline, anchorage and zone files are parsed once and then loaded from a layer cache\n' +
        '(TIDEWATCH_CACHE_DIR, else $XDG_CACHE_HOME/tidewatch or ~/.cache/tidewatch; none: off).',
    )
    .action(async (paths: string[], flags: Flags, command: Command) => {
      if (flags.layers !== 'default' && flags.layers !== 'none') command.error(`error: --layers must be default or none, not "${flags.layers}"`, { exitCode: ReplayExit.USAGE });
      env.exit(await replay(paths, flags, env));
    });
}

async function replay(paths: string[], flags: Flags, env: ReplayEnvironment): Promise<number> {
  const fail = (message: string): number => {
    env.stderr.write(`tidewatch replay: ${message}\n`);
    return ReplayExit.USAGE;
  };
  const profile = await chooseProfile(flags.profile);
  if (!profile.ok) return fail(profile.message);
  const layers = await loadLayers({ builtins: flags.layers === 'default', zones: flags.zones, infrastructure: flags.infrastructure, watchlists: flags.watchlist });
  if (!layers.ok) return fail(layers.message);
  const feeds: NamedFeed[] = [];
  for (const path of paths) {
    const opened = await openInput(path, env.stdin);
    if (!opened.ok) return fail(opened.message);
    const feed = await feedOf(path, opened.input);
    if (!feed.ok) return fail(feed.message);
    feeds.push(feed.feed);
  }
  for (const note of layers.notes) env.stderr.write(`layers: ${note}\n`);
  env.stderr.write(`profile: ${profile.profile.id} version ${profile.profile.version}\n`);
  const events = flags.events === undefined ? env.stdout : createWriteStream(flags.events);
  const code = await runReplay(feeds, profile.profile, layers.layers, flags.sort === true, { events, stderr: env.stderr, now: env.now });
  if (events !== env.stdout) await new Promise<void>((resolve) => events.end(resolve));
  return code;
}

/** Looks at the first chunk to choose the reader, then hands the chunk back in front of the rest. */
async function feedOf(name: string, input: Input): Promise<{ ok: true; feed: NamedFeed } | { ok: false; message: string }> {
  const it = input.chunks[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  const chosen: ReaderResult = first.done ? { ok: true, reader: emptyInputReader() } : readerFor(head);
  if (!chosen.ok) {
    input.close();
    return { ok: false, message: `${name}: ${chosen.message}` };
  }
  const chunks = (async function* (): AsyncGenerator<Uint8Array> {
    if (!first.done) yield head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  })();
  return { ok: true, feed: { name, reader: chosen.reader, input: { ...input, chunks } } };
}
