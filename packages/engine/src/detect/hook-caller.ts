/**
 * One function calling a hook of every detector that has it, each from a
 * call site of its own.
 *
 * V8 keeps type feedback per call site in the source text, and closures made
 * from one function literal share it: a loop over the detectors, or one
 * wrapper closure per detector, is a single site meeting ten classes. Both
 * the load of the hook (`d.open`) and the call go megamorphic there, never
 * inlined, and a megamorphic load costs a probe of V8's global cache each
 * time. Generated source gives each detector its own site, which stays
 * monomorphic. The source is built from indices and the hook's name only,
 * never from data.
 */
import type { Detector } from './detector.js';

/** The hooks called once per observation, per vessel or per tick, and how many arguments each takes. */
const ARITY = { open: 1, position: 2, identity: 3, evict: 3, tick: 2 } as const;

export type Hook = keyof typeof ARITY;

type HookArgs<K extends Hook> = Parameters<NonNullable<Detector[K]>>;

/** Calls `hook` of each detector that has one, in their order, with the same arguments. */
export function hookCaller<K extends Hook>(detectors: readonly Detector[], hook: K): (...args: HookArgs<K>) => void {
  return generated(detectors, hook, ARITY[hook], (calls) => calls.map((c) => `${c};`).join('\n')) as (...args: HookArgs<K>) => void;
}

/** Calls every detector's `touch` for a slot and returns the sum of what they read. */
export function touchCaller(detectors: readonly Detector[]): (slot: number) => number {
  // A sum from 0, so that no detector with the hook still makes a function (returning 0).
  return generated(detectors, 'touch', 1, (calls) => `return ${['0', ...calls].join(' + ')};`) as (slot: number) => number;
}

/** `function <hook>Hooks(a0..) { <body> }`, the body made of the calls `d<i>.<hook>(a0..)` of the detectors that have the hook. */
function generated(detectors: readonly Detector[], hook: keyof Detector, arity: number, body: (calls: string[]) => string): unknown {
  const withHook = detectors.filter((d) => d[hook] !== undefined);
  const names = withHook.map((_, i) => `d${i}`);
  const args = Array.from({ length: arity }, (_, i) => `a${i}`).join(', ');
  const calls = names.map((d) => `${d}.${hook}(${args})`);
  const make = new Function(...names, `return function ${hook}Hooks(${args}) {\n${body(calls)}\n};`) as (...ds: Detector[]) => unknown;
  return make(...withHook);
}
