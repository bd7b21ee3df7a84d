/**
 * watchlist_match: a vessel on a watchlist (sanctions list, vessels under
 * investigation), found by IMO number, MMSI or normalised name.
 *
 * Behaviour. A vessel is looked up when first seen (its MMSI) and whenever
 * its broadcast identity tells something new (its IMO number, its name),
 * including changes of name or number later on. IMO and MMSI match exactly;
 * names match after normalisation (upper case, no diacritics or punctuation,
 * spaces collapsed, a leading MV, M/V, MT… dropped) and only when the
 * normalised name has at least `minNameLength` characters (null: names never
 * match on their own). A vessel matched by IMO or MMSI whose current name
 * differs from the listed one is reported with both: a name change after
 * listing. Listed fields that the vessel contradicts (same name, other IMO)
 * are reported too.
 *
 * Emission. One episode per vessel and entry for as long as the engine
 * tracks the vessel: `open: true` at the first match (at the vessel's latest
 * position), again with the same id when the evidence grows (matched by one
 * more field, a new name), closed when the vessel is forgotten or the input
 * ends. Ids end with the entry's key.
 */
import { eventPoint, type EngineEvent, type EventPoint, type EventSink } from '../events/event.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import { normaliseName, type Watchlist } from '../space/watchlist.js';
import { IdentityField } from '../track/identity.js';
import { resize } from '../track/track-table.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';
import { keyedEvent } from './keyed-event.js';

