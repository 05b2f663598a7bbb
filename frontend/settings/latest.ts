/**
 * The latest draft, for actions (a click, a picker change) in sections that skipped re-rendering
 * because their own part of the plan did not change: they must still judge against the whole,
 * current plan (e.g. whether a field is now used as an input).
 */
import {createContext, useContext} from 'react';
import type {PlanDocument} from '../../src/plan';

export const LatestPlan = createContext<{current: PlanDocument | null}>({current: null});

/** Returns a getter, called at action time, never during render. */
export function useLatestPlan(): () => PlanDocument | null {
  const ref = useContext(LatestPlan);
  return () => ref.current;
}
