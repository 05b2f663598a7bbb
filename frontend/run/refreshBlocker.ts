/**
 * Why Refresh cannot be pressed now, or null when it can. Ordered by what the user must fix
 * first: the base's permission (not fixable here), the plan, then the preview.
 */
import type {MessageKey} from '../../src/i18n';
import type {Issue} from '../../src/results';
import type {Preview} from './pipeline';

export type RefreshBlocker =
  | {kind: 'denied'; reason: string}
  | {kind: 'invalid'; issue: Issue}
  | {kind: 'notice'; key: MessageKey};

export function refreshBlocker(state: {
  busy: boolean;
  /** The SDK's reasonDisplayString when the user may not write the result fields. */
  denial: string | null;
  problems: readonly Issue[];
  /** The preview of the selected period, if any. */
  preview: Pick<Preview, 'revision'> | null;
  /** The stored plan's current revision. */
  revision: string;
}): RefreshBlocker | null {
  if (state.denial !== null) return {kind: 'denied', reason: state.denial};
  const error = state.problems.find((issue) => issue.severity === 'error');
  if (error) return {kind: 'invalid', issue: error};
  if (state.busy) return {kind: 'notice', key: 'run.refresh.busy'};
  if (!state.preview) return {kind: 'notice', key: 'run.refresh.previewFirst'};
  // Another collaborator saved the plan after this preview: its numbers are no longer the plan's.
  if (state.preview.revision !== state.revision) return {kind: 'notice', key: 'run.refresh.stale'};
  return null;
}
