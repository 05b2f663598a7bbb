/**
 * A plan version that a closed period used is frozen (docs/periods.md): what was paid must stay
 * explainable by the rules it was paid under. The editor shows it read-only with the reason, and
 * offers a new version in force from the next open period, where changes belong.
 */
import type {ReactNode} from 'react';
import {Box, Button, Text} from '@airtable/blocks/ui';
import type {LedgerState} from '../../src/ledger/state';
import {periodsFreezing} from '../../src/ledger/state';
import type {IsoDate, PlanDocument} from '../../src/plan';
import {useLang} from '../state/lang';
import {copyVersion, dayBefore} from './draft';

/**
 * The first day a new version may start without touching a period this version froze: the start
 * of the first period after the last frozen one that is not closed, else the day after it ends.
 *
 * @example nextOpenStart(plan, {periods: {'2026-01': {status: 'closed', frozenVersionId: 'v1'}}}, 'v1') // '2026-02-01'
 */
export function nextOpenStart(plan: Pick<PlanDocument, 'periods'>, state: LedgerState, versionId: string): IsoDate | null {
  const frozen = new Set(periodsFreezing(state, versionId));
  const ends = plan.periods.filter((p) => frozen.has(p.id)).map((p) => p.end).sort();
  const lastEnd = ends[ends.length - 1];
  if (!lastEnd) return null;
  const next = [...plan.periods]
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .find((p) => p.start > lastEnd && state.periods[p.id]?.status !== 'closed');
  if (next) return next.start;
  const day = new Date(`${lastEnd}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Adds a copy of the frozen version from `effectiveFrom` and ends the frozen one the day before
 * (never before its own frozen periods: `effectiveFrom` comes after them). Returns the new index.
 */
export function addVersionAfterFrozen(plan: PlanDocument, index: number, effectiveFrom: IsoDate): number {
  const from = plan.versions[index];
  plan.versions.push(copyVersion(plan, from, effectiveFrom));
  if (from.effectiveTo === undefined || from.effectiveTo >= effectiveFrom) from.effectiveTo = dayBefore(effectiveFrom);
  return plan.versions.length - 1;
}

export function FrozenVersion({
  plan,
  versionIndex,
  ledger,
  onNewVersion,
  children,
}: {
  plan: PlanDocument;
  versionIndex: number;
  ledger: LedgerState;
  /** Adds the new version (through the draft) and selects it. */
  onNewVersion: (effectiveFrom: IsoDate) => void;
  /** The editor, shown read-only while the version is frozen. */
  children: ReactNode;
}) {
  const {t} = useLang();
  const version = plan.versions[versionIndex];
  const frozen = periodsFreezing(ledger, version.id);
  if (frozen.length === 0) return <>{children}</>;
  const labels = frozen.map((id) => plan.periods.find((p) => p.id === id)?.label ?? id).sort();
  const from = nextOpenStart(plan, ledger, version.id);
  return (
    <Box>
      <Box role="status" backgroundColor="#fff4e5" padding={2} marginBottom={2} borderRadius="large" dataAttributes={{'data-testid': 'version-frozen'}}>
        <Text marginBottom={1}>{t('ledger.ui.version.frozen', {version: version.label, periods: {list: labels}})}</Text>
        {from && (
          <Button size="small" icon="plus" onClick={() => onNewVersion(from)}>
            {t('ledger.ui.version.newFrom', {date: from})}
          </Button>
        )}
      </Box>
      {/* A disabled fieldset turns every native control inside read-only; edits are also ignored upstream. */}
      <fieldset disabled style={{border: 0, padding: 0, margin: 0, minWidth: 0, opacity: 0.75}} aria-readonly>
        {children}
      </fieldset>
    </Box>
  );
}
