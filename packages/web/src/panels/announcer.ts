/**
 * Announces new events in a polite live region: screen readers read it when idle, the eye
 * sees it in a corner, and focus stays wherever the operator left it.
 */
import type { EventRecord } from '@tidewatch/protocol';
import { eventLabel } from '../map/event-style.js';
import { utc } from './format.js';

const SHOW_MS = 8000;

export class Announcer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly region: HTMLElement) {
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
  }

  announce(events: EventRecord[]): void {
    if (events.length === 0) return;
    const last = events[events.length - 1]!;
    const text =
      events.length === 1
        ? `New event: ${eventLabel(last.type)}, ${last.mmsi.join(' and ')}, ${utc(last.start)}`
        : `${events.length} new events, latest: ${eventLabel(last.type)}, ${last.mmsi.join(' and ')}`;
    this.region.textContent = text;
    this.region.classList.add('visible');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.region.classList.remove('visible'), SHOW_MS);
  }
}
