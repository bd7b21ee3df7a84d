/**
 * Every event the page knows, by id, kept in time order. The same id again is the same
 * event, updated: an episode announced while open comes back closed, with its final times.
 */
import type { EventRecord } from '@tidewatch/protocol';

export class KnownEvents {
  private readonly byId = new Map<string, EventRecord>();
  /** Oldest start first; ties by id, so the order is the same on every page. */
  list: readonly EventRecord[] = [];
  /** Bumped on every change, for layers that must recompute their colours. */
  version = 0;

  add(events: readonly EventRecord[]): void {
    if (events.length === 0) return;
    for (const e of events) this.byId.set(e.id, e);
    this.list = [...this.byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.version++;
  }

  earliestStart(): number {
    return this.list.length ? Date.parse(this.list[0]!.start) : Infinity;
  }
}
