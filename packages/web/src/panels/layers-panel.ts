/**
 * The layers panel: vessels and event markers, every reference layer the server lists
 * (zones, cables and pipelines, anchorages) and watchlist hits, each a checkbox.
 */
import type { LayerInfo } from '@tidewatch/protocol';
import { SHIP_CLASSES, cssColour } from '../map/ship-types.js';
import { h, replaceChildren } from './dom.js';

export interface LayerToggles {
  vessels: boolean;
  events: boolean;
  watchlistHits: boolean;
  anchorages: boolean;
  /** Reference layers switched on, by id. */
  reference: Set<string>;
}

const KIND_HEADING = { zones: 'Zones', infrastructure: 'Cables, pipelines, anchorages', watchlist: 'Watchlists' } as const;

export class LayersPanel {
  readonly toggles: LayerToggles = { vessels: true, events: true, watchlistHits: true, anchorages: false, reference: new Set() };

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (changedLayer?: LayerInfo | 'anchorages') => void,
  ) {
    this.render([], null);
  }

  render(layers: readonly LayerInfo[], error: string | null): void {
    const box = (id: string, label: string, checked: boolean, set: (on: boolean) => void, layer?: LayerInfo | 'anchorages'): HTMLElement =>
      h(
        'label',
        { class: 'toggle' },
        h('input', { type: 'checkbox', id, checked, onchange: (e: Event) => { set((e.target as HTMLInputElement).checked); this.onChange(layer); } }),
        label,
      );
    const byKind = (kind: LayerInfo['kind']) => layers.filter((l) => l.kind === kind);
    const groups = (['zones', 'infrastructure'] as const).map((k) =>
      h(
        'fieldset',
        {},
        h('legend', {}, KIND_HEADING[k]),
        ...byKind(k).map((l) =>
          box(`layer-${l.id}`, `${l.name} (${l.size})`, this.toggles.reference.has(l.id), (on) => (on ? this.toggles.reference.add(l.id) : this.toggles.reference.delete(l.id)), l),
        ),
        k === 'infrastructure' ? box('layer-anchorages', 'Anchorages (shipped list)', this.toggles.anchorages, (on) => (this.toggles.anchorages = on), 'anchorages') : null,
        k === 'zones' && byKind(k).length === 0 ? h('p', { class: 'muted' }, 'None listed.') : null,
      ),
    );
    const watchlists = byKind('watchlist');
    replaceChildren(
      this.root,
      h(
        'fieldset',
        {},
        h('legend', {}, 'Live'),
        box('layer-vessels', 'Vessels', this.toggles.vessels, (on) => (this.toggles.vessels = on)),
        box('layer-events', 'Event markers', this.toggles.events, (on) => (this.toggles.events = on)),
        box('layer-watchlist-hits', `Watchlist hits${watchlists.length ? ` (${watchlists.map((w) => w.name).join(', ')})` : ''}`, this.toggles.watchlistHits, (on) => (this.toggles.watchlistHits = on)),
      ),
      ...groups,
      error ? h('p', { class: 'error' }, error) : null,
      h('h3', {}, 'Ship types'),
      h('ul', { class: 'legend' }, ...SHIP_CLASSES.map((c, i) => h('li', {}, h('span', { class: 'swatch', style: `background: ${cssColour(i)}`, 'aria-hidden': 'true' }), c.label))),
    );
  }
}
