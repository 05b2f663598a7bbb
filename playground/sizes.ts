import {DEMO_SIZES, type DemoSize} from '../sim/demoBase';

/**
 * The base sizes the playground offers, as the issue names them: the everyday demo base and the
 * two benchmark sizes. `?size=` in the address picks one; anything else falls back to small.
 */
export const BASE_SIZES = Object.keys(DEMO_SIZES) as DemoSize[];

/** @example sizeFromQuery('?size=10k') // '10k' */
export function sizeFromQuery(search: string): DemoSize {
  const asked = new URLSearchParams(search).get('size');
  return BASE_SIZES.find((size) => size === asked) ?? 'small';
}
