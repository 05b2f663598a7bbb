/**
 * The payroll download (工资表导出) of the chosen period, beside its ledger actions: the period's
 * rows as the results table holds them (what was approved or paid, never a recomputation) with
 * each person's name and team from the people table, made into a CSV by src/ledger/payroll.ts and
 * saved by the browser. An open period cannot be exported: the button is off and says why.
 */
import {useCallback, useState} from 'react';
import {Button, Text, useBase} from '@airtable/blocks/ui';
import {messageText} from '../../src/ledger/messages';
import {exportPayroll} from '../../src/ledger/payroll';
import type {PeriodState} from '../../src/ledger/status';
import type {Period, PlanDocument, Text as Bilingual} from '../../src/plan';
import {readPeopleNames} from '../adapter/readPeople';
import {readResultRows, resolveResultsTable} from '../adapter/resultsTable';
import {useLang} from '../state/lang';
import {writtenLanguage} from './pipeline';

/** The type a browser saves the file with: Excel then reads it as UTF-8 (the BOM says so too). */
export const PAYROLL_MIME = 'text/csv;charset=utf-8';

/**
 * Why the period cannot be exported before anything is read, or null. The rule is
 * exportPayroll's own (its status check comes before it looks at any row), asked with no rows.
 *
 * @example payrollBlocker({id: '2026-03', label: '2026-03'}, {status: 'open'})?.en // 'Period 2026-03 is not approved yet: ...'
 */
export function payrollBlocker(period: Pick<Period, 'id' | 'label'>, state: PeriodState | undefined): Bilingual | null {
  const preflight = exportPayroll({period, state, rows: [], people: [], lang: 'en', currency: {precision: 0}});
  return !preflight.ok && preflight.refusal.key === 'ledger.payroll.open' ? messageText(preflight.refusal) : null;
}

/**
 * Has the browser save a text as a file: a Blob behind an object URL, clicked through a
 * download link. The URL is revoked a while later, not at once: some browsers start reading
 * the Blob only after the click has returned.
 */
export function saveTextFile(content: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], {type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

const REVOKE_AFTER_MS = 40_000;

export interface PayrollDownload {
  /** Why the button is off for this period (shown under it), or null. */
  blocker: Bilingual | null;
  working: boolean;
  /** What the last download did: the file saved, or why not (and the rows that stopped it). */
  outcome: {error: boolean; lines: Bilingual[]} | null;
  download: () => Promise<void>;
}

/** The download's state and action, for the period shown; `PayrollButton` and `PayrollNote` render it. */
export function usePayrollDownload(plan: PlanDocument, period: Period, state: PeriodState | undefined): PayrollDownload {
  const {lang} = useLang();
  const base = useBase();
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<{periodId: string; error: boolean; lines: Bilingual[]} | null>(null);
  const blocker = payrollBlocker(period, state);

  const download = async () => {
    const mapping = plan.mapping.resultsTable;
    if (!mapping || blocker) return;
    setWorking(true);
    setOutcome(null);
    try {
      const {resolved, issues} = resolveResultsTable(base, mapping, plan.mapping.people?.table.id);
      if (!resolved) {
        setOutcome({periodId: period.id, error: true, lines: issues.map((issue) => issue.message)});
        return;
      }
      const [rows, people] = await Promise.all([readResultRows(resolved, period.id), readPeopleNames(base, plan)]);
      // The file is in the plan's result language, like the results table it comes from.
      const result = exportPayroll({period, state, rows, people, lang: writtenLanguage(plan, lang), currency: plan.currency});
      const notes = result.messages.map(messageText);
      if (!result.ok) {
        setOutcome({periodId: period.id, error: true, lines: [...notes, messageText(result.refusal)]});
        return;
      }
      saveTextFile(result.csv, result.fileName, PAYROLL_MIME);
      const saved = {key: 'ledger.ui.payroll.saved', params: {file: result.fileName, people: result.lines.length}} as const;
      setOutcome({periodId: period.id, error: false, lines: [...notes, messageText(saved)]});
    } catch (error) {
      const failed = {key: 'ledger.ui.payroll.failed', params: {message: error instanceof Error ? error.message : String(error)}} as const;
      setOutcome({periodId: period.id, error: true, lines: [messageText(failed)]});
    } finally {
      setWorking(false);
    }
  };

  // An outcome belongs to the period it was made for: choosing another period clears it.
  const shown = outcome && outcome.periodId === period.id ? {error: outcome.error, lines: outcome.lines} : null;
  return {blocker, working, outcome: shown, download};
}

const BLOCKER_ID = 'spb-payroll-blocker';

export function PayrollButton({payroll, disabled}: {payroll: PayrollDownload; disabled: boolean}) {
  const {t} = useLang();
  const describedBy = payroll.blocker ? BLOCKER_ID : null;
  // The SDK's Button accepts aria-describedby in its types but does not render it (1.19): set on
  // the element, so that a screen reader reads the reason with the disabled button.
  const describe = useCallback(
    (element: HTMLButtonElement | null) => {
      if (!element) return;
      if (describedBy) element.setAttribute('aria-describedby', describedBy);
      else element.removeAttribute('aria-describedby');
    },
    [describedBy],
  );
  return (
    <Button
      ref={describe}
      size="small"
      variant="secondary"
      icon="download"
      disabled={disabled || payroll.working || payroll.blocker !== null}
      onClick={() => void payroll.download()}
    >
      {t('ledger.ui.payroll.download')}
    </Button>
  );
}

/** Under the period's actions: why the download is off, or what it did. */
export function PayrollNote({payroll}: {payroll: PayrollDownload}) {
  const {tx} = useLang();
  if (payroll.blocker) {
    return (
      <Text id={BLOCKER_ID} size="small" textColor="light" dataAttributes={{'data-testid': 'payroll-blocker'}}>
        {tx(payroll.blocker)}
      </Text>
    );
  }
  if (!payroll.outcome) return null;
  const {error, lines} = payroll.outcome;
  return (
    <div role={error ? 'alert' : 'status'} data-testid="payroll-outcome">
      {lines.map((line, i) => (
        <Text key={i} size="small" textColor={error ? '#d9363e' : '#20a35a'}>
          {tx(line)}
        </Text>
      ))}
    </div>
  );
}
