/**
 * The vessel panel: who the vessel says it is (and what it said before), its track over a
 * chosen window, and its events. Opened by clicking a vessel.
 */
import type { EventRecord, VesselDetail } from '@tidewatch/protocol';
import type { ApiClient } from '../api/client.js';
import { shipClassLabel } from '../map/ship-types.js';
import { eventLabel } from '../map/event-style.js';
import { h, replaceChildren } from './dom.js';
import { degrees, knots, orDash, position, utc } from './format.js';

export const TRACK_WINDOWS = [
  { label: '1 hour', ms: 3_600_000 },
  { label: '6 hours', ms: 6 * 3_600_000 },
  { label: '24 hours', ms: 24 * 3_600_000 },
  { label: '7 days', ms: 7 * 24 * 3_600_000 },
] as const;

export interface VesselPanelHooks {
  /** The time the map shows: the track window ends there. */
  now(): number;
  track(mmsi: number, path: [number, number][]): void;
  openEvent(e: EventRecord): void;
  close(): void;
}

export class VesselPanel {
  private windowMs: number = TRACK_WINDOWS[1].ms;
  private request = 0;
  mmsi: number | null = null;
  /** The shown vessel's last position, once loaded. */
  position: [number, number] | null = null;

  constructor(private readonly root: HTMLElement, private readonly api: ApiClient, private readonly hooks: VesselPanelHooks) {}

  async open(mmsi: number): Promise<void> {
    this.mmsi = mmsi;
    this.position = null;
    const ticket = ++this.request;
    replaceChildren(this.root, this.header(`MMSI ${mmsi}`), h('p', { class: 'muted' }, 'Loading…'));
    this.root.hidden = false;
    const to = this.hooks.now();
    const r = await this.api.vessel(mmsi, to - this.windowMs, to);
    if (ticket !== this.request) return;
    if (!r.ok) {
      replaceChildren(this.root, this.header(`MMSI ${mmsi}`), h('p', { class: 'error', role: 'alert' }, r.error));
      this.hooks.track(mmsi, []);
      return;
    }
    this.position = [r.value.lon, r.value.lat];
    this.render(r.value);
    this.hooks.track(mmsi, r.value.track.map((p) => [p.lon, p.lat]));
  }

  close(): void {
    this.request++;
    this.mmsi = null;
    this.root.hidden = true;
    replaceChildren(this.root);
  }

  private header(title: string): HTMLElement {
    return h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'vessel-title', tabindex: -1 }, title),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close vessel panel', onclick: () => this.hooks.close() }, '×'),
    );
  }

  private render(v: VesselDetail): void {
    const title = v.name?.trim() || `MMSI ${v.mmsi}`;
    const windowSelect = h(
      'select',
      {
        id: 'track-window',
        onchange: (e: Event) => {
          this.windowMs = Number((e.target as HTMLSelectElement).value);
          void this.open(v.mmsi);
        },
      },
      ...TRACK_WINDOWS.map((w) => h('option', { value: w.ms, selected: w.ms === this.windowMs }, w.label)),
    );
    replaceChildren(
      this.root,
      this.header(title),
      h(
        'dl',
        { class: 'facts' },
        ...fact('MMSI', String(v.mmsi)),
        ...fact('Flag', orDash(v.flag)),
        ...fact('IMO', orDash(v.imo)),
        ...fact('Call sign', orDash(v.callsign)),
        ...fact('Type', v.shipType === null ? '–' : `${shipClassLabel(v.shipType)} (${v.shipType})`),
        ...fact('Position', position(v.lat, v.lon)),
        ...fact('Speed, course', `${knots(v.sog)}, ${degrees(v.cog)}`),
        ...fact('Heading', degrees(v.heading)),
        ...fact('Last report', utc(v.time)),
      ),
      h('h3', {}, 'Identity history'),
      v.identityHistory.length === 0
        ? h('p', { class: 'muted' }, 'No changes recorded.')
        : h(
            'table',
            { class: 'history' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Since'), h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Call sign'), h('th', { scope: 'col' }, 'IMO'), h('th', { scope: 'col' }, 'Type'))),
            h('tbody', {}, ...v.identityHistory.map((c) => h('tr', {}, h('td', {}, utc(c.time)), h('td', {}, orDash(c.name)), h('td', {}, orDash(c.callsign)), h('td', {}, orDash(c.imo)), h('td', {}, orDash(c.shipType))))),
          ),
      h('h3', {}, 'Track'),
      h('p', {}, h('label', { for: 'track-window' }, 'Show the last '), windowSelect, ` — ${v.track.length} positions`),
      h('h3', {}, `Events (${v.events.length})`),
      v.events.length === 0
        ? h('p', { class: 'muted' }, 'None.')
        : h('ul', { class: 'event-list' }, ...v.events.map((e) => h('li', {}, h('button', { type: 'button', class: 'event-item', 'data-event-id': e.id, onclick: () => this.hooks.openEvent(e) }, `${eventLabel(e.type)} · ${utc(e.start)}`)))),
    );
  }
}

function fact(term: string, value: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}
