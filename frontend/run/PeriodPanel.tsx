/**
 * The chosen period's standing and its status actions: a badge (开放 / 预估 / 已审批 / 已关账 with
 * who and when), and Approve, Close, Reopen for a user who may write, each behind a confirmation
 * that shows the period's totals as its rows hold them (people, total pay and each component).
 * A user who may not write sees the buttons off and the SDK's reason. Beside them, the payroll
 * download of an approved or closed period (PayrollButton.tsx): reading only, open to anyone.
 */
import {useState} from 'react';
import {Box, Button, ConfirmationDialog, FormField, Input, Loader, Text, useBase, useGlobalConfig, useSession} from '@airtable/blocks/ui';
import type {LedgerKey} from '../../src/ledger/fields';
import {ledgerFieldName, statusName} from '../../src/ledger/fields';
import {LEDGER_CONFIG_KEY, type LedgerState} from '../../src/ledger/state';
import {MAX_REASON_LENGTH, rowStatus} from '../../src/ledger/status';
import type {Period, PlanDocument} from '../../src/plan';
import {readResultRows, resolveResultsTable} from '../adapter/resultsTable';
import {useLang} from '../state/lang';
import type {RunLogEntry} from '../state/runLog';
import {formatTime} from './format';
import {useFormats} from './FormatProvider';
import {periodTotals, runLedgerAction, TOTAL_KEYS, type ActionKind, type PeriodTotals} from './ledgerActions';
import {localIsoDate} from './ledgerRun';
import {writtenLanguage} from './pipeline';
import {PayrollButton, PayrollNote, usePayrollDownload} from './PayrollButton';

export interface PeriodPanelProps {
  plan: PlanDocument;
  period: Period;
  ledger: LedgerState;
  /** Why an approval must wait (figures not yet written), or null when it may go ahead. */
  approveBlocker: string | null;
  busy: boolean;
  onBusy: (busy: boolean) => void;
  /** After an action: its run-log entry (the caller appends it and refreshes its preview). */
  onDone: (entry: RunLogEntry) => void;
}

const STATUS_COLOURS = {open: '#e9f2ff', provisional: '#fff4d6', approved: '#e3f8f4', closed: '#e6f6e6'} as const;

/** Which actions a status offers. */
function actionsFor(status: 'open' | 'provisional' | 'approved' | 'closed'): ActionKind[] {
  if (status === 'approved') return ['close', 'reopen'];
  if (status === 'closed') return ['reopen'];
  return ['approve'];
}

