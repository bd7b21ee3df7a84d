/**
 * What a decode run saw: messages by type, rejections by reason, and the
 * summary printed from them at the end.
 */
import type { RejectReason } from '@tidewatch/ais';

/** Sentences that are NMEA but not AIS are counted apart: they are not faults of the input. */
export const OTHER_SENTENCE: RejectReason = 'other_sentence';

export class Tally {
  readonly byType = new Float64Array(64);
  readonly byReason = new Map<RejectReason, number>();
  messages = 0;
  lines = 0;

  message(type: number): void {
    this.byType[type & 63]!++;
    this.messages++;
  }

  reject(reason: RejectReason): void {
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
  }

  get rejections(): number {
    let n = 0;
    for (const [reason, count] of this.byReason) if (reason !== OTHER_SENTENCE) n += count;
    return n;
  }

  /** The summary: totals, then messages per type and rejections per reason, one per line. */
  summary(): string {
    const out = [`${this.lines} lines, ${this.messages} messages, ${this.rejections} rejections`];
    const types: string[] = [];
    this.byType.forEach((count, type) => {
      if (count > 0) types.push(`  type ${String(type).padStart(2)}  ${count}`);
    });
    if (types.length > 0) out.push('messages by type:', ...types);
    const reasons = [...this.byReason].filter(([r]) => r !== OTHER_SENTENCE).sort(([a], [b]) => (a < b ? -1 : 1));
    if (reasons.length > 0) out.push('rejections by reason:', ...reasons.map(([r, n]) => `  ${r}  ${n}`));
    const other = this.byReason.get(OTHER_SENTENCE);
    if (other !== undefined) out.push(`other NMEA sentences (not AIS, not rejected): ${other}`);
    return out.join('\n') + '\n';
  }
}