export const WATCHLIST_MATCH_PARAMS = {
  minNameLength: {
    unit: 'count',
    meaning: 'a normalised name shorter than this never matches on its own (null: names never match on their own)',
    min: 1,
    max: 40,
    integer: true,
    nullable: true,
  },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof WATCHLIST_MATCH_PARAMS>;

export type WatchlistField = 'imo' | 'mmsi' | 'name';

export interface WatchlistMatchDetails {
  readonly thresholds: Params;
  /** The entry as listed, with its key. */
  readonly entry: { readonly id: string; readonly list: string; readonly imo: number | null; readonly mmsi: number | null; readonly name: string | null; readonly reason: string | null };
  readonly matchedBy: readonly WatchlistField[];
  /** Listed fields the vessel broadcasts differently. */
  readonly disagreeing: readonly WatchlistField[];
  /** What the vessel says it is now. */
  readonly vessel: { readonly name: string | null; readonly imo: number | null; readonly callsign: string | null };
  /** Matched by IMO or MMSI under another name than the listed one. */
  readonly nameChange: { readonly listed: string; readonly current: string } | null;
  /** Names the vessel broadcast before its current one, oldest first (as far as the engine remembers). */
  readonly previousNames: readonly string[];
  /** When and where the match was first made. */
  readonly matched: EventPoint;
}

export type WatchlistMatchEvent = EngineEvent<'watchlist_match', WatchlistMatchDetails>;

const BY_IMO = 1;
const BY_MMSI = 2;
const BY_NAME = 4;

interface Match {
  readonly entry: number;
  readonly t: number;
  readonly lat: number;
  readonly lon: number;
  by: number;
  /** What the last emission said: fields matched and the vessel's name then. */
  shownBy: number;
  shownName: string;
}

class WatchlistMatchDetector implements Detector {
  private readonly minNameLength: number;
  /**
   * Per slot: 1 when the next position must look the vessel up (it is new, or
   * its name or number changed since the last look). Everything else that
   * `examine` reads changes only then, so other positions skip it.
   */
  private due = new Uint8Array(0);
  private mmsiChecked = new Uint8Array(0);
  private imoChecked = new Float64Array(0);
  private nameChecked: string[] = [];
  private readonly matches: Array<Match[] | undefined> = [];
  private matched = 0;

  constructor(
    private readonly ctx: DetectorContext<Params>,
    private readonly list: Watchlist,
  ) {
    this.minNameLength = ctx.params.minNameLength ?? Infinity;
    this.grow(ctx.tracks.capacity);
  }

  grow(capacity: number): void {
    this.due = resize(this.due, capacity);
    this.mmsiChecked = resize(this.mmsiChecked, capacity);
    this.imoChecked = resize(this.imoChecked, capacity);
  }

  open(slot: number): void {
    this.due[slot] = 1;
    this.mmsiChecked[slot] = 0;
    this.imoChecked[slot] = NaN;
    this.nameChecked[slot] = '';
    this.matches[slot] = undefined;
  }

  position(slot: number, emit: EventSink): void {
    if (this.due[slot] === 0) return;
    this.examine(slot, this.ctx.tracks.lastT(slot), emit);
  }

  identity(slot: number, changes: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    // A value learned for the first time is looked up at the next position; so is any
    // before the first position, since matches are placed at one.
    if (changes === 0 || tracks.positions(slot) === 0) {
      this.due[slot] = 1;
      return;
    }
    this.examine(slot, tracks.identities[slot]?.lastT ?? tracks.heardT(slot), emit);
  }

  evict(slot: number, _now: number, emit: EventSink): void {
    this.close(slot, emit);
  }

  finish(_now: number, emit: EventSink): void {
    if (this.matched === 0) return;
    const high = this.ctx.tracks.highWater;
    for (let slot = 0; slot < high; slot++) if (this.matches[slot] !== undefined) this.close(slot, emit);
  }

  /** Looks up what is new about the vessel; emits new or grown matches. */
  private examine(slot: number, t: number, emit: EventSink): void {
    this.due[slot] = 0;
    const tracks = this.ctx.tracks;
    const list = this.list;
    if (this.mmsiChecked[slot] === 0) {
      this.mmsiChecked[slot] = 1;
      for (const e of list.byMmsi(tracks.mmsi(slot))) this.note(slot, e, BY_MMSI, t);
    }
    const identity = tracks.identities[slot];
    if (identity !== undefined) {
      // Dated by the static report that told it (the newest one), not by the position that follows.
      const told = Math.min(t, identity.lastT);
      if (!Number.isNaN(identity.imo) && identity.imo !== this.imoChecked[slot]) {
        this.imoChecked[slot] = identity.imo;
        for (const e of list.byImo(identity.imo)) this.note(slot, e, BY_IMO, told);
      }
      if (identity.name !== this.nameChecked[slot]) {
        this.nameChecked[slot] = identity.name;
        const name = normaliseName(identity.name);
        if (name.length >= this.minNameLength) {
          for (const e of list.byName(name)) {
            // A shared name is no evidence against a broadcast IMO that names another hull:
            // common names ("DOLPHIN") would otherwise flag every namesake.
            const listedImo = list.entries[e]!.imo;
            if (listedImo !== null && !Number.isNaN(identity.imo) && identity.imo !== listedImo) continue;
            this.note(slot, e, BY_NAME, told);
          }
        }
      }
    }
    const matches = this.matches[slot];
    if (matches === undefined) return;
    const name = identity?.name ?? '';
    for (const m of matches) {
      if (m.by === m.shownBy && name === m.shownName) continue;
      m.shownBy = m.by;
      m.shownName = name;
      emit(this.event(slot, m, t, true));
    }
  }

  /** Records that entry `e` matched by `field` (the next emission shows it). */
  private note(slot: number, e: number, field: number, t: number): void {
    let matches = this.matches[slot];
    if (matches === undefined) {
      matches = this.matches[slot] = [];
      this.matched++;
    }
    let m = matches.find((x) => x.entry === e);
    if (m === undefined) {
      const tracks = this.ctx.tracks;
      m = { entry: e, t, lat: tracks.lat(slot), lon: tracks.lon(slot), by: 0, shownBy: 0, shownName: '' };
      matches.push(m);
    }
    m.by |= field;
  }

  private close(slot: number, emit: EventSink): void {
    const matches = this.matches[slot];
    if (matches === undefined) return;
    const end = this.ctx.tracks.heardT(slot);
    for (const m of matches) emit(this.event(slot, m, end, false));
    this.matches[slot] = undefined;
    this.matched--;
  }

  private event(slot: number, m: Match, end: number, open: boolean): WatchlistMatchEvent {
    const tracks = this.ctx.tracks;
    const listed = this.list.entries[m.entry]!;
    const identity = tracks.identities[slot];
    const name = identity === undefined || identity.name === '' ? null : identity.name;
    const imo = identity === undefined || Number.isNaN(identity.imo) ? null : identity.imo;
    const mmsi = tracks.mmsi(slot);
    const disagreeing: WatchlistField[] = [];
    if (listed.imo !== null && imo !== null && imo !== listed.imo) disagreeing.push('imo');
    if (listed.mmsi !== null && listed.mmsi !== mmsi) disagreeing.push('mmsi');
    if (listed.name !== null && name !== null && normaliseName(name) !== normaliseName(listed.name)) disagreeing.push('name');
    const byNumber = (m.by & (BY_IMO | BY_MMSI)) !== 0;
    const details: WatchlistMatchDetails = {
      thresholds: this.ctx.params,
      entry: { id: this.list.ids[m.entry]!, list: listed.list, imo: listed.imo, mmsi: listed.mmsi, name: listed.name, reason: listed.reason ?? null },
      matchedBy: fields(m.by),
      disagreeing,
      vessel: { name, imo, callsign: identity === undefined || identity.callsign === '' ? null : identity.callsign },
      nameChange: byNumber && disagreeing.includes('name') ? { listed: listed.name!, current: name! } : null,
      previousNames: identity === undefined ? [] : identity.changes.filter((c) => c.field === IdentityField.NAME).map((c) => String(c.from)),
      matched: eventPoint(m.t, m.lat, m.lon),
    };
    const lat = tracks.lat(slot);
    const lon = tracks.lon(slot);
    return keyedEvent('watchlist_match', details.entry.id, this.ctx.profile, [mmsi], m.t, Math.max(end, m.t), lat, lon, open, details);
  }
}

function fields(by: number): WatchlistField[] {
  const out: WatchlistField[] = [];
  if ((by & BY_IMO) !== 0) out.push('imo');
  if ((by & BY_MMSI) !== 0) out.push('mmsi');
  if ((by & BY_NAME) !== 0) out.push('name');
  return out;
}

export const watchlistMatch: DetectorDefinition<'watchlist_match', typeof WATCHLIST_MATCH_PARAMS, WatchlistMatchDetails> = {
  type: 'watchlist_match',
  summary: 'A vessel on a watchlist, by IMO number, MMSI or normalised name, including a name change after listing.',
  params: WATCHLIST_MATCH_PARAMS,
  create: (ctx) => (ctx.layers.watchlist === undefined ? {} : new WatchlistMatchDetector(ctx, ctx.layers.watchlist)),
};