export function PeriodPanel({plan, period, ledger, approveBlocker, busy, onBusy, onDone}: PeriodPanelProps) {
  const {t, tx, lang} = useLang();
  const formats = useFormats();
  const base = useBase();
  const globalConfig = useGlobalConfig();
  const session = useSession();
  const [dialog, setDialog] = useState<{action: ActionKind; totals: PeriodTotals | null} | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{error: boolean; text: string} | null>(null);

  const state = ledger.periods[period.id];
  const payroll = usePayrollDownload(plan, period, state);
  const status = rowStatus(state, period, localIsoDate(new Date()));
  const mapping = plan.mapping.resultsTable;
  const resolved = mapping ? resolveResultsTable(base, mapping, plan.mapping.people?.table.id).resolved : null;

  // Who may act: saving the period status (globalConfig) and writing the rows' stamps.
  const configCheck = globalConfig.checkPermissionsForSet(LEDGER_CONFIG_KEY);
  const rowCheck = resolved ? resolved.table.checkPermissionsForUpdateRecords() : null;
  const denial = !configCheck.hasPermission ? configCheck.reasonDisplayString : rowCheck && !rowCheck.hasPermission ? rowCheck.reasonDisplayString : null;

  const open = async (action: ActionKind) => {
    setMessage(null);
    setReason('');
    // The totals as the rows hold them now: what is approved or closed is what was written.
    const totals = resolved ? periodTotals(await readResultRows(resolved, period.id), period.id) : null;
    setDialog({action, totals});
  };

  const confirm = async () => {
    if (!dialog) return;
    const action = dialog.action;
    const totals = dialog.totals;
    setDialog(null);
    onBusy(true);
    try {
      const user = session.currentUser?.name ?? t('run.log.anonymous');
      const now = new Date();
      const outcome = await runLedgerAction(globalConfig, resolved, {plan, periodId: period.id, action, reason, user, now, lang: writtenLanguage(plan, lang), base});
      if (!outcome.ok) {
        setMessage({error: true, text: tx(outcome.reason)});
        return;
      }
      const stamped = outcome.stamped;
      const failure = stamped?.issues.find((issue) => issue.severity === 'error');
      // An automation's plan marker that could not follow the new status: said with its consequence.
      const stale = outcome.marker && !outcome.marker.ok ? ` ${tx(outcome.marker.reason)}` : '';
      setMessage({
        error: failure !== undefined || stale !== '',
        text: (failure ? tx(failure.message) : t(`ledger.ui.action.done.${action}`, {period: period.label, rows: stamped ? stamped.updatedRecordIds.length : 0})) + stale,
      });
      onDone({
        at: now.toISOString(),
        user: session.currentUser?.name ?? null,
        periodId: period.id,
        periodLabel: period.label,
        versionId: (action === 'close' ? outcome.state.periods[period.id]?.frozenVersionId : undefined) ?? '',
        planRevision: '',
        participants: totals?.people ?? 0,
        changed: stamped?.updatedRecordIds.length ?? 0,
        unchanged: 0,
        failed: stamped?.remaining ?? 0,
        totals: {
          totalPay: totals?.sums.totalPay ?? '0',
          bonus: totals?.sums.bonus ?? '0',
          teamBonus: totals?.sums.teamBonus ?? '0',
          award: totals?.sums.award ?? '0',
        },
        action: action === 'reopen' ? {kind: action, reason: reason.trim().slice(0, MAX_REASON_LENGTH)} : {kind: action},
      });
    } finally {
      onBusy(false);
    }
  };

  const stamp = status === 'closed' ? state?.closed : status === 'approved' ? state?.approved : undefined;
  const offered = actionsFor(status);
  // In the plan's currency and the reader's locale, like every amount of the run view (exact: decimal text).
  const money = (value: string) => formats.money(value);

  return (
    <Box marginBottom={2} dataAttributes={{'data-testid': 'period-panel'}}>
      <Box display="flex" alignItems="center" flexWrap="wrap" style={{gap: 8}}>
        <Text
          paddingX={2}
          borderRadius="large"
          style={{background: STATUS_COLOURS[status]}}
          dataAttributes={{'data-testid': 'period-status'}}
        >
          {t('ledger.ui.period.status', {status: statusName(status, lang)})}
          {stamp ? ` · ${stamp.by} ${formatTime(stamp.at, lang)}` : ''}
        </Text>
        {offered.map((action) => (
          <Button
            key={action}
            size="small"
            variant={action === 'reopen' ? 'secondary' : 'default'}
            disabled={busy || denial !== null || !resolved || (action === 'approve' && (approveBlocker !== null || status === 'provisional'))}
            onClick={() => void open(action)}
          >
            {t(`ledger.ui.action.${action}`)}
          </Button>
        ))}
        <PayrollButton payroll={payroll} disabled={busy || !resolved} />
        {(busy || payroll.working) && dialog === null ? <Loader scale={0.25} /> : null}
      </Box>
      {status === 'provisional' && (
        <Text textColor="#b87503" dataAttributes={{'data-testid': 'provisional-note'}}>
          {t('ledger.ui.period.provisional', {end: period.end})}
        </Text>
      )}
      {!resolved && (
        <Text textColor="light">
          {t('ledger.ui.period.noTable')}
        </Text>
      )}
      {denial !== null && resolved && (
        <Text textColor="light" dataAttributes={{'data-testid': 'period-actions-denied'}}>
          {t('ledger.ui.action.denied', {reason: denial})}
        </Text>
      )}
      {denial === null && resolved && offered.includes('approve') && approveBlocker && status !== 'provisional' && (
        <Text textColor="light">
          {approveBlocker}
        </Text>
      )}
      {resolved && <PayrollNote payroll={payroll} />}
      {message && (
        <Text role={message.error ? 'alert' : 'status'} textColor={message.error ? '#d9363e' : '#20a35a'} dataAttributes={{'data-testid': 'period-action-message'}}>
          {message.text}
        </Text>
      )}
      {dialog && (
        <ConfirmationDialog
          title={t(`ledger.ui.action.title.${dialog.action}`, {period: period.label})}
          confirmButtonText={t(`ledger.ui.action.${dialog.action}`)}
          cancelButtonText={t('ledger.ui.cancel')}
          isConfirmActionDangerous={dialog.action !== 'approve'}
          isConfirmButtonDisabled={dialog.action === 'reopen' && reason.trim() === ''}
          onCancel={() => setDialog(null)}
          onConfirm={() => void confirm()}
          body={
            <Box>
              <Text marginBottom={2}>{t(`ledger.ui.action.explain.${dialog.action}`, {period: period.label})}</Text>
              {dialog.totals && <TotalsTable totals={dialog.totals} format={money} />}
              {dialog.action === 'reopen' && (
                <FormField label={t('ledger.ui.action.reason')} marginTop={2} marginBottom={0}>
                  <Input value={reason} maxLength={MAX_REASON_LENGTH} onChange={(event) => setReason(event.target.value)} />
                </FormField>
              )}
            </Box>
          }
        />
      )}
    </Box>
  );
}

function TotalsTable({totals, format}: {totals: PeriodTotals; format: (value: string) => string}) {
  const {t, lang} = useLang();
  const label = (key: LedgerKey) => ledgerFieldName(key, lang);
  return (
    <table style={{borderCollapse: 'collapse', fontSize: 13}} data-testid="period-totals">
      <tbody>
        <tr>
          <th style={{textAlign: 'left', paddingRight: 16}}>{t('ledger.ui.totals.people')}</th>
          <td style={{textAlign: 'right'}}>{totals.people}</td>
        </tr>
        {TOTAL_KEYS.map((key) => (
          <tr key={key}>
            <th style={{textAlign: 'left', paddingRight: 16, fontWeight: key === 'totalPay' ? 700 : 400}}>{label(key)}</th>
            <td style={{textAlign: 'right', fontWeight: key === 'totalPay' ? 700 : 400}}>{format(totals.sums[key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
