/**
 * The mapping rules: the plan's references to the base. Every reference the plan holds must be
 * complete (an id and a name: `{id: "", name: ""}` is "still to choose" wherever it stands,
 * optional slots included, so the validator and the read agree); given the base's schema, each
 * table and field must exist and be of a type that serves its use; result fields must be
 * writable, of the right type, and never a field the run reads nor the people table's primary
 * field. The references come from the one walk in src/planRefs.ts.
 */
import {fitsResult, fitsRole, type FieldRole} from './fieldMatch';
import {fieldTypeName, typeNames} from './fieldTypeName';
import {ACCEPTED_TYPES, acceptsLedgerValue, LEDGER_KIND, ledgerFieldName, type LedgerKey} from './ledger/fields';
import {type PlanDocument, type ResultKey, type Text} from './plan';
import type {Issue} from './results';
import type {BaseSchema, FieldSchema, TableSchema} from './schema';
import {listText, type MessageKey} from './i18n';
import {IssueList, message, owner, thing} from './planMessages';
import {isObj, nameOf, type PlanReading} from './planParse';
import {fieldReferences, isCompleteRef, peopleInputs, usedSourceIds, type FieldReference} from './planRefs';

const RESULT_ROLE: Record<ResultKey, MessageKey> = {
  totalScore: 'validate.role.result.number',
  grade: 'validate.role.result.grade',
  rank: 'validate.role.result.rank',
  performancePay: 'validate.role.result.money',
  bonus: 'validate.role.result.money',
  teamBonus: 'validate.role.result.money',
  award: 'validate.role.result.money',
  totalPay: 'validate.role.result.money',
  honours: 'validate.role.result.text',
  breakdown: 'validate.role.result.text',
  feedback: 'validate.role.result.text',
  calculatedAt: 'validate.role.result.time',
  periodId: 'validate.role.result.period',
};

const USE_PART: Record<Exclude<FieldReference['use'], 'result' | 'ledger'>, MessageKey> = {
  name: 'validate.part.name',
  upline: 'validate.part.upline',
  team: 'validate.part.team',
  tier: 'validate.part.tier',
  baseSalary: 'validate.part.baseSalary',
  performancePayBase: 'validate.part.performancePayBase',
  start: 'validate.part.startDate',
  end: 'validate.part.endDate',
  participant: 'validate.part.participantLink',
  split: 'validate.part.splitField',
  date: 'validate.part.dateField',
  value: 'validate.part.valueField',
  filter: 'validate.part.filterField',
  rateFilter: 'validate.part.rateFilterField',
  participantValue: 'validate.part.participantValue',
  targetField: 'validate.part.targetField',
};

/** A table's fields; a hand-made schema may lack the list. */
const fieldsOf = (table: TableSchema): FieldSchema[] => (Array.isArray(table.fields) ? table.fields.filter(isObj) as FieldSchema[] : []);

/** The primary field of a table: the schema's, or its first field in a hand-made schema. */
export function primaryFieldOf(table: TableSchema): FieldSchema | undefined {
  const fields = fieldsOf(table);
  return (table.primaryFieldId ? fields.find((f) => f.id === table.primaryFieldId) : undefined) ?? fields[0];
}

/** Why the plan needs a people field, for one message per missing field (the first reason is named). */
interface Needs {
  upline: Text[];
  tier: Text[];
  team: Text[];
  payBase: boolean;
}

function peopleNeeds(plan: PlanDocument, sound: (path: string) => boolean): Needs {
  const needs: Needs = {upline: [], tier: [], team: [], payBase: false};
  if (sound('promotion') && plan.promotion?.some((rule, i) => sound(`promotion[${i}]`) && rule.fromTier)) needs.tier.push(message('validate.reason.promotionTier'));
  if (!sound('versions')) return needs;
  plan.versions.forEach((v, vi) => {
    const path = `versions[${vi}]`;
    if (!sound(path)) return;
    v.metrics.forEach((m, i) => {
      if (!sound(`${path}.metrics[${i}]`)) return;
      if (m.scope.kind === 'team') needs.upline.push(message('validate.reason.teamScope', {metric: nameOf(m)}));
      if (m.target.kind === 'perTier') needs.tier.push(message('validate.reason.perTier', {metric: nameOf(m)}));
    });
    const inc = v.incentives;
    if (sound(`${path}.incentives.performancePay`) && inc.performancePay.enabled) needs.payBase = true;
    if (sound(`${path}.incentives.teamBonus`) && inc.teamBonus.enabled) needs.upline.push(message('validate.reason.teamBonus'));
    if (sound(`${path}.incentives.championAward`) && inc.championAward.enabled) {
      needs.team.push(message('validate.reason.champion'));
      needs.upline.push(message('validate.reason.champion'));
    }
    if (sound(`${path}.incentives.honours`)) {
      inc.honours.forEach((h, i) => {
        if (sound(`${path}.incentives.honours[${i}]`) && h.tier) needs.tier.push(message('validate.reason.honourTier', {honour: nameOf(h, 'title', `#${i + 1}`)}));
      });
    }
  });
  return needs;
}

