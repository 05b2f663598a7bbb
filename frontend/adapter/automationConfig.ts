/**
 * The configuration the extension embeds into a script it generates (config.ts), from what the
 * extension sees: the saved plan and ledger in globalConfig, the base's schema, and the plan
 * marker's field. Used by Settings → Automate and by the tests, so that both make the same thing.
 * Here, not under automation/: it reads the SDK's models, which the script never does.
 */
import type {Base} from '@airtable/blocks/models';
import type {GlobalConfig} from '@airtable/blocks/types';
import {currentMarker, markerField} from './planMarker';
import {baseSchema} from './schema';
import {parseLedgerState, LEDGER_CONFIG_KEY} from '../../src/ledger/state';
import type {Lang, PlanDocument} from '../../src/plan';
import {AUTOMATION_FORMAT, mappedSchema, type AutomationConfig} from '../../automation/config';

/**
 * The script's configuration for the plan as saved now; null when nothing is saved or the plan
 * names no field to hold the marker. `plan` is the saved plan, parsed.
 *
 * @example automationConfig(base, globalConfig, plan, 'zh', new Date())?.marker // {revision, ledger, tableId, fieldId}
 */
export function automationConfig(base: Base, globalConfig: Pick<GlobalConfig, 'get'>, plan: PlanDocument, lang: Lang, now: Date): AutomationConfig | null {
  const marker = currentMarker(globalConfig);
  const at = markerField(base, plan);
  if (!marker || !at) return null;
  return {
    format: AUTOMATION_FORMAT,
    plan,
    revision: marker.revision,
    ledger: parseLedgerState(globalConfig.get(LEDGER_CONFIG_KEY)).state,
    lang,
    generatedAt: now.toISOString(),
    tables: mappedSchema(plan, baseSchema(base)),
    marker: {...marker, tableId: at.table.id, fieldId: at.field.id},
  };
}
