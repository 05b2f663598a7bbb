/**
 * The run's steps, outside React: read the base, compute, diff against the result cells, write.
 * Preview and Refresh share `computePreview`, so what a refresh writes is exactly what a preview
 * of the same moment shows. Refresh recomputes instead of reusing the preview: the base may have
 * been edited since, and writing a stale diff could overwrite a colleague's correction.
 */
import type Base from '@airtable/blocks/dist/types/src/models/base';
import type Table from '@airtable/blocks/dist/types/src/models/table';
import type {FieldRef, Lang, PlanDocument} from '../../src/plan';
import type {Issue, RunResult} from '../../src/results';
import {runPlan} from '../../src/engine';
import {planWrites, type WritePlan} from '../../src/writeback';
import {readFacts} from '../adapter/readFacts';
import {checkWritePermission, writeResults, type WriteOutcome} from '../adapter/writeResults';
import type {PreviewRow, ResultChangeView} from './PreviewTable';

export type {WritePlan, WriteOutcome};

export interface Preview {
  periodId: string;
  /** The plan revision the preview was computed under (see planRevision.ts). */
  revision: string;
  run: RunResult;
  /** Problems met while reading the base (unreadable cells, missing tables...). */
  readIssues: Issue[];
  writes: WritePlan;
  rows: PreviewRow[];
}

/**
 * When and in which language the run happens: texts written to the base (breakdown, feedback,
 * calculation time) are in the plan's result language, or, when the plan leaves it open, in
 * the language of the user who presses Refresh.
 */
export interface RunContext {
  now: Date;
  lang: Lang;
}

/** @example writtenLanguage({resultLanguage: 'zh'}, 'en') // 'zh' */
export function writtenLanguage(plan: Pick<PlanDocument, 'resultLanguage'>, userLang: Lang): Lang {
  return plan.resultLanguage === 'zh' || plan.resultLanguage === 'en' ? plan.resultLanguage : userLang;
}

/** Progress of a long step, as a fraction 0..1. */
export type OnProgress = (fraction: number) => void;

/** One row per participant, with the cells that would change grouped under it. */
export function previewRows(run: RunResult, writes: WritePlan): PreviewRow[] {
  const changesByRecord = new Map<string, ResultChangeView[]>();
  for (const change of writes.changes) {
    const list = changesByRecord.get(change.recordId) ?? [];
    list.push({resultKey: change.resultKey, old: change.old, new: change.new});
    changesByRecord.set(change.recordId, list);
  }
  return run.results.map((result) => ({
    participantId: result.participantId,
    rank: result.rank,
    name: result.name,
    totalScore: result.totalScore,
    grade: result.grade,
    totalPay: result.totalPay,
    changes: changesByRecord.get(result.participantId) ?? [],
  }));
}

export async function computePreview(
  base: Base,
  plan: PlanDocument,
  periodId: string,
  revision: string,
  context: RunContext,
  onProgress?: OnProgress,
): Promise<Preview> {
  const read = await readFacts(base, plan, onProgress);
  const run = runPlan(plan, periodId, read.facts);
  const writes = planWrites(run, plan, read.current, {
    lang: writtenLanguage(plan, context.lang),
    calculatedAt: context.now.toISOString(),
    fields: read.resultFields,
  });
  return {periodId, revision, run, readIssues: read.issues, writes, rows: previewRows(run, writes)};
}

/** The people table and the result field ids, or null when the mapping no longer resolves. */
export function resultTarget(base: Base, plan: PlanDocument): {table: Table; fields: FieldRef[]} | null {
  const tableId = plan.mapping.people?.table.id;
  const table = tableId ? base.getTableByIdIfExists(tableId) : null;
  if (!table) return null;
  const fields = Object.values(plan.mapping.results).flatMap((field) => (field ? [field] : []));
  return {table, fields};
}

/** Null when the user may write every result field, else the SDK's reason, shown as it is. */
export function writeDenial(base: Base, plan: PlanDocument, lang: Lang): string | null {
  const target = resultTarget(base, plan);
  if (!target) return null;
  const check = checkWritePermission(target.table, target.fields, lang);
  return check.ok ? null : check.reason;
}

export type RefreshOutcome =
  | {kind: 'denied'; reason: string}
  | {kind: 'written'; preview: Preview; outcome: WriteOutcome};

/**
 * Recomputes and writes the changed cells. Permission is checked again just before the first
 * write: it can be lost between the preview and the click, and then nothing is written.
 */
export async function refresh(
  base: Base,
  plan: PlanDocument,
  periodId: string,
  revision: string,
  context: RunContext,
  onProgress: {reading?: OnProgress; writing: (written: number, total: number) => void},
): Promise<RefreshOutcome> {
  const preview = await computePreview(base, plan, periodId, revision, context, onProgress.reading);
  const target = resultTarget(base, plan);
  const denial = writeDenial(base, plan, context.lang);
  if (!target || denial !== null) return {kind: 'denied', reason: denial ?? ''};
  const outcome = await writeResults(target.table, preview.writes.updates, {onProgress: onProgress.writing});
  return {kind: 'written', preview, outcome};
}
