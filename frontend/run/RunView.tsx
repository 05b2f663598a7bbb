/**
 * The run view: choose a period, preview every participant's results and the cells that would
 * change, then Refresh to write only those cells. The preview's rows, leaderboard and warnings
 * are memoised on the preview itself, so the progress updates of a refresh re-render only the
 * progress bar and the buttons.
 */
import {useCallback, useMemo, useState} from 'react';
import {Box, Button, ConfirmationDialog, Heading, ProgressBar, Select, Text, useBase, useGlobalConfig, useSession} from '@airtable/blocks/ui';
import type {PlanDocument} from '../../src/plan';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
import {useRunLog} from '../state/useRunLog';
import {LangSwitch} from '../components/LangSwitch';
import {computePreview, refresh, writeDenial, type Preview, type Progress} from './pipeline';
import {PreviewTable} from './PreviewTable';
import {Leaderboard} from './Leaderboard';
import {ParticipantDetail} from './ParticipantDetail';
import {Warnings} from './Warnings';
import {RunLogPanel} from './RunLogPanel';
import {afterWrite, previewNames, runLogEntry, summarise, type RefreshSummary} from './summary';
import {PreviewTotals, RefreshSummaryView} from './RefreshSummaryView';
import {FormatProvider} from './FormatProvider';
import {refreshBlocker} from './refreshBlocker';
import {defaultPeriodId} from './periodChoice';
import {LEDGER_CONFIG_KEY, parseLedgerState} from '../../src/ledger/state';
import {messageText} from '../../src/ledger/messages';
import {statusName} from '../../src/ledger/fields';
import type {Text as Bilingual} from '../../src/plan';
import {emptyPeriodText, localIsoDate} from './ledgerRun';
import {PeriodPanel} from './PeriodPanel';
import {LedgerSummary, ledgerAfterWrite, ledgerPending, type LedgerWritten} from './LedgerSummary';
import {HistoryView} from './HistoryView';
import {TrendChart} from '../charts/TrendChart';
import {ChartsPanel} from '../charts/ChartsPanel';
import {personTrend} from '../../src/charts';
import {StatementView} from '../statement/StatementView';
import {previewStatements} from '../statement/statements';

/** What is running, for the progress bar; kept apart from the preview so that it re-renders alone. */
type Busy = Progress | null;

export interface RunViewProps {
  plan: PlanDocument;
  revision: string;
  /** Validation problems of the plan (warnings only: App opens settings on an error). */
  problems: readonly Issue[];
  onOpenSettings: () => void;
}