const METRIC_PATH = /^versions\[(\d+)\]\.metrics\[(\d+)\]/;
const SOURCE_PATH = /^mapping\.sources\[(\d+)\]/;

class MappingRules extends IssueList {
  private readonly peopleTableId: string;

  constructor(
    private readonly plan: PlanDocument,
    private readonly schema: BaseSchema | undefined,
  ) {
    super();
    const people = isObj(plan.mapping.people) ? plan.mapping.people : undefined;
    this.peopleTableId = people && isCompleteRef(people.table) ? people.table.id : '';
  }

  table(id: string): TableSchema | undefined {
    return this.schema?.tables.find((t) => isObj(t) && t.id === id);
  }

  /** "指标“销售额”的数值字段" / "value field of metric "Sales"": what a reference is, for messages. */
  thingOf(r: FieldReference): Text {
    if (r.use === 'result') return message(`validate.part.result.${r.resultKey!}`);
    if (r.use === 'ledger') return ledgerThing(r.ledgerKey!);
    const metric = METRIC_PATH.exec(r.path);
    const source = SOURCE_PATH.exec(r.path);
    let who: Text;
    if (metric) {
      const m: unknown = this.plan.versions[Number(metric[1])].metrics[Number(metric[2])];
      who = owner('validate.owner.metric', nameOf(m, 'label', `#${Number(metric[2]) + 1}`));
    } else if (source) {
      who = owner('validate.owner.source', nameOf(this.plan.mapping.sources[Number(source[1])], 'label', `#${Number(source[1]) + 1}`));
    } else who = owner('validate.owner.people');
    return thing(who, USE_PART[r.use]);
  }

  /** With a schema, whether the table exists (reported with its kept name when not). */
  useTable(ref: {id: string; name: string}, path: string, who: Text): boolean {
    if (!this.schema) return true;
    if (this.table(ref.id)) return true;
    this.add('mapping.table.unknown', 'error', path, {thing: who, name: ref.name || ref.id}, {tableId: ref.id});
    return false;
  }

  run(sound: (path: string) => boolean) {
    const plan = this.plan;
    const mapping = plan.mapping;
    const people = isObj(mapping.people) ? mapping.people : undefined;
    const needs = peopleNeeds(plan, sound);

    if (!people || !this.peopleTableId) this.add('mapping.people.missing', 'error', 'mapping.people');
    else {
      this.useTable(people.table, 'mapping.people.table', owner('validate.owner.people'));
      const missing = (key: 'upline' | 'tier' | 'team' | 'performancePayBase') => people[key] === undefined;
      if (missing('upline') && needs.upline.length > 0) this.add('mapping.people.upline.needed', 'error', 'mapping.people.upline', {reason: needs.upline[0]});
      if (missing('tier') && needs.tier.length > 0) this.add('mapping.people.tier.needed', 'error', 'mapping.people.tier', {reason: needs.tier[0]});
      if (missing('team') && needs.team.length > 0) this.add('mapping.people.team.needed', 'error', 'mapping.people.team', {reason: needs.team[0]});
      if (missing('performancePayBase') && needs.payBase) this.add('mapping.people.payBase.needed', 'error', 'mapping.people.performancePayBase');
      const prorates = sound('proration') && isObj(plan.proration) && plan.proration.enabled === true;
      if (prorates && people.start === undefined) this.add('mapping.people.start.needed', 'error', 'mapping.people.start');
    }

    // Sources no metric reads are only mentioned; a source whose table is missing or deleted is
    // reported once, on its table, not once per field.
    const used = usedSourceIds(plan);
    const skippedSources = new Set<number>();
    const sources = sound('mapping') ? mapping.sources : [];
    sources.forEach((s, i) => {
      const at = `mapping.sources[${i}]`;
      if (!sound(at)) {
        skippedSources.add(i);
        return;
      }
      const label = nameOf(s, 'label', `#${i + 1}`);
      const who = owner('validate.owner.source', label);
      if (!used.has(s.id)) {
        this.add('mapping.source.unused', 'warning', at, {source: label});
        skippedSources.add(i);
        return;
      }
      if (!isCompleteRef(s.table)) {
        this.add('mapping.table.missing', 'error', `${at}.table`, {thing: who});
        skippedSources.add(i);
        return;
      }
      if (!this.useTable(s.table, `${at}.table`, who)) skippedSources.add(i);
    });

    const references = [...fieldReferences(plan)];
    const resultsTableOk = this.resultsTable(sound);
    for (const r of references) {
      if (r.use === 'result') continue;
      if (r.use === 'ledger' && !resultsTableOk) continue;
      const source = SOURCE_PATH.exec(r.path);
      if (source && skippedSources.has(Number(source[1]))) continue;
      this.checkField(r);
    }
    if (sound('mapping.results')) this.results(references.filter((r) => r.use === 'result'));
  }

