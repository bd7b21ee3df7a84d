/**
 * The events panel: every event the page knows, newest first, filtered by type and vessel.
 * The filters also decide which events the map and the timeline show.
 */
import { EVENT_TYPES, type EventRecord } from '@tidewatch/protocol';
import { EVENT_STYLE, eventLabel } from '../map/event-style.js';
import { h, replaceChildren } from './dom.js';
import { utc } from './format.js';

const LIST_LIMIT = 300;

export interface EventFilter {
  types: Set<string>;
  mmsi: number | null;
  /** Only events started by this time (the replay time), or all when null. */
  until: number | null;
}

export function passes(e: EventRecord, f: EventFilter): boolean {
  if (!f.types.has(e.type)) return false;
  if (f.mmsi !== null && !e.mmsi.includes(f.mmsi)) return false;
  if (f.until !== null && Date.parse(e.start) > f.until) return false;
  return true;
}

export class EventsPanel {
  readonly filter: EventFilter = { types: new Set(EVENT_TYPES), mmsi: null, until: null };
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;

  constructor(root: HTMLElement, private readonly onChange: () => void, private readonly onOpen: (e: EventRecord) => void) {
    this.list = h('ul', { class: 'event-list', id: 'event-list' });
    this.count = h('p', { class: 'muted', id: 'event-count' });
    const types = h(
      'fieldset',
      { class: 'type-filter' },
      h('legend', {}, 'Types'),
      ...EVENT_TYPES.map((t) =>
        h(
          'label',
          {},
          h('input', { type: 'checkbox', checked: true, value: t, 'data-event-type': t, onchange: (e: Event) => this.toggleType(t, (e.target as HTMLInputElement).checked) }),
          h('span', { class: 'swatch', style: `background: rgb(${EVENT_STYLE[t].rgb.join(' ')})`, 'aria-hidden': 'true' }),
          EVENT_STYLE[t].label,
        ),
      ),
    );
    const mmsi = h('input', {
      id: 'event-mmsi',
      type: 'search',
      inputmode: 'numeric',
      placeholder: 'any',
      oninput: (e: Event) => {
        const v = (e.target as HTMLInputElement).value.trim();
        this.filter.mmsi = /^\d{9}$/.test(v) ? Number(v) : null;
        this.onChange();
      },
    });
    replaceChildren(root, types, h('p', {}, h('label', { for: 'event-mmsi' }, 'MMSI '), mmsi), this.count, this.list);
  }

  private toggleType(type: string, on: boolean): void {
    if (on) this.filter.types.add(type);
    else this.filter.types.delete(type);
    this.onChange();
  }

  /** Redraws the list from `events` (sorted oldest first), showing the filtered newest ones. */
  render(events: readonly EventRecord[]): void {
    const shown: HTMLElement[] = [];
    let total = 0;
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (!passes(e, this.filter)) continue;
      total++;
      if (shown.length < LIST_LIMIT) shown.push(this.item(e));
    }
    this.count.textContent = `${total} event${total === 1 ? '' : 's'}${total > LIST_LIMIT ? `, newest ${LIST_LIMIT} listed` : ''}`;
    replaceChildren(this.list, ...shown);
  }

  private item(e: EventRecord): HTMLElement {
    return h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'event-item', 'data-event-id': e.id, 'data-event-type': e.type, onclick: () => this.onOpen(e) },
        h('span', { class: 'swatch', style: `background: rgb(${EVENT_STYLE[e.type]?.rgb.join(' ') ?? '200 200 200'})`, 'aria-hidden': 'true' }),
        h('strong', {}, eventLabel(e.type)),
        ` ${utc(e.start)} · ${e.mmsi.join(' & ')}`,
      ),
    );
  }
}
