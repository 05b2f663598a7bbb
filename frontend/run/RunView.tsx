/**
 * The run view: choose a period, preview every participant's results and the cells that would
 * change, then Refresh to write only those cells. The preview's rows, leaderboard and warnings
 * are memoised on the preview itself, so the progress updates of a refresh re-render only the
 * progress bar and the buttons.
 */
import {useCallback, useMemo, useState} from 'react';
import {Box, Button, Heading, ProgressBar, Select, Text, useBase, useSession} from '@airtable/blocks/ui';
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
import {afterWrite, runLogEntry, summarise, type RefreshSummary} from './summary';
import {PreviewTotals, RefreshSummaryView} from './RefreshSummaryView';
import {FormatProvider} from './FormatProvider';
import {refreshBlocker} from './refreshBlocker';
import {defaultPeriodId} from './periodChoice';

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
  const [periodId, setPeriodId] = useState(() => defaultPeriodId(plan.periods, new Date().toISOString().slice(0, 10)));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [summary, setSummary] = useState<RefreshSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const period = plan.periods.find((p) => p.id === periodId) ?? null;
  const shownPreview = preview && preview.periodId === periodId ? preview : null;
  const denial = writeDenial(base, plan, lang);
  const blocker = refreshBlocker({busy: busy !== null, denial, problems, preview: shownPreview, revision});

  const onPreview = useCallback(async () => {
    if (!periodId) return;
    setBusy({phase: 'reading', fraction: 0});
    setFailure(null);
    setSummary(null);
    try {
      const next = await computePreview(base, plan, periodId, revision, {now: new Date(), lang}, {onProgress: setBusy});
      setPreview(next);
    } catch (error) {
      setFailure(t('run.failed', {message: error instanceof Error ? error.message : String(error)}));
    } finally {
      setBusy(null);
    }
  }, [base, plan, periodId, revision, lang, t]);

  const onRefresh = useCallback(async () => {
    if (!periodId || !period) return;
    setBusy({phase: 'reading', fraction: 0});
    setFailure(null);
    setSummary(null);
    try {
      const outcome = await refresh(base, plan, periodId, revision, {now: new Date(), lang}, {onProgress: setBusy});
      if (outcome.kind === 'denied') {
        setFailure(t('run.refresh.lostPermission', {reason: outcome.reason}));
        return;
      }
      const result = summarise(outcome.preview, outcome.outcome);
      setPreview(afterWrite(outcome.preview, outcome.outcome.writtenRecordIds));
      const entry = runLogEntry(outcome.preview, result, period, revision, {
        at: new Date().toISOString(),
        user: session.currentUser?.name ?? null,
      });
      // The cells are written whatever happens to the log: a failed log write must not hide that.
      const logged = await runLog.append(entry).catch(() => false);
      setSummary({...result, logged});
    } catch (error) {
      setFailure(t('run.failed', {message: error instanceof Error ? error.message : String(error)}));
    } finally {
      setBusy(null);
    }
  }, [base, plan, period, periodId, revision, runLog, session, t, lang]);

  const onSelect = useCallback((id: string) => setSelectedId((current) => (current === id ? null : id)), []);
  const names = useMemo(
    () => new Map([...(shownPreview?.recordNames ?? []), ...(shownPreview?.run.results ?? []).map((r) => [r.participantId, r.name] as [string, string])]),
    [shownPreview],
  );
  const issues = useMemo(
    () => (shownPreview ? [...shownPreview.readIssues, ...shownPreview.writes.issues, ...shownPreview.run.issues] : []),
    [shownPreview],
  );
  const selected = shownPreview?.run.results.find((r) => r.participantId === selectedId) ?? null;
  const periodOptions = useMemo(() => plan.periods.map((p) => ({value: p.id, label: p.label})), [plan.periods]);

  return (
    <FormatProvider currency={plan.currency}>
    <Box padding={3}>
      <Box display="flex" alignItems="center" justifyContent="space-between" marginBottom={2}>
        <Heading size="small" margin={0}>
          {t('app.title')}
        </Heading>
        <Box display="flex" alignItems="center">
          <LangSwitch />
          <Button size="small" marginLeft={2} icon="cog" onClick={onOpenSettings}>
            {t('ui.settings.open')}
          </Button>
        </Box>
      </Box>

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
          disabled={blocker !== null}
          aria-describedby={blocker ? 'spb-refresh-blocker' : undefined}
          onClick={() => void onRefresh()}
        >
          {t('run.refresh.button')}
        </Button>
      </Box>
      {blocker && (
        <Text id="spb-refresh-blocker" textColor="light" marginBottom={2} dataAttributes={{'data-testid': 'refresh-blocker'}}>
          {blocker.kind === 'denied' ? blocker.reason : blocker.kind === 'invalid' ? t('run.refresh.invalid', {message: tx(blocker.issue.message)}) : t(blocker.key)}
        </Text>
      )}

      {busy && (
        <Box marginBottom={2} dataAttributes={{'data-testid': 'progress'}}>
          <Text size="small">{t(`run.progress.${busy.phase}`, {percent: Math.round(busy.fraction * 100)})}</Text>
          <ProgressBar progress={busy.fraction} />
        </Box>
      )}
      {failure && (
        <Text textColor="red" marginBottom={2} role="alert">
          {failure}
        </Text>
      )}
      {summary && <RefreshSummaryView summary={summary} />}

      {shownPreview && (
        <>
          <PreviewTotals preview={shownPreview} versions={plan.versions} />
          {selected && <ParticipantDetail result={selected} onClose={() => setSelectedId(null)} />}
          <Warnings issues={issues} names={names} />
          <Leaderboard results={shownPreview.run.results} onSelect={onSelect} />
          <PreviewTable rows={shownPreview.rows} selectedId={selectedId} onSelect={onSelect} />
        </>
      )}
      {!shownPreview && !busy && <Text textColor="light">{t('run.preview.none')}</Text>}
      <RunLogPanel entries={runLog.entries} versions={plan.versions} />
    </Box>
    </FormatProvider>
  );
}