  /** A field reference: complete, existing in its table, of a type that serves its use. */
  checkField(r: FieldReference) {
    if (r.ref === undefined && !r.required) return;
    if (!isCompleteRef(r.ref)) {
      this.add('mapping.field.missing', 'error', r.path, {thing: this.thingOf(r)});
      return;
    }
    const tableId = isCompleteRef(r.tableRef) ? r.tableRef.id : '';
    if (!this.schema || !tableId) return;
    const table = this.table(tableId);
    // A missing table is reported once, on the table itself.
    if (!table) return;
    const ref = r.ref;
    const field = fieldsOf(table).find((f) => f.id === ref.id);
    const name = ref.name || ref.id;
    const at = {tableId: table.id, fieldId: ref.id};
    if (!field) {
      this.add('mapping.field.unknown', 'error', r.path, {thing: this.thingOf(r), name, table: table.name}, at);
      return;
    }
    if (ref.name && field.name !== ref.name) {
      this.add('mapping.field.renamed', 'warning', r.path, {thing: this.thingOf(r), name: ref.name, current: field.name}, at);
    }
    this.checkFieldType(r, field, at);
  }

  checkFieldType(r: FieldReference, field: FieldSchema, at: Partial<Issue>) {
    const peopleName = this.table(this.peopleTableId)?.name ?? '';
    const what = this.thingOf(r);
    if (r.kind === 'upline' || r.kind === 'participant') {
      const textOk = r.kind === 'participant' && fitsRole(field, 'label') && field.type !== 'multipleRecordLinks';
      if (field.type === 'multipleRecordLinks' && field.linkedTableId !== this.peopleTableId) {
        this.add('mapping.field.link', 'error', r.path, {thing: what, name: field.name, people: peopleName}, at);
      } else if (field.type !== 'multipleRecordLinks' && !textOk) {
        const expected = message(r.kind === 'upline' ? 'validate.role.link' : 'validate.role.participant');
        this.add('mapping.field.type', 'error', r.path, {thing: what, name: field.name, type: fieldTypeName(field), expected}, at);
      }
      return;
    }
    if (r.kind === 'result') return;
    if (r.kind === 'ledger') {
      this.checkLedgerField(r, field, at);
      return;
    }
    if (!fitsRole(field, r.kind)) {
      const expected = message(`validate.role.${r.kind as Exclude<FieldRole, 'any'>}`);
      this.add('mapping.field.type', 'error', r.path, {thing: what, name: field.name, type: fieldTypeName(field), expected}, at);
    }
  }

  results(results: FieldReference[]) {
    for (const r of results) if (!isCompleteRef(r.ref)) this.add('mapping.field.missing', 'error', r.path, {thing: this.thingOf(r)});
    const chosen = results.filter((r) => isCompleteRef(r.ref));
    if (chosen.length === 0) {
      if (results.length === 0) this.add('mapping.results.none', 'warning', 'mapping.results');
      return;
    }
    const partOf = (key: ResultKey): Text => message(`validate.part.result.${key}`);
    // Every field the run reads from the people table, by the first use that names it.
    const inputs = new Map<string, Text>();
    for (const r of peopleInputs(this.plan)) if (isCompleteRef(r.ref) && !inputs.has(r.ref.id)) inputs.set(r.ref.id, this.thingOf(r));
    const firstUse = new Map<string, ResultKey>();
    const peopleTable = this.table(this.peopleTableId);
    const primary = peopleTable ? primaryFieldOf(peopleTable) : undefined;
    const grades = this.gradeNames();
    for (const r of chosen) {
      const key = r.resultKey!;
      const ref = r.ref!;
      const id = ref.id;
      const name = ref.name || id;
      const path = r.path;
      const at = {tableId: this.peopleTableId, fieldId: id};
      const earlier = firstUse.get(id);
      if (earlier) this.add('mapping.result.duplicate', 'error', path, {name, first: partOf(earlier), second: partOf(key)}, at);
      else firstUse.set(id, key);
      const input = inputs.get(id);
      if (input) this.add('mapping.field.inputAndResult', 'error', path, {name, input, result: partOf(key)}, at);
      else if (primary && primary.id === id) this.add('mapping.result.primary', 'error', path, {thing: partOf(key), name: primary.name}, at);

      if (!this.schema || !peopleTable) continue;
      const field = fieldsOf(peopleTable).find((f) => f.id === id);
      if (!field) {
        this.add('mapping.field.unknown', 'error', path, {thing: partOf(key), name, table: peopleTable.name}, at);
        continue;
      }
      if (field.isComputed) this.add('mapping.result.computed', 'error', path, {thing: partOf(key), name: field.name}, at);
      else if (!fitsResult(field, key)) {
        this.add('mapping.result.type', 'error', path, {thing: partOf(key), name: field.name, type: fieldTypeName(field), expected: message(RESULT_ROLE[key])}, at);
      } else if (key === 'grade' && field.type === 'singleSelect') {
        const missing = [...grades].filter((g) => !(field.choices ?? []).includes(g));
        if (missing.length > 0) this.add('mapping.result.choices', 'warning', path, {name: field.name, grades: {zh: listText(missing, 'zh'), en: listText(missing, 'en')}}, at);
      }
    }
  }

