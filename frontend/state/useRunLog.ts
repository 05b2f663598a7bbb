/** The run log as stored in globalConfig: see runLog.ts for its shape and limits. */
import {useCallback, useMemo} from 'react';
import {useGlobalConfig} from '@airtable/blocks/ui';
import {appendRunLog, DEFAULT_RUN_LOG_LIMITS, parseRunLog, RUN_LOG_KEY, type RunLogEntry} from './runLog';

export interface RunLogStore {
  entries: RunLogEntry[];
  /** Appends an entry; resolves false (and writes nothing) when the user may not set globalConfig. */
  append: (entry: RunLogEntry) => Promise<boolean>;
}

export function useRunLog(limits = DEFAULT_RUN_LOG_LIMITS): RunLogStore {
  const globalConfig = useGlobalConfig();
  const stored = globalConfig.get(RUN_LOG_KEY);
  const entries = useMemo(() => parseRunLog(stored), [stored]);
  const append = useCallback(
    async (entry: RunLogEntry) => {
      // Read again at write time: another collaborator may have logged a run since this render.
      const next = JSON.stringify(appendRunLog(parseRunLog(globalConfig.get(RUN_LOG_KEY)), entry, limits));
      if (!globalConfig.checkPermissionsForSet(RUN_LOG_KEY, next).hasPermission) return false;
      await globalConfig.setAsync(RUN_LOG_KEY, next);
      return true;
    },
    [globalConfig, limits],
  );
  return {entries, append};
}
