/**
 * Running statistics of a set of speed samples: count, mean, how many are
 * below a threshold (which decides "median below the threshold" exactly:
 * the median of n samples is below x when more than half of them are) and a
 * histogram in AIS's own 0.1-knot steps, so the reported median is exact up
 * to 30 kn (faster samples share the last bin).
 *
 * Bins at and above `top` are all zero, and clearing, copying, adding and the
 * median stop there: speeds in a run or an episode sit in a few low bins (a
 * pair drifting side by side, a vessel at transit speed), and walking all 301
 * bins for each of those was most of what the statistics cost.
 */
const BIN_KN = 0.1;
const BINS = 301;

export class SpeedStats {
  n = 0;
  below = 0;
  sum = 0;
  readonly bins = new Uint32Array(BINS);
  /** One past the highest bin that may be non-zero. */
  private top = 0;

  constructor(readonly thresholdKn: number) {}

  add(kn: number): void {
    if (Number.isNaN(kn)) return;
    this.n++;
    this.sum += kn;
    if (kn < this.thresholdKn) this.below++;
    const bin = Math.min(BINS - 1, Math.round(kn / BIN_KN));
    this.bins[bin]!++;
    if (bin >= this.top) this.top = bin + 1;
  }

  /**
   * Whether, with the samples `a` and `b` added (NaN: no sample), strictly more
   * than half would be below the threshold: the median's verdict, asked
   * before adding them.
   */
  medianBelowWith(a: number, b: number): boolean {
    let n = this.n;
    let below = this.below;
    if (!Number.isNaN(a)) {
      n++;
      if (a < this.thresholdKn) below++;
    }
    if (!Number.isNaN(b)) {
      n++;
      if (b < this.thresholdKn) below++;
    }
    return below * 2 > n;
  }

  get mean(): number {
    return this.n === 0 ? NaN : this.sum / this.n;
  }

  /** The (lower) median, to 0.1 kn; NaN without samples. */
  get median(): number {
    if (this.n === 0) return NaN;
    const half = Math.ceil(this.n / 2);
    let seen = 0;
    for (let i = 0; i < this.top; i++) {
      seen += this.bins[i]!;
      if (seen >= half) return Math.round(i * BIN_KN * 10) / 10;
    }
    return NaN;
  }

  copyFrom(o: SpeedStats): void {
    this.n = o.n;
    this.below = o.below;
    this.sum = o.sum;
    const bins = this.bins;
    const from = o.bins;
    const top = o.top;
    for (let i = 0; i < top; i++) bins[i] = from[i]!;
    for (let i = top; i < this.top; i++) bins[i] = 0;
    this.top = top;
  }

  addFrom(o: SpeedStats): void {
    this.n += o.n;
    this.below += o.below;
    this.sum += o.sum;
    const bins = this.bins;
    const from = o.bins;
    const top = o.top;
    for (let i = 0; i < top; i++) bins[i]! += from[i]!;
    if (top > this.top) this.top = top;
  }

  clear(): void {
    this.n = 0;
    this.below = 0;
    this.sum = 0;
    const bins = this.bins;
    for (let i = 0; i < this.top; i++) bins[i] = 0;
    this.top = 0;
  }
}
