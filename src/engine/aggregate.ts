/**
 * One pass over each source's records, crediting each kept record to one participant's bucket.
 * Everything per participant afterwards (team scope, scores, pay) reads the buckets, never the
 * records again: that is what keeps 200,000 records x 10,000 participants linear.
 */
import type {FactValue, Facts, ParticipantFact, SourceRecordFact} from '../facts';
import type {Aggregation, CreditSplit, Filter, Metric, Period, PlanDocument, PlanVersion, Text} from '../plan';
import type {Issue, RunStats} from '../results';
import {placeDay} from '../period';
import {BEYOND_BOUND, CELL_PLACES, D, ExactSum, NOT_A_NUMBER, cellDecimal, planDecimal, readCell, toUnits, HUNDRED, type Dec} from './money';
import {idList, makeIssue} from './issues';

/** What the records credited to one participant add up to, for one metric. */
export interface Bucket {
  sum: ExactSum;
  /** Records kept by the metric's filter. */
  records: number;
  /** Records that held a usable number (sum, average). */
  values: number;
  /** Records matching the rate filter. */
  matched: number;
  distinct: Set<string> | null;
}

/** Per metric id, per participant index; undefined when nothing was credited. */
export type MetricBuckets = Map<string, (Bucket | undefined)[]>;

export function emptyBucket(): Bucket {
  return {sum: new ExactSum(), records: 0, values: 0, matched: 0, distinct: null};
}

/** Adds `from` into `into` (team scope sums personal buckets). */
export function addBucket(into: Bucket, from: Bucket | undefined): Bucket {
  if (!from) return into;
  into.sum.addSum(from.sum);
  into.records += from.records;
  into.values += from.values;
  into.matched += from.matched;
  if (from.distinct) {
    into.distinct ??= new Set();
    for (const v of from.distinct) into.distinct.add(v);
  }
  return into;
}

/**
 * The exact value of a bucket. Sums and counts of nothing are 0; an average or a rate of nothing
 * is null (missing, not zero: a rep with no reviews is not a rep with bad reviews).
 */
export function bucketValue(aggregation: Aggregation, bucket: Bucket | undefined): Dec | null {
  const b = bucket ?? emptyBucket();
  switch (aggregation) {
    case 'sum':
      return b.sum.value();
    case 'count':
      return new D(b.records);
    case 'distinctCount':
      return new D(b.distinct?.size ?? 0);
    case 'average':
      return b.values > 0 ? b.sum.value().dividedBy(b.values) : null;
    case 'rate':
      return b.records > 0 ? new D(b.matched).dividedBy(b.records).times(HUNDRED) : null;
  }
}

/** Records behind the value (for sums and averages: those that held a number): an honour's minimum sample. */
export function bucketSample(aggregation: Aggregation, bucket: Bucket | undefined): number {
  if (!bucket) return 0;
  return aggregation === 'average' || aggregation === 'sum' ? bucket.values : bucket.records;
}

