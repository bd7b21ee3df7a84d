/**
 * Running statistics of a set of speed samples: count, mean, how many are
 * below a threshold (which decides "median below the threshold" exactly:
 * the median of n samples is below x when more than half of them are) and a
 * histogram in AIS's own 0.1-knot steps, so the reported median is exact up
 * to 30 kn (faster samples share the last bin).
 */
const BIN_KN = 0.1;
const BINS = 301;

export class SpeedStats {
  n = 0;
  below = 0;
  sum = 0;
  readonly bins = new Uint32Array(BINS);

  constructor(readonly thresholdKn: number) {}

  add(kn: number): void {
    if (Number.isNaN(kn)) return;
    this.n++;
    this.sum += kn;
    if (kn < this.thresholdKn) this.below++;
    this.bins[Math.min(BINS - 1, Math.round(kn / BIN_KN))]!++;
  }

  /** Strictly more than half the samples are below the threshold. */
  get medianBelow(): boolean {
    return this.below * 2 > this.n;
  }

  get mean(): number {
    return this.n === 0 ? NaN : this.sum / this.n;
  }

  /** The (lower) median, to 0.1 kn; NaN without samples. */
  get median(): number {
    if (this.n === 0) return NaN;
    const half = Math.ceil(this.n / 2);
    let seen = 0;
    for (let i = 0; i < BINS; i++) {
      seen += this.bins[i]!;
      if (seen >= half) return Math.round(i * BIN_KN * 10) / 10;
    }
    return NaN;
  }

  copyFrom(o: SpeedStats): void {
    this.n = o.n;
    this.below = o.below;
    this.sum = o.sum;
    this.bins.set(o.bins);
  }

  addFrom(o: SpeedStats): void {
    this.n += o.n;
    this.below += o.below;
    this.sum += o.sum;
    for (let i = 0; i < BINS; i++) this.bins[i]! += o.bins[i]!;
  }

  clear(): void {
    this.n = 0;
    this.below = 0;
    this.sum = 0;
    this.bins.fill(0);
  }
}
