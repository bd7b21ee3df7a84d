/**
 * The time slider: live (following the newest data) or a chosen moment in the history the
 * page holds. Dragging leaves live mode; the Live button returns to it.
 */
import { h } from '../panels/dom.js';
import { utc } from '../panels/format.js';

export class TimeSlider {
  live = true;
  time = 0;
  private min = 0;
  private max = 0;
  readonly input: HTMLInputElement;
  private readonly liveButton: HTMLButtonElement;
  private readonly label: HTMLOutputElement;

  constructor(root: HTMLElement, private readonly onChange: () => void) {
    this.input = h('input', { type: 'range', id: 'time-slider', min: 0, max: 0, step: 1000, value: 0, 'aria-label': 'Time shown on the map', disabled: true });
    this.liveButton = h('button', { type: 'button', id: 'live-button', 'aria-pressed': 'true' }, 'Live');
    this.label = h('output', { id: 'time-label', for: 'time-slider' }, '–');
    this.input.addEventListener('input', () => {
      this.live = false;
      this.time = Number(this.input.value);
      this.sync();
      this.onChange();
    });
    this.liveButton.addEventListener('click', () => {
      this.live = true;
      this.time = this.max;
      this.sync();
      this.onChange();
    });
    root.append(this.liveButton, this.input, this.label);
  }

  /** The span of history held; in live mode the shown time follows its end. */
  setBounds(min: number, max: number): void {
    if (!Number.isFinite(min) || !Number.isFinite(max)) return;
    this.min = min;
    this.max = max;
    if (this.live) this.time = max;
    this.time = Math.min(Math.max(this.time, min), max);
    this.sync();
  }

  bounds(): [number, number] {
    return [this.min, this.max];
  }

  private sync(): void {
    this.input.disabled = !(this.max > this.min);
    this.input.min = String(this.min);
    this.input.max = String(this.max);
    this.input.value = String(this.time);
    this.input.setAttribute('aria-valuetext', utc(this.time));
    this.liveButton.setAttribute('aria-pressed', String(this.live));
    this.label.textContent = this.time ? `${utc(this.time)}${this.live ? ' · live' : ' · replay'}` : '–';
  }
}
