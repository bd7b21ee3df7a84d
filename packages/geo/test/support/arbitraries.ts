/**
 * Uniform numbers for property tests. fast-check's `double` favours values
 * near zero and tiny magnitudes, which leaves most of the globe untested.
 */
import fc from 'fast-check';

const STEPS = 2 ** 30;

/** A number spread evenly over [min, max], now and then one of the ends exactly. */
export function uniform(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: STEPS }).map((k) => min + ((max - min) * k) / STEPS), weight: 19 },
    { arbitrary: fc.constantFrom(min, max), weight: 1 },
  );
}
