/**
 * Detector parameters as data: each detector declares its parameters once
 * (unit, meaning, allowed range) and the same declaration validates profiles
 * and documents them, so a parameter cannot exist in code without a range and
 * a meaning.
 */

export interface ParamSpec {
  /** `m`, `s`, `kn`, `deg`, `count`, `fraction`. */
  readonly unit: string;
  /** One line: what the number controls. */
  readonly meaning: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** `null` is allowed and switches the criterion off. */
  readonly nullable?: boolean;
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The parsed values for a set of specs: numbers, or number | null where nullable. */
export type ParamValues<S extends ParamSpecs> = {
  readonly [K in keyof S]: S[K] extends { readonly nullable: true } ? number | null : number;
};

/** A problem in a profile, located by a JSON path such as `detectors.encounter.maxDistanceM`. */
export interface ProfileError {
  readonly path: string;
  readonly message: string;
}

/**
 * Reads `json` as values for `specs`, appending every problem to `errors`.
 * Every declared parameter must be present and no other key may be: a profile
 * states all its numbers, and a misspelt key is an error, not a silent default.
 */
export function parseParams<S extends ParamSpecs>(specs: S, json: unknown, path: string, errors: ProfileError[]): ParamValues<S> | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    errors.push({ path, message: `expected an object of parameters, got ${describe(json)}` });
    return undefined;
  }
  const record = json as Record<string, unknown>;
  const before = errors.length;
  const out: Record<string, number | null> = {};
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(specs, key)) errors.push({ path: `${path}.${key}`, message: `unknown parameter (known: ${Object.keys(specs).join(', ')})` });
  }
  for (const [key, spec] of Object.entries(specs)) {
    const at = `${path}.${key}`;
    if (!Object.hasOwn(record, key)) {
      errors.push({ path: at, message: `missing (${spec.meaning}, in ${spec.unit})` });
      continue;
    }
    const value = record[key];
    if (value === null && spec.nullable === true) {
      out[key] = null;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ path: at, message: `expected a finite number${spec.nullable === true ? ' or null' : ''}, got ${describe(value)}` });
      continue;
    }
    if (value < spec.min || value > spec.max) {
      errors.push({ path: at, message: `${value} ${spec.unit} is outside ${spec.min}..${spec.max}` });
      continue;
    }
    if (spec.integer === true && !Number.isInteger(value)) {
      errors.push({ path: at, message: `${value} is not a whole number` });
      continue;
    }
    out[key] = value;
  }
  return errors.length === before ? (out as ParamValues<S>) : undefined;
}

/** A short, bounded rendering of an offending value for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