export function RunView({plan, revision, problems, onOpenSettings}: RunViewProps) {
  const base = useBase();
  const session = useSession();
  const {lang, t, tx} = useLang();
  const runLog = useRunLog();
  const globalConfig = useGlobalConfig();
  const storedLedger = globalConfig.get(LEDGER_CONFIG_KEY);
  const ledgerRead = useMemo(() => parseLedgerState(storedLedger), [storedLedger]);
  const ledger = ledgerRead.state;
  const [periodId, setPeriodId] = useState(() => defaultPeriodId(plan.periods, localIsoDate(new Date()), ledger.periods));
  const [tab, setTab] = useState<'run' | 'history'>('run');
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [refused, setRefused] = useState<Bilingual | null>(null);
  const [ledgerWritten, setLedgerWritten] = useState<LedgerWritten | null>(null);
  const [actionBusy, setActionBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [summary, setSummary] = useState<RefreshSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [showCharts, setShowCharts] = useState(false);
  // The statements' print view: one person's (their id) or everyone's ('all').
  const [statementsOf, setStatementsOf] = useState<string | 'all' | null>(null);

  const period = plan.periods.find((p) => p.id === periodId) ?? null;
  const shownPreview = preview && preview.periodId === periodId ? preview : null;
  const denial = writeDenial(base, plan, lang);
  const blocker = refreshBlocker({busy: busy !== null, denial, problems, preview: shownPreview, revision});
  // A closed period is refused whatever the preview says: its rows stay as they were paid.
  const closedRefusal = period && ledger.periods[period.id]?.status === 'closed' ? messageText({key: 'ledger.upsert.closed', params: {period: period.label}}) : null;
  const ledgerRefusal = closedRefusal ?? (shownPreview?.ledger?.upsert.refusal ? messageText(shownPreview.ledger.upsert.refusal) : null);
  const pending = shownPreview && shownPreview.revision === revision ? ledgerPending(shownPreview) : null;
  const approveBlocker = pending === null ? t('ledger.ui.action.previewFirst') : pending > 0 ? t('ledger.ui.action.pending', {count: pending}) : null;

  const onPreview = useCallback(async () => {
    if (!periodId) return;
    setBusy({phase: 'reading', fraction: 0});
    setFailure(null);
    setSummary(null);
    try {
      const next = await computePreview(base, plan, periodId, revision, {now: new Date(), lang, ledger, onScreen: shownPreview, shown: true}, {onProgress: setBusy});
      setPreview(next);
      setRefused(null);
      setLedgerWritten(null);
    } catch (error) {
      setFailure(t('run.failed', {message: error instanceof Error ? error.message : String(error)}));
    } finally {
      setBusy(null);
    }
  }, [base, plan, periodId, revision, lang, t, ledger, shownPreview]);

  const onRefresh = useCallback(async (confirmedEmpty = false) => {
    if (!periodId || !period) return;
    setBusy({phase: 'reading', fraction: 0});
    setFailure(null);
    setSummary(null);
    setRefused(null);
    setLedgerWritten(null);
    try {
      // The preview on screen stays there while the refresh runs; the refresh shares what is equal.
      const outcome = await refresh(base, plan, periodId, revision, {now: new Date(), lang, ledger, confirmedEmpty, onScreen: shownPreview, shown: true}, {onProgress: setBusy});
      if (outcome.kind === 'denied') {
        setFailure(t('run.refresh.lostPermission', {reason: outcome.reason}));
        return;
      }
      if (outcome.kind === 'refused') {
        setPreview(outcome.preview);
        setRefused(outcome.reason);
        return;
      }
      if (outcome.kind === 'needsConfirmation') {
        // The base changed since the preview and the period is empty now: ask before writing.
        setPreview(outcome.preview);
        setConfirmEmpty(true);
        return;
      }
      const result = summarise(outcome.preview, outcome.outcome);
      setPreview(ledgerAfterWrite(afterWrite(outcome.preview, outcome.outcome.writtenRecordIds), outcome.ledger));
      const written = outcome.ledger ? {created: outcome.ledger.createdRecordIds.length, updated: outcome.ledger.updatedRecordIds.length, calls: outcome.ledger.calls, issues: outcome.ledger.issues} : null;
      setLedgerWritten(written);
      const entry = {
        ...runLogEntry(outcome.preview, result, period, revision, {
          at: new Date().toISOString(),
          user: session.currentUser?.name ?? null,
        }),
        ...(written ? {ledger: {created: written.created, updated: written.updated}} : {}),
      };
      // The cells are written whatever happens to the log: a failed log write must not hide that.
      const logged = await runLog.append(entry).catch(() => false);
      setSummary({...result, logged});
    } catch (error) {
      setFailure(t('run.failed', {message: error instanceof Error ? error.message : String(error)}));
    } finally {
      setBusy(null);
    }
  }, [base, plan, period, periodId, revision, runLog, session, t, lang, ledger, shownPreview]);

  const onRefreshClick = useCallback(() => {
    if (shownPreview?.standing.empty) setConfirmEmpty(true);
    else void onRefresh(false);
  }, [shownPreview, onRefresh]);

  const onSelect = useCallback((id: string) => setSelectedId((current) => (current === id ? null : id)), []);
  const names = useMemo(() => (shownPreview ? previewNames(shownPreview) : new Map<string, string>()), [shownPreview]);
  const issues = useMemo(
    () => (shownPreview ? [...shownPreview.readIssues, ...shownPreview.writes.issues, ...shownPreview.ledgerIssues, ...shownPreview.run.issues] : []),
    [shownPreview],
  );
  const selected = shownPreview?.run.results.find((r) => r.participantId === selectedId) ?? null;
  const periodOptions = useMemo(() => plan.periods.map((p) => ({value: p.id, label: p.label})), [plan.periods]);

  const statements = useMemo(
    () => (statementsOf && shownPreview ? previewStatements(plan, shownPreview, statementsOf === 'all' ? undefined : [statementsOf], shownPreview.ledger?.adjustments) : null),
    [statementsOf, shownPreview, plan],
  );
  if (statements) {
    return (
      <Box padding={3}>
        <StatementView plan={plan} statements={statements} onClose={() => setStatementsOf(null)} />
      </Box>
    );
  }

  return (
    <FormatProvider currency={plan.currency}>
    <Box padding={3}>
      <Box display="flex" alignItems="center" justifyContent="space-between" marginBottom={2}>
        <Heading size="small" margin={0}>
          {t('app.title')}
        </Heading>
        <Box display="flex" alignItems="center">
          <Button
            size="small"
            marginRight={2}
            variant={tab === 'history' ? 'primary' : 'secondary'}
            aria-pressed={tab === 'history'}
            onClick={() => setTab(tab === 'history' ? 'run' : 'history')}
          >
            {t(tab === 'history' ? 'ledger.ui.tab.run' : 'ledger.ui.tab.history')}
          </Button>
          <LangSwitch />
          <Button size="small" marginLeft={2} icon="cog" onClick={onOpenSettings}>
            {t('ui.settings.open')}
          </Button>
        </Box>
      </Box>

      {tab === 'history' ? (
        <HistoryView plan={plan} trend={(rows, name) => <TrendChart name={name} trend={personTrend(rows)} currency={plan.currency} />} />
      ) : (
      <>
      <Box display="flex" alignItems="center" flexWrap="wrap" marginBottom={2}>
        <Text marginRight={2}>{t('run.period.label')}</Text>
        <Select
          width="200px"
          aria-label={t('run.period.label')}
          options={periodOptions}
          value={periodId}
          disabled={busy !== null}
          onChange={(value) => {
            setPeriodId(typeof value === 'string' ? value : null);
            setSummary(null);
            setSelectedId(null);
          }}
        />
        <Button marginLeft={2} disabled={busy !== null || !periodId} onClick={() => void onPreview()}>
          {t('run.preview.button')}
        </Button>
        <Button
          marginLeft={2}
          variant="primary"
          icon="redo"
          disabled={blocker !== null || ledgerRefusal !== null}
          aria-describedby={blocker ? 'spb-refresh-blocker' : undefined}
          onClick={onRefreshClick}
        >
          {t('run.refresh.button')}
        </Button>
      </Box>
      {period && (
        <PeriodPanel
          plan={plan}
          period={period}
          ledger={ledger}
          approveBlocker={approveBlocker}
          busy={busy !== null || actionBusy}
          onBusy={setActionBusy}
          onDone={(entry) => {
            setPreview(null);
            setSummary(null);
            void runLog.append(entry).catch(() => false);
          }}
        />
      )}
      {(refused ?? ledgerRefusal) && (
        <Text textColor="#d9363e" marginBottom={2} role="alert" dataAttributes={{'data-testid': 'ledger-refusal'}}>
          {tx((refused ?? ledgerRefusal)!)}
        </Text>
      )}
      {ledgerRead.messages.map((message, i) => (
        <Text key={i} textColor="#b87503" marginBottom={1} role="status">
          {tx(messageText(message))}
        </Text>
      ))}
      {blocker && (
        <Text id="spb-refresh-blocker" textColor="light" marginBottom={2} dataAttributes={{'data-testid': 'refresh-blocker'}}>
          {blocker.kind === 'denied' ? blocker.reason : blocker.kind === 'invalid' ? t('run.refresh.invalid', {message: tx(blocker.issue.message)}) : t(blocker.key)}
        </Text>
      )}

      {busy && (
        <Box marginBottom={2} dataAttributes={{'data-testid': 'progress'}}>
          <Text>{t(`run.progress.${busy.phase}`, {percent: Math.round(busy.fraction * 100)})}</Text>
          <ProgressBar progress={busy.fraction} />
        </Box>
      )}
      {failure && (
        <Text textColor="red" marginBottom={2} role="alert">
          {failure}
        </Text>
      )}
      {summary && <RefreshSummaryView summary={summary} />}
      {ledgerWritten && <LedgerSummary written={ledgerWritten} />}

      {shownPreview && (
        <>
          <PreviewTotals preview={shownPreview} versions={plan.versions} />
          {shownPreview.standing.empty && period && (
            <Text textColor="#b87503" marginBottom={2} role="alert" dataAttributes={{'data-testid': 'empty-period'}}>
              ⚠ {tx(emptyPeriodText(plan, period))}
            </Text>
          )}
          {shownPreview.ledger && (
            <Text marginBottom={2} dataAttributes={{'data-testid': 'ledger-plan'}}>
              {t('ledger.ui.run.plan', {
                creates: shownPreview.ledger.upsert.creates.length,
                updates: shownPreview.ledger.upsert.updates.length,
                unchanged: shownPreview.ledger.upsert.unchanged,
                status: statusName(shownPreview.standing.status, lang),
              })}
            </Text>
          )}
          <Button size="small" icon="print" marginBottom={2} onClick={() => setStatementsOf('all')}>
            {t('statement.ui.all')}
          </Button>
          {selected && <ParticipantDetail result={selected} onClose={() => setSelectedId(null)} onStatement={() => setStatementsOf(selected.participantId)} />}
          <Warnings issues={issues} names={names} />
          <Leaderboard results={shownPreview.run.results} onSelect={onSelect} />
          <PreviewTable rows={shownPreview.rows} selectedId={selectedId} onSelect={onSelect} />
          <Box marginTop={2}>
            <Button size="small" icon={showCharts ? 'chevronDown' : 'chevronRight'} onClick={() => setShowCharts(!showCharts)} aria-expanded={showCharts}>
              {t('charts.title')}
            </Button>
            {/* Drawn on demand: at 10,000 people the shaping and the canvases cost time nobody asked for. */}
            {showCharts && <ChartsPanel run={shownPreview.run} plan={plan} teamOf={shownPreview.teams ?? new Map()} leaderboardSize={10} />}
          </Box>
        </>
      )}
      {!shownPreview && !busy && <Text textColor="light">{t('run.preview.none')}</Text>}
      {confirmEmpty && period && (
        <ConfirmationDialog
          title={t('ledger.ui.run.emptyTitle', {period: period.label})}
          body={
            <Box>
              <Text marginBottom={1}>{tx(emptyPeriodText(plan, period))}</Text>
              <Text>{t('ledger.ui.run.emptyBody')}</Text>
            </Box>
          }
          confirmButtonText={t('ledger.ui.run.emptyConfirm')}
          cancelButtonText={t('ledger.ui.cancel')}
          isConfirmActionDangerous
          onCancel={() => setConfirmEmpty(false)}
          onConfirm={() => {
            setConfirmEmpty(false);
            void onRefresh(true);
          }}
        />
      )}
      </>
      )}
      <RunLogPanel entries={runLog.entries} versions={plan.versions} />
    </Box>
    </FormatProvider>
  );
}
