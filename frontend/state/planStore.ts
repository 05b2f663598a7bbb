/**
 * The plan as the extension keeps it: one globalConfig key holding the plan document as a JSON
 * string. One key, so that a save is atomic (a collaborator never reads half of an edit), and a
 * string, so that decimals and ids survive exactly as the plan module wrote them.
 */
import {useCallback, useMemo} from 'react';
import {useGlobalConfig} from '@airtable/blocks/ui';
import type {PlanDocument} from '../../src/plan';
import type {Issue} from '../../src/results';
import {checkStorage, parseStoredPlan, PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {planRevision} from './planRevision';
import {useLang} from './lang';

export type CanSave = {ok: true} | {ok: false; reason: string};

export interface PlanStore {
  /** Null when nothing is stored yet or the stored text cannot be read at all. */
  plan: PlanDocument | null;
  /** Problems met reading the stored plan (older version migrated, unreadable JSON...). */
  issues: Issue[];
  /** Fingerprint of the stored text; null when nothing is stored. */
  revision: string | null;
  canSave: CanSave;
  /** Saves the plan; rejects with a message (already in the user's language) when it cannot. */
  save: (plan: PlanDocument) => Promise<void>;
}

export function usePlan(): PlanStore {
  const {t, tx} = useLang();
  const globalConfig = useGlobalConfig();
  const stored = globalConfig.get(PLAN_CONFIG_KEY);
  const parsed = useMemo(() => parseStoredPlan(stored), [stored]);
  const revision = typeof stored === 'string' ? planRevision(stored) : null;
  const permission = globalConfig.checkPermissionsForSet(PLAN_CONFIG_KEY);
  const canSave: CanSave = permission.hasPermission ? {ok: true} : {ok: false, reason: permission.reasonDisplayString};
  const save = useCallback(
    async (plan: PlanDocument) => {
      // The budget leaves room in globalConfig's 150 kB for the run log (see storage.ts).
      const tooLarge = checkStorage(plan).find((issue) => issue.severity === 'error');
      if (tooLarge) throw new Error(tx(tooLarge.message));
      const value = serializePlan(plan);
      const check = globalConfig.checkPermissionsForSet(PLAN_CONFIG_KEY, value);
      if (!check.hasPermission) throw new Error(t('ui.plan.noPermission', {reason: check.reasonDisplayString}));
      await globalConfig.setAsync(PLAN_CONFIG_KEY, value);
    },
    [globalConfig, t, tx],
  );
  return {plan: parsed.plan, issues: parsed.issues, revision, canSave, save};
}