function isEmptyValue(value: FactValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A filter on one cell. Numbers compare as decimals when both sides read as numbers; links and
 * multiple selects (arrays) equal a value when they contain it.
 */
export function matchesFilter(filter: Filter, value: FactValue | undefined): boolean {
  switch (filter.op) {
    case 'isEmpty':
      return isEmptyValue(value);
    case 'notEmpty':
      return !isEmptyValue(value);
    case 'isTrue':
      return value === true || value === 1 || value === 'true';
    case 'eq':
    case 'neq': {
      const equal = valueEquals(value, filter.value ?? '');
      return filter.op === 'eq' ? equal : !equal;
    }
    default: {
      const left = cellDecimal(value);
      const right = cellDecimal(filter.value ?? null);
      if (left === null || right === null || left === NOT_A_NUMBER || right === NOT_A_NUMBER) return false;
      const c = left.comparedTo(right);
      if (filter.op === 'gt') return c > 0;
      if (filter.op === 'gte') return c >= 0;
      if (filter.op === 'lt') return c < 0;
      return c <= 0;
    }
  }
}

function valueEquals(value: FactValue | undefined, wanted: string): boolean {
  if (Array.isArray(value)) return value.includes(wanted);
  if (isEmptyValue(value)) return wanted === '';
  if (typeof value === 'boolean') return String(value) === wanted;
  const left = cellDecimal(value);
  const right = cellDecimal(wanted);
  if (left !== null && right !== null && left !== NOT_A_NUMBER && right !== NOT_A_NUMBER) return left.equals(right);
  return String(value) === wanted;
}

interface CompiledMetric {
  metric: Metric;
  aggregation: Aggregation;
  fieldId: string | undefined;
  filter: Filter | undefined;
  rateFilter: Filter | undefined;
  /** A rating scale that each record's value is clamped to. */
  clamp: {min: Dec; max: Dec} | null;
  buckets: (Bucket | undefined)[];
}

/** Ids of the records behind one data issue, grouped so that 10,000 bad cells make one message. */
type Notes = Map<string, {field: string; ids: string[]; min?: string; max?: string}>;

function note(notes: Notes, key: string, field: string, id: string, extra: {min?: string; max?: string} = {}) {
  let entry = notes.get(key);
  if (!entry) {
    entry = {field, ids: [], ...extra};
    notes.set(key, entry);
  }
  if (entry.ids[entry.ids.length - 1] !== id) entry.ids.push(id);
}

export function emptyStats(participants: number): RunStats {
  return {
    participants,
    recordsRead: 0,
    recordsCredited: 0,
    recordsOutsidePeriod: 0,
    recordsBeforeFirstPeriod: 0,
    recordsWithoutDate: 0,
    orphanRecords: 0,
    multiLinkedRecords: 0,
  };
}

/** Records credited between two progress steps: under ~40 ms of work on a loaded 2-core machine. */
export const CREDIT_SLICE = 10_000;

/** Progress of the crediting pass: records looked at out of all records the version reads. */
export interface CreditProgress {
  done: number;
  total: number;
}

/**
 * Credits every source record of the period to its participant, for every source metric of the
 * version. Returns the buckets; pushes data issues and counts into `issues` and `stats`. Pauses
 * every CREDIT_SLICE records so that a caller on the page's main thread can let the browser paint.
 */
export function* aggregateSourcesSteps(
  plan: PlanDocument,
  version: PlanVersion,
  period: Period,
  facts: Facts,
  index: ReadonlyMap<string, number>,
  issues: Issue[],
  stats: RunStats,
): Generator<CreditProgress, MetricBuckets, void> {
  const out: MetricBuckets = new Map();
  const bySource = new Map<string, CompiledMetric[]>();
  for (const metric of version.metrics) {
    if (metric.source.kind !== 'source') continue;
    const {sourceId, aggregation, field, filter, rateFilter} = metric.source;
    const mapping = plan.mapping.sources.find((s) => s.id === sourceId);
    if (!mapping) {
      issues.push(makeIssue('warning', 'engine.source.unknown', {metric: metric.label, source: sourceId}));
      continue;
    }
    if ((aggregation === 'sum' || aggregation === 'average' || aggregation === 'distinctCount') && !field) {
      issues.push(makeIssue('warning', 'engine.metric.noField', {metric: metric.label}));
      continue;
    }
    const scale =
      metric.scoring.kind === 'scale' && aggregation === 'average'
        ? {min: planDecimal(metric.scoring.min), max: planDecimal(metric.scoring.max)}
        : null;
    const compiled: CompiledMetric = {
      metric,
      aggregation,
      fieldId: field?.id,
      filter,
      rateFilter,
      clamp: scale && scale.min && scale.max ? {min: scale.min, max: scale.max} : null,
      buckets: new Array<Bucket | undefined>(facts.participants.length),
    };
    out.set(metric.id, compiled.buckets);
    const list = bySource.get(sourceId) ?? [];
    list.push(compiled);
    bySource.set(sourceId, list);
  }

  const periods = plan.periods;
  let total = 0;
  for (const sourceId of bySource.keys()) total += facts.sources[sourceId]?.length ?? 0;
  let done = 0;
  let sinceStep = 0;
  yield {done, total};
  for (const [sourceId, metrics] of bySource) {
    const mapping = plan.mapping.sources.find((s) => s.id === sourceId)!;
    const sourceName: Text = {zh: mapping.label.zh || mapping.table.name, en: mapping.label.en || mapping.table.name};
    const datesMatter = mapping.date !== undefined;
    const records = facts.sources[sourceId];
    if (!records) {
      issues.push(makeIssue('warning', 'engine.source.noFacts', {source: sourceName}, {tableId: mapping.table.id}));
      continue;
    }
    const noDate: string[] = [];
    // Records a period-scoped read left out count as if they had been read and placed outside the
    // period. Their ids come first: when every outside record was left out (what the adapter does),
    // none is left in `records` to be listed after them, so the ids stay in record order.
    const leftOut = facts.leftOut?.[sourceId];
    const outsideEvery: string[] = leftOut ? [...leftOut.outsideEveryPeriod] : [];
    if (leftOut) {
      stats.recordsRead += leftOut.outsidePeriod;
      stats.recordsOutsidePeriod += leftOut.outsidePeriod;
      stats.recordsBeforeFirstPeriod += leftOut.beforeFirstPeriod;
    }
    const orphans: string[] = [];
    const multi: string[] = [];
    /** Records whose split-percentage cell does not give one share per linked participant adding up to 100. */
    const badSplit: string[] = [];
    const split = mapping.credit ?? FIRST_LINKED;
    const notes: Notes = new Map();

    for (const record of records) {
      if (++sinceStep === CREDIT_SLICE) {
        sinceStep = 0;
        yield {done, total};
      }
      done++;
      stats.recordsRead++;
      if (datesMatter) {
        const placement = placeDay(record.date, period, periods);
        if (placement !== 'inPeriod') {
          if (placement === 'noDate') noDate.push(record.id);
          else {
            stats.recordsOutsidePeriod++;
            if (placement === 'beforeFirstPeriod') stats.recordsBeforeFirstPeriod++;
            else if (placement === 'outsideEveryPeriod') outsideEvery.push(record.id);
          }
          continue;
        }
      }
      const linked = record.participantIds;
      if (linked.length > 1 && (split.kind === 'equal' || split.kind === 'splitField')) {
        // Split credit: every linked participant must be known, or the amount would be lost.
        const whos = linked.map((id) => index.get(id));
        if (whos.some((w) => w === undefined)) {
          orphans.push(record.id);
          continue;
        }
        const shares = split.kind === 'equal' ? equalShares(linked.length) : sharesOf(record.values[split.field?.id ?? ''], linked.length);
        if (shares === null) {
          badSplit.push(record.id);
          continue;
        }
        multi.push(record.id);
        stats.recordsCredited++;
        for (const m of metrics) creditSplitRecord(m, whos as number[], shares, record, sourceId, notes);
        continue;
      }
      const first = linked[0];
      const who = first === undefined ? undefined : index.get(first);
      if (who === undefined) {
        orphans.push(record.id);
        continue;
      }
      if (linked.length > 1) multi.push(record.id);
      stats.recordsCredited++;
      for (const m of metrics) creditRecord(m, who, record, sourceId, notes);
    }

    stats.recordsWithoutDate += noDate.length;
    stats.orphanRecords += orphans.length;
    stats.multiLinkedRecords += multi.length;
    const where = {tableId: mapping.table.id};
    const report = (key: 'engine.record.noDate' | 'engine.record.outsideEveryPeriod' | 'engine.record.orphan' | 'engine.record.multiLinked', ids: string[]) => {
      if (ids.length > 0) issues.push(makeIssue('warning', key, {source: sourceName, count: ids.length, ids: idList(ids)}, {...where, recordIds: ids}));
    };
    report('engine.record.noDate', noDate);
    report('engine.record.outsideEveryPeriod', outsideEvery);
    report('engine.record.orphan', orphans);
    // Under a split rule a record linked to several people is the expected case: counted, not reported.
    if (split.kind !== 'equal' && split.kind !== 'splitField') report('engine.record.multiLinked', multi);
    if (badSplit.length > 0 && split.kind === 'splitField') {
      issues.push(
        makeIssue('warning', 'engine.record.badSplit', {source: sourceName, field: split.field?.name ?? '', count: badSplit.length, ids: idList(badSplit)}, {
          ...where,
          fieldId: split.field?.id,
          recordIds: badSplit,
        }),
      );
    }
    for (const [key, entry] of notes) {
      const params = {source: sourceName, field: entry.field, count: entry.ids.length, ids: idList(entry.ids)};
      const fieldId = key.split('|')[1];
      const kind = key.slice(0, key.indexOf('|'));
      issues.push(
        kind === 'nan' || kind === 'bound'
          ? makeIssue('warning', kind === 'nan' ? 'engine.value.notNumber' : 'engine.value.beyondBound', params, {...where, fieldId, recordIds: entry.ids})
          : makeIssue('warning', 'engine.value.outOfScale', {...params, min: entry.min ?? '', max: entry.max ?? ''}, {
              ...where,
              fieldId,
              recordIds: entry.ids,
            }),
      );
    }
  }
  return out;
}

const FIRST_LINKED: CreditSplit = {kind: 'first'};

/** n equal shares of 1 (the last one takes what the others leave: see splitAmount). */
function equalShares(n: number): Dec[] {
  const share = new D(1).dividedBy(n);
  return Array.from({length: n}, () => share);
}

const PERCENT_TEXT = /^\d+(\.\d+)?%?$/;

/**
 * A split-percentage cell read as one share (a fraction of 1) per linked participant, in link
 * order: text such as "60, 40", "60%/40%" or "50 30 20", or a list (a lookup). Null unless there
 * is exactly one non-negative number per participant and they add up to exactly 100.
 *
 * @example sharesOf('60, 40', 2)?.map(String) // ['0.6', '0.4']
 * @example sharesOf('60, 30', 2) // null
 */
export function sharesOf(cell: FactValue | undefined, n: number): Dec[] | null {
  const parts = Array.isArray(cell) ? cell.map((x) => x.trim()) : typeof cell === 'string' ? cell.trim().split(/\s*[,;/，；、\s]\s*/) : [];
  if (parts.length !== n || !parts.every((p) => PERCENT_TEXT.test(p))) return null;
  const percents = parts.map((p) => new D(p.replace('%', '')));
  if (!percents.reduce((a, p) => a.plus(p), new D(0)).equals(HUNDRED)) return null;
  return percents.map((p) => p.dividedBy(HUNDRED));
}

/**
 * An amount split by shares that add up to 1: each part is amount x share to 18 decimal places
 * (the places of a cell number, docs/plan.md §3, so that sums of parts stay exact), and the last
 * part is what the others leave, so the parts add up to the amount exactly.
 *
 * @example splitAmount(new D(100), equalShares(3)).map(String) // ['33.333333333333333333', '33.333333333333333333', '33.333333333333333334']
 */
export function splitAmount(amount: Dec, shares: readonly Dec[]): Dec[] {
  const parts = shares.map((share) => amount.times(share).toDecimalPlaces(CELL_PLACES, D.ROUND_HALF_UP));
  const others = parts.slice(0, -1).reduce((a, p) => a.plus(p), new D(0));
  parts[parts.length - 1] = amount.minus(others);
  return parts;
}

/**
 * A record linked to several participants under a split rule: a sum's amount is split by the
 * shares; every other aggregation credits the whole record to the first linked participant (a
 * record is counted once, never as fractions).
 */
function creditSplitRecord(m: CompiledMetric, whos: readonly number[], shares: readonly Dec[], record: SourceRecordFact, sourceId: string, notes: Notes) {
  if (m.aggregation !== 'sum') {
    creditRecord(m, whos[0], record, sourceId, notes);
    return;
  }
  if (m.filter && !matchesFilter(m.filter, record.values[m.filter.field.id])) return;
  const field = m.metric.source.kind === 'source' ? m.metric.source.field : undefined;
  const raw = record.values[m.fieldId!];
  const value = readCell(raw);
  const parts = value === null || value === NOT_A_NUMBER || value === BEYOND_BOUND ? null : splitAmount(value, shares);
  if (value === NOT_A_NUMBER || value === BEYOND_BOUND) {
    note(notes, `${value === NOT_A_NUMBER ? 'nan' : 'bound'}|${m.fieldId}|${sourceId}`, field?.name ?? m.fieldId!, record.id);
  }
  whos.forEach((who, k) => {
    let bucket = m.buckets[who];
    if (!bucket) {
      bucket = emptyBucket();
      m.buckets[who] = bucket;
    }
    bucket.records++;
    if (parts) {
      bucket.sum.add(parts[k]);
      bucket.values++;
    }
  });
}

function creditRecord(m: CompiledMetric, who: number, record: SourceRecordFact, sourceId: string, notes: Notes) {
  if (m.filter && !matchesFilter(m.filter, record.values[m.filter.field.id])) return;
  let bucket = m.buckets[who];
  if (!bucket) {
    bucket = emptyBucket();
    m.buckets[who] = bucket;
  }
  bucket.records++;
  switch (m.aggregation) {
    case 'count':
      return;
    case 'rate':
      if (m.rateFilter && matchesFilter(m.rateFilter, record.values[m.rateFilter.field.id])) bucket.matched++;
      return;
    case 'distinctCount': {
      const value = record.values[m.fieldId!];
      if (isEmptyValue(value)) return;
      bucket.distinct ??= new Set();
      if (Array.isArray(value)) for (const v of value) bucket.distinct.add(v);
      else bucket.distinct.add(String(value));
      return;
    }
    case 'sum':
    case 'average': {
      const raw = record.values[m.fieldId!];
      // The common case, a plain number of at most 4 places (far inside the bound) and no scale to
      // clamp to, never allocates a decimal.
      const units = typeof raw === 'number' && !m.clamp ? toUnits(raw) : null;
      if (units !== null) {
        bucket.sum.addUnits(units);
        bucket.values++;
        return;
      }
      const field = m.metric.source.kind === 'source' ? m.metric.source.field : undefined;
      let value = readCell(raw);
      if (value === null) return;
      if (value === NOT_A_NUMBER || value === BEYOND_BOUND) {
        note(notes, `${value === NOT_A_NUMBER ? 'nan' : 'bound'}|${m.fieldId}|${sourceId}`, field?.name ?? m.fieldId!, record.id);
        return;
      }
      if (m.clamp && (value.lessThan(m.clamp.min) || value.greaterThan(m.clamp.max))) {
        note(notes, `scale|${m.fieldId}|${m.metric.id}`, field?.name ?? m.fieldId!, record.id, {
          min: m.clamp.min.toString(),
          max: m.clamp.max.toString(),
        });
        value = value.lessThan(m.clamp.min) ? m.clamp.min : m.clamp.max;
      }
      bucket.sum.add(value);
      bucket.values++;
      return;
    }
  }
}

/**
 * Metrics read from a field of the participant's own record (e.g. a manager rating kept on the
 * rep). A text that is not a number is reported and treated as empty.
 */
export function participantFieldBuckets(
  version: PlanVersion,
  participants: readonly ParticipantFact[],
  issues: Issue[],
): MetricBuckets {
  const out: MetricBuckets = new Map();
  for (const metric of version.metrics) {
    if (metric.source.kind !== 'participant') continue;
    const field = metric.source.field;
    out.set(
      metric.id,
      participants.map((p) => {
        const value = readCell(p.fields[field.id]);
        if (value === null) return undefined;
        if (value === NOT_A_NUMBER || value === BEYOND_BOUND) {
          const key = value === NOT_A_NUMBER ? 'engine.participant.notNumber' : 'engine.participant.beyondBound';
          issues.push(
            makeIssue('warning', key, {name: p.name, field: field.name, value: String(p.fields[field.id])}, {
              fieldId: field.id,
              recordIds: [p.id],
            }),
          );
          return undefined;
        }
        const sum = new ExactSum();
        sum.add(value);
        return {sum, records: 1, values: 1, matched: 0, distinct: null};
      }),
    );
  }
  return out;
}

/**
 * A participant-field metric behaves like an average of one value: empty stays missing (null),
 * and a team-scope value is the team's average.
 */
export function aggregationOf(metric: Metric): Aggregation {
  return metric.source.kind === 'source' ? metric.source.aggregation : 'average';
}