  /**
   * The results table itself: chosen, existing, and neither the people table nor a source (its
   * rows are written). False when its fields cannot be checked (then only the table is reported).
   */
  resultsTable(sound: (path: string) => boolean): boolean {
    const mapping = this.plan.mapping;
    if (mapping.resultsTable === undefined || !sound('mapping.resultsTable')) return false;
    const who = owner('validate.owner.resultsTable');
    const table = mapping.resultsTable.table;
    if (!isCompleteRef(table)) {
      this.add('mapping.table.missing', 'error', 'mapping.resultsTable.table', {thing: who});
      return false;
    }
    if (!this.useTable(table, 'mapping.resultsTable.table', who)) return false;
    const sources = sound('mapping') ? mapping.sources : [];
    const read = table.id === this.peopleTableId || sources.some((s) => isObj(s) && isObj(s.table) && s.table.id === table.id);
    if (read) {
      this.add('mapping.resultsTable.readTable', 'error', 'mapping.resultsTable.table', {name: table.name || table.id}, {tableId: table.id});
      return false;
    }
    const seen = new Map<string, LedgerKey>();
    for (const key of Object.keys(mapping.resultsTable.fields) as LedgerKey[]) {
      const ref = mapping.resultsTable.fields[key];
      if (!isCompleteRef(ref)) continue;
      const first = seen.get(ref.id);
      if (first) {
        this.add('mapping.result.duplicate', 'error', `mapping.resultsTable.fields.${key}`, {name: ref.name || ref.id, first: ledgerThing(first), second: ledgerThing(key)}, {tableId: table.id, fieldId: ref.id});
      } else seen.set(ref.id, key);
    }
    return true;
  }

  /** A results-table field: writable, of a type that reads back what is written; the participant links to the people table. */
  checkLedgerField(r: FieldReference, field: FieldSchema, at: Partial<Issue>) {
    const key = r.ledgerKey!;
    if (acceptsLedgerValue(key, field, this.peopleTableId || undefined)) return;
    const what = this.thingOf(r);
    if (field.isComputed) {
      this.add('mapping.result.computed', 'error', r.path, {thing: what, name: field.name}, at);
    } else if (key === 'participant' && field.type === 'multipleRecordLinks') {
      this.add('mapping.field.link', 'error', r.path, {thing: what, name: field.name, people: this.table(this.peopleTableId)?.name ?? ''}, at);
    } else {
      this.add('mapping.resultsTable.fieldType', 'error', r.path, {thing: what, name: field.name, type: fieldTypeName(field), expected: typeNames(ACCEPTED_TYPES[LEDGER_KIND[key]])}, at);
    }
  }

  /** Every grade name of every version: the grade result field must offer them all. */
  gradeNames(): Set<string> {
    const names = new Set<string>();
    for (const v of Array.isArray(this.plan.versions) ? this.plan.versions : []) {
      for (const g of isObj(v) && Array.isArray(v.grades) ? v.grades : []) if (isObj(g) && typeof g.grade === 'string' && g.grade) names.add(g.grade);
    }
    return names;
  }
}

/** "结果表的“考核周期”字段" / "the results table's "Period" field". */
function ledgerThing(key: LedgerKey): Text {
  return thing(owner('validate.owner.resultsTable'), 'validate.part.ledgerField', {field: {zh: ledgerFieldName(key, 'zh'), en: ledgerFieldName(key, 'en')}});
}

/** Every mapping rule the plan breaks, against the base's schema when one is given. */
export function mappingRules(reading: Pick<PlanReading, 'plan' | 'sound'>, schema?: BaseSchema): Issue[] {
  if (!reading.sound('mapping') && !isObj(reading.plan?.mapping)) return [];
  const rules = new MappingRules(reading.plan, schema);
  rules.run(reading.sound);
  return rules.issues;
}

