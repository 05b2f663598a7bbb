/**
 * Generators for the pipeline fuzz (issue 10, part 6): messy bases in the SDK's real cell formats
 * and mutations of the template plan.
 *
 * A case is plain data (a `BaseSpec` and a list of `PlanMutation`s), so that fast-check can shrink
 * it and print it; `buildFixture` and `applyMutations` turn it into the fixture and the plan
 * document. The base keeps the demo base's table and field names, so that the template fits it by
 * name as it would a user's base, while each input field's TYPE varies over every type the
 * validator accepts for its role, each cell written as the SDK delivers it (platform notes, "Cell
 * read formats that bite"): lookups as `[{linkedRecordId, value}]` with `options.result`,
 * rollups and formulas as their result type, selects as `{id, name, color}`, links as
 * `[{id, name}]`, collaborators as `{id, email, name}`, dates date-only or full ISO.
 */
import {fixtureTable} from '../../sim/fixture';
import fc from 'fast-check';
import type TestDriver from '@airtable/blocks-testing';

/** The fixture format, named from TestDriver's constructor (the package's public entry). */
export type FixtureData = ConstructorParameters<typeof TestDriver>[0];

type Table = FixtureData['base']['tables'][number];
type FieldFixture = Table['fields'][number];
type RecordFixture = Table['records'][number];
type Cells = Record<string, unknown>;

export const IDS = {
  reps: 'tblReps',
  profiles: 'tblProfiles',
  depts: 'tblDepts',
  orders: 'tblOrders',
  customers: 'tblCustomers',
  reviews: 'tblReviews',
  evaluations: 'tblEvals',
  teamwork: 'tblTeamwork',
} as const;

/** The people table's result fields, by result key: the only cells a run may write. */
export const RESULT_FIELDS = {
  totalScore: 'fldRepsTotalScore',
  grade: 'fldRepsGrade',
  rank: 'fldRepsRank',
  performancePay: 'fldRepsPerfPay',
  bonus: 'fldRepsBonus',
  teamBonus: 'fldRepsTeamBonus',
  award: 'fldRepsAward',
  totalPay: 'fldRepsTotalPay',
  honours: 'fldRepsHonours',
  breakdown: 'fldRepsBreakdown',
  feedback: 'fldRepsFeedback',
  calculatedAt: 'fldRepsCalculatedAt',
} as const;

// ---- Field variants: the types a role may arrive in ------------------------------------------

/** How a number-like input (amount, salary, quantity, rating) is typed in the base. */
export const NUMBER_VARIANTS = ['number', 'currency', 'percent', 'duration', 'rating', 'formula', 'rollup', 'lookup', 'text'] as const;
export type NumberVariant = (typeof NUMBER_VARIANTS)[number];
/** How a date is typed. */
export const DATE_VARIANTS = ['date', 'dateTime', 'formula', 'lookup', 'createdTime'] as const;
export type DateVariant = (typeof DATE_VARIANTS)[number];
/** How a label (team, tier) is typed. */
export const LABEL_VARIANTS = ['singleSelect', 'text', 'link', 'lookup', 'formula', 'multipleSelects'] as const;
export type LabelVariant = (typeof LABEL_VARIANTS)[number];
/** How a yes/no condition is typed. */
export const FLAG_VARIANTS = ['checkbox', 'singleSelect', 'text', 'number', 'formula', 'lookup'] as const;
export type FlagVariant = (typeof FLAG_VARIANTS)[number];
/** How a source names its participant. */
export const PARTICIPANT_VARIANTS = ['link', 'text', 'singleSelect'] as const;
export type ParticipantVariant = (typeof PARTICIPANT_VARIANTS)[number];
/** How a category (customer origin, activity type) is typed. */
export const CATEGORY_VARIANTS = ['singleSelect', 'multipleSelects', 'text', 'collaborator', 'lookup'] as const;
export type CategoryVariant = (typeof CATEGORY_VARIANTS)[number];

// ---- Raw values, before they are typed ----------------------------------------------------------

/** A number-ish value as a person would have typed it: mostly numbers, some text, some extremes. */
export type RawNumber = number | string | null;

const rawNumber = (max: number): fc.Arbitrary<RawNumber> =>
  fc.oneof(
    {weight: 12, arbitrary: fc.integer({min: 0, max: max * 100}).map((c) => c / 100)},
    {weight: 2, arbitrary: fc.integer({min: -max * 100, max: -1}).map((c) => c / 100)},
    {weight: 3, arbitrary: fc.constant(null)},
    {weight: 1, arbitrary: fc.constantFrom(0, 1e15, 6e19, 6e19 + 16384, 1234.56789123, 0.1, 0.2, 0.705, 1e-9, -0)},
    {weight: 1, arbitrary: fc.constantFrom('一千二百', '12,000', '', ' 42 ', '1e5', 'abc', '-3.5')},
  );

/** A day around the plan's early periods (2026), some without a day, some outside every period. */
const rawDay = fc.oneof(
  {weight: 10, arbitrary: fc.record({month: fc.integer({min: 1, max: 3}), day: fc.integer({min: 1, max: 31})})},
  {weight: 1, arbitrary: fc.constantFrom({month: 0, day: 15}, {month: 12, day: 31}, {month: 1, day: 1})},
  {weight: 1, arbitrary: fc.constant(null)},
);
type RawDay = {month: number; day: number} | null;

/** Hour of a dateTime in UTC: 16:00Z and later is the next day in China, a classic boundary. */
const rawHour = fc.constantFrom(0, 3, 15, 16, 23);

// ---- The spec of a base -----------------------------------------------------------------------

export interface RepSpec {
  /** Index into REP_NAMES: small, so that duplicate names happen. */
  name: number;
  /** Upline: index of another rep (may be self), -1 none, -2 a deleted record. */
  upline: number;
  team: number | null;
  tier: number | null;
  baseSalary: RawNumber;
  performancePayBase: RawNumber;
  personalTarget: RawNumber;
  /** Prior content of the result cells: a refresh must write where they differ. */
  stale: boolean;
}

export interface SourceRecordSpec {
  /** Credited rep: index; -1 none; -2 a deleted record; reps.length.. two reps. */
  rep: number;
  second: number | null;
  day: RawDay;
  hour: number;
  a: RawNumber;
  b: RawNumber;
  c: RawNumber;
  flag1: boolean | null;
  flag2: boolean | null;
  category: number | null;
  /** Values in a lookup cell: 0 (empty lookup), 1, or 2 linked records. */
  lookupArity: number;
}

export interface BaseSpec {
  variants: {
    team: LabelVariant;
    tier: LabelVariant;
    baseSalary: NumberVariant;
    performancePayBase: NumberVariant;
    participant: ParticipantVariant;
    orderDate: DateVariant;
    amount: NumberVariant;
    received: NumberVariant;
    quantity: NumberVariant;
    retained: FlagVariant;
    origin: CategoryVariant;
    reviewDate: DateVariant;
    satisfaction: NumberVariant;
    complaint: FlagVariant;
    positive: FlagVariant;
    skill: NumberVariant;
    activity: CategoryVariant;
  };
  reps: RepSpec[];
  orders: SourceRecordSpec[];
  customers: SourceRecordSpec[];
  reviews: SourceRecordSpec[];
  evaluations: SourceRecordSpec[];
  teamwork: SourceRecordSpec[];
}

/** Few names, two of them the same up to spaces: duplicate names are the point. */
export const REP_NAMES = ['王芳', '李伟', '王芳', '张敏', ' 李伟', '陈静', 'Zoë', '刘洋'] as const;
const TEAMS = ['华东队', '华南队', '华北队'];
const TIERS = ['新人', '资深', '实习'];
const CATEGORIES = ['转介绍', '信息分享', '自主开发', '活动'];

/** The usual type three times in four, any type of the role otherwise. */
const weighted = <T>(common: T, others: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({weight: 3, arbitrary: fc.constant(common)}, {weight: 1, arbitrary: fc.constantFrom(...others)});

const repSpec = (n: number): fc.Arbitrary<RepSpec> =>
  fc.record({
    name: fc.integer({min: 0, max: REP_NAMES.length - 1}),
    upline: fc.oneof({weight: 6, arbitrary: fc.integer({min: 0, max: n - 1})}, {weight: 3, arbitrary: fc.constant(-1)}, {weight: 1, arbitrary: fc.constant(-2)}),
    team: fc.option(fc.integer({min: 0, max: TEAMS.length - 1}), {freq: 6}),
    tier: fc.option(fc.integer({min: 0, max: TIERS.length - 1}), {freq: 6}),
    baseSalary: rawNumber(8000),
    performancePayBase: rawNumber(5000),
    personalTarget: rawNumber(100000),
    stale: fc.boolean(),
  });

const sourceRecord = (n: number, amountMax: number): fc.Arbitrary<SourceRecordSpec> =>
  fc.record({
    rep: fc.oneof({weight: 12, arbitrary: fc.integer({min: 0, max: n - 1})}, {weight: 1, arbitrary: fc.constantFrom(-1, -2)}),
    second: fc.option(fc.integer({min: 0, max: n - 1}), {freq: 10}),
    day: rawDay,
    hour: rawHour,
    a: rawNumber(amountMax),
    b: rawNumber(amountMax),
    c: rawNumber(50),
    flag1: fc.option(fc.boolean(), {freq: 6}),
    flag2: fc.option(fc.boolean(), {freq: 6}),
    category: fc.option(fc.integer({min: 0, max: CATEGORIES.length - 1}), {freq: 8}),
    lookupArity: fc.constantFrom(1, 1, 1, 1, 0, 2),
  });

const ratingRecord = (n: number): fc.Arbitrary<SourceRecordSpec> =>
  sourceRecord(n, 5).map((r) => ({...r, a: typeof r.a === 'number' ? Math.round(Math.abs(r.a)) % 8 : r.a, b: typeof r.b === 'number' ? Math.round(Math.abs(r.b)) % 6 : r.b}));

/** A small messy company: 1-8 reps, a few records per source, every field type in play. */
export const baseSpec: fc.Arbitrary<BaseSpec> = fc.integer({min: 1, max: 8}).chain((n) =>
  fc.record({
    variants: fc.record({
      team: weighted<LabelVariant>('singleSelect', LABEL_VARIANTS),
      tier: weighted<LabelVariant>('singleSelect', LABEL_VARIANTS),
      baseSalary: weighted<NumberVariant>('currency', NUMBER_VARIANTS),
      performancePayBase: weighted<NumberVariant>('currency', NUMBER_VARIANTS),
      participant: weighted<ParticipantVariant>('link', PARTICIPANT_VARIANTS),
      orderDate: weighted<DateVariant>('date', DATE_VARIANTS),
      amount: weighted<NumberVariant>('currency', NUMBER_VARIANTS),
      received: weighted<NumberVariant>('currency', NUMBER_VARIANTS),
      quantity: weighted<NumberVariant>('number', NUMBER_VARIANTS),
      retained: weighted<FlagVariant>('checkbox', FLAG_VARIANTS),
      origin: weighted<CategoryVariant>('singleSelect', CATEGORY_VARIANTS),
      reviewDate: weighted<DateVariant>('dateTime', DATE_VARIANTS),
      satisfaction: weighted<NumberVariant>('rating', NUMBER_VARIANTS),
      complaint: weighted<FlagVariant>('checkbox', FLAG_VARIANTS),
      positive: weighted<FlagVariant>('checkbox', FLAG_VARIANTS),
      skill: weighted<NumberVariant>('rating', NUMBER_VARIANTS),
      activity: weighted<CategoryVariant>('singleSelect', CATEGORY_VARIANTS),
    }),
    reps: fc.array(repSpec(n), {minLength: n, maxLength: n}),
    orders: fc.array(sourceRecord(n, 150000), {maxLength: 14}),
    customers: fc.array(sourceRecord(n, 10), {maxLength: 8}),
    reviews: fc.array(ratingRecord(n), {maxLength: 8}),
    evaluations: fc.array(ratingRecord(n), {maxLength: 5}),
    teamwork: fc.array(sourceRecord(n, 10), {maxLength: 5}),
  }),
);

// ---- Building the fixture ---------------------------------------------------------------------

const COLORS = ['blueLight2', 'greenLight2', 'redLight2', 'yellowLight2'];
const choice = (prefix: string, name: string, i: number) => ({id: `sel${prefix}${i}`, name, color: COLORS[i % COLORS.length]});
const choices = (prefix: string, names: readonly string[]) => names.map((name, i) => choice(prefix, name, i));
const CREATED = '2026-01-01T00:00:00.000Z';

const field = (id: string, name: string, type: string, options: Record<string, unknown> | null = null): FieldFixture => ({
  id,
  name,
  description: null,
  type: type as FieldFixture['type'],
  options,
});

const money = {precision: 2, symbol: '¥'};
const dateOptions = {dateFormat: {name: 'iso', format: 'YYYY-MM-DD'}};
const dateTimeOptions = {dateFormat: {name: 'iso', format: 'YYYY-MM-DD'}, timeFormat: {name: '24hour', format: 'HH:mm'}, timeZone: 'utc'};
const linkTo = (tableId: string) => ({linkedTableId: tableId, isReversed: false, prefersSingleRecordLink: true});

/** Where a lookup of a table looks through: a link field of that table and the looked-up field. */
interface LookupVia {
  linkFieldId: string;
  linkedTableId: string;
  linkedFieldId: string;
  /** The record ids a lookup cell may name. */
  recordIds: readonly string[];
}

/** A computed field's options, in the SDK's read format, with its result type. */
function computedOptions(kind: 'formula' | 'rollup' | 'lookup', via: LookupVia, resultType: string, resultOptions: unknown): Record<string, unknown> {
  const result = {type: resultType, options: resultOptions};
  if (kind === 'formula') return {isValid: true, referencedFieldIds: [], result};
  if (kind === 'rollup') return {isValid: true, recordLinkFieldId: via.linkFieldId, fieldIdInLinkedTable: via.linkedFieldId, referencedFieldIds: [], result};
  return {isValid: true, recordLinkFieldId: via.linkFieldId, fieldIdInLinkedTable: via.linkedFieldId, result};
}

/** The field and cell encoder of a number-like input, by variant. */
function numberField(id: string, name: string, variant: NumberVariant, via: LookupVia): {field: FieldFixture; cell: (v: RawNumber, arity: number, salt: number) => unknown} {
  const asNumber = (v: RawNumber) => v;
  const lookup = (v: unknown, arity: number, salt: number) =>
    Array.from({length: arity}, (_, i) => ({linkedRecordId: via.recordIds[(salt + i) % via.recordIds.length], value: v}));
  switch (variant) {
    case 'number':
      return {field: field(id, name, 'number', {precision: 2}), cell: asNumber};
    case 'currency':
      return {field: field(id, name, 'currency', money), cell: asNumber};
    case 'percent':
      return {field: field(id, name, 'percent', {precision: 1}), cell: asNumber};
    case 'duration':
      return {field: field(id, name, 'duration', {durationFormat: 'h:mm'}), cell: asNumber};
    case 'rating':
      return {field: field(id, name, 'rating', {icon: 'star', max: 5, color: 'yellowBright'}), cell: asNumber};
    case 'formula':
      // A formula's error value is an object the SDK hands over as it is.
      return {field: field(id, name, 'formula', computedOptions('formula', via, 'number', {precision: 2})), cell: (v) => (v === 'abc' ? {error: '#ERROR!'} : v)};
    case 'rollup':
      return {field: field(id, name, 'rollup', computedOptions('rollup', via, 'currency', money)), cell: asNumber};
    case 'lookup':
      return {field: field(id, name, 'multipleLookupValues', computedOptions('lookup', via, 'currency', money)), cell: (v, arity, salt) => lookup(v, arity, salt)};
    case 'text':
      return {field: field(id, name, 'singleLineText'), cell: (v) => (v === null ? null : String(v))};
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dayText(day: RawDay): string | null {
  if (!day) return null;
  const year = day.month === 0 ? 2025 : 2026;
  const month = day.month === 0 ? 12 : day.month;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(day.day, last))}`;
}

function dateField(id: string, name: string, variant: DateVariant, via: LookupVia): {field: FieldFixture; cell: (day: RawDay, hour: number, salt: number) => unknown} {
  const full = (day: RawDay, hour: number) => {
    const text = dayText(day);
    return text ? `${text}T${pad(hour)}:30:00.000Z` : null;
  };
  switch (variant) {
    case 'date':
      return {field: field(id, name, 'date', dateOptions), cell: (day) => dayText(day)};
    case 'dateTime':
      return {field: field(id, name, 'dateTime', dateTimeOptions), cell: full};
    case 'formula':
      return {field: field(id, name, 'formula', computedOptions('formula', via, 'date', dateOptions)), cell: (day) => dayText(day)};
    case 'lookup':
      return {
        field: field(id, name, 'multipleLookupValues', computedOptions('lookup', via, 'date', dateOptions)),
        cell: (day, _hour, salt) => {
          const text = dayText(day);
          return text ? [{linkedRecordId: via.recordIds[salt % via.recordIds.length], value: text}] : [];
        },
      };
    case 'createdTime':
      // Never empty: a record always has a creation time.
      return {field: field(id, name, 'createdTime', {result: {type: 'dateTime', options: dateTimeOptions}}), cell: (day, hour) => full(day, hour) ?? CREATED};
  }
}

function labelField(id: string, name: string, variant: LabelVariant, names: readonly string[], prefix: string, via: LookupVia): {field: FieldFixture; cell: (i: number | null, salt: number) => unknown} {
  const list = choices(prefix, names);
  switch (variant) {
    case 'singleSelect':
      return {field: field(id, name, 'singleSelect', {choices: list}), cell: (i) => (i === null ? null : {...list[i]})};
    case 'multipleSelects':
      return {field: field(id, name, 'multipleSelects', {choices: list}), cell: (i) => (i === null ? null : [{...list[i]}])};
    case 'text':
      return {field: field(id, name, 'singleLineText'), cell: (i) => (i === null ? null : names[i])};
    case 'link':
      return {field: field(id, name, 'multipleRecordLinks', linkTo(IDS.depts)), cell: (i) => (i === null ? null : [{id: `recDept${i}`, name: names[i]}])};
    case 'formula':
      return {field: field(id, name, 'formula', computedOptions('formula', via, 'singleLineText', null)), cell: (i) => (i === null ? null : names[i])};
    case 'lookup':
      return {
        field: field(id, name, 'multipleLookupValues', computedOptions('lookup', via, 'singleSelect', {choices: list})),
        cell: (i, salt) => (i === null ? [] : [{linkedRecordId: via.recordIds[salt % via.recordIds.length], value: {...list[i]}}]),
      };
  }
}

function flagField(id: string, name: string, variant: FlagVariant, via: LookupVia): {field: FieldFixture; cell: (v: boolean | null, salt: number) => unknown} {
  const yesNo = choices(`${id}`, ['是', '否']);
  switch (variant) {
    case 'checkbox':
      // The SDK reads an unchecked box as null, never false.
      return {field: field(id, name, 'checkbox', {icon: 'check', color: 'greenBright'}), cell: (v) => (v ? true : null)};
    case 'singleSelect':
      return {field: field(id, name, 'singleSelect', {choices: yesNo}), cell: (v) => (v === null ? null : {...yesNo[v ? 0 : 1]})};
    case 'text':
      return {field: field(id, name, 'singleLineText'), cell: (v) => (v === null ? null : v ? '是' : '否')};
    case 'number':
      return {field: field(id, name, 'number', {precision: 0}), cell: (v) => (v === null ? null : v ? 1 : 0)};
    case 'formula':
      return {field: field(id, name, 'formula', computedOptions('formula', via, 'number', {precision: 0})), cell: (v) => (v ? 1 : 0)};
    case 'lookup':
      return {
        field: field(id, name, 'multipleLookupValues', computedOptions('lookup', via, 'checkbox', {icon: 'check', color: 'greenBright'})),
        cell: (v, salt) => [{linkedRecordId: via.recordIds[salt % via.recordIds.length], value: v ? true : null}],
      };
  }
}

function categoryField(id: string, name: string, variant: CategoryVariant, via: LookupVia): {field: FieldFixture; cell: (i: number | null, salt: number) => unknown} {
  const list = choices(`${id}`, CATEGORIES);
  switch (variant) {
    case 'singleSelect':
      return {field: field(id, name, 'singleSelect', {choices: list}), cell: (i) => (i === null ? null : {...list[i]})};
    case 'multipleSelects':
      return {field: field(id, name, 'multipleSelects', {choices: list}), cell: (i) => (i === null ? null : [{...list[i]}, {...list[(i + 1) % list.length]}])};
    case 'text':
      return {field: field(id, name, 'singleLineText'), cell: (i) => (i === null ? null : CATEGORIES[i])};
    case 'collaborator':
      return {field: field(id, name, 'singleCollaborator', null), cell: (i) => (i === null ? null : {id: `usr${i}`, email: `u${i}@example.com`, name: CATEGORIES[i]})};
    case 'lookup':
      return {
        field: field(id, name, 'multipleLookupValues', computedOptions('lookup', via, 'singleSelect', {choices: list})),
        cell: (i, salt) => (i === null ? [] : [{linkedRecordId: via.recordIds[salt % via.recordIds.length], value: {...list[i]}}]),
      };
  }
}

const record = (id: string, cells: Cells): RecordFixture => ({id, commentCount: 0, createdTime: CREATED, cellValuesByFieldId: cells});


export const repId = (i: number) => `recRep${pad(i)}`;
export const DELETED_REP = 'recRepGone';

/** The base a spec describes, in the @airtable/blocks-testing fixture format. */
export function buildFixture(spec: BaseSpec): FixtureData {
  const v = spec.variants;
  const n = spec.reps.length;
  const repName = (i: number) => REP_NAMES[spec.reps[i].name];
  const repLink = (i: number) => ({id: repId(i), name: repName(i)});

  // Profiles: what the people table's lookups and rollups look through.
  const profileIds = spec.reps.map((_, i) => `recProf${pad(i)}`);
  const profilesVia = (linkedFieldId: string): LookupVia => ({linkFieldId: 'fldRepsProfile', linkedTableId: IDS.profiles, linkedFieldId, recordIds: profileIds});
  const customerIds = spec.customers.length > 0 ? spec.customers.map((_, i) => `recCus${pad(i)}`) : ['recCusGone'];
  const customersVia = (linkedFieldId: string): LookupVia => ({linkFieldId: 'fldOrdersCustomer', linkedTableId: IDS.customers, linkedFieldId, recordIds: customerIds});

  const team = labelField('fldRepsTeam', '团队', v.team, TEAMS, 'Team', profilesVia('fldProfTeam'));
  const tier = labelField('fldRepsTier', '级别', v.tier, TIERS, 'Tier', profilesVia('fldProfTier'));
  const salary = numberField('fldRepsBaseSalary', '基本工资', v.baseSalary, profilesVia('fldProfSalary'));
  const payBase = numberField('fldRepsPerfPayBase', '绩效工资基数', v.performancePayBase, profilesVia('fldProfSalary'));
  const gradeChoices = choices('Grade', ['S', 'A', 'B', 'C', 'D']);

  const repFields: FieldFixture[] = [
    field('fldRepsName', '姓名', 'singleLineText'),
    field('fldRepsUpline', '上级', 'multipleRecordLinks', linkTo(IDS.reps)),
    team.field,
    tier.field,
    salary.field,
    payBase.field,
    field('fldRepsTarget', '个人目标', 'number', {precision: 2}),
    field('fldRepsProfile', '档案', 'multipleRecordLinks', linkTo(IDS.profiles)),
    field('fldRepsManager', '经理', 'singleCollaborator', null),
    field('fldRepsTags', '标签', 'multipleSelects', {choices: choices('Tag', ['A类', 'B类'])}),
    field(RESULT_FIELDS.totalScore, '总分', 'number', {precision: 2}),
    field(RESULT_FIELDS.grade, '等级', 'singleSelect', {choices: gradeChoices}),
    field(RESULT_FIELDS.rank, '排名', 'number', {precision: 0}),
    field(RESULT_FIELDS.performancePay, '绩效工资', 'currency', money),
    field(RESULT_FIELDS.bonus, '奖金', 'currency', money),
    field(RESULT_FIELDS.teamBonus, '团队奖', 'currency', money),
    field(RESULT_FIELDS.award, '冠军奖', 'currency', money),
    field(RESULT_FIELDS.totalPay, '总收入', 'currency', money),
    field(RESULT_FIELDS.honours, '荣誉', 'multilineText'),
    field(RESULT_FIELDS.breakdown, '绩效明细', 'multilineText'),
    field(RESULT_FIELDS.feedback, '反馈', 'multilineText'),
    field(RESULT_FIELDS.calculatedAt, '计算时间', 'singleLineText'),
  ];
  const reps = spec.reps.map((rep, i) => {
    const upline = rep.upline === -1 ? null : rep.upline === -2 ? [{id: DELETED_REP, name: '已删除'}] : [repLink(rep.upline % n)];
    const cells: Cells = {
      fldRepsName: repName(i),
      fldRepsUpline: upline,
      fldRepsTeam: team.cell(rep.team, i),
      fldRepsTier: tier.cell(rep.tier, i),
      fldRepsBaseSalary: salary.cell(rep.baseSalary, 1, i),
      fldRepsPerfPayBase: payBase.cell(rep.performancePayBase, 1, i),
      fldRepsTarget: rep.personalTarget,
      fldRepsProfile: [{id: profileIds[i], name: `档案${i}`}],
      fldRepsManager: {id: 'usrBoss', email: 'boss@example.com', name: '老板'},
      fldRepsTags: [choice('Tag', 'A类', 0)],
    };
    if (rep.stale) {
      Object.assign(cells, {
        [RESULT_FIELDS.totalScore]: 12.5,
        [RESULT_FIELDS.grade]: {...gradeChoices[2]},
        [RESULT_FIELDS.rank]: 99,
        [RESULT_FIELDS.totalPay]: 1,
        [RESULT_FIELDS.breakdown]: 'old',
      });
    }
    return record(repId(i), cells);
  });

  const profiles = spec.reps.map((rep, i) =>
    record(profileIds[i], {
      fldProfName: `档案${i}`,
      fldProfTeam: rep.team === null ? null : TEAMS[rep.team],
      fldProfTier: rep.tier === null ? null : TIERS[rep.tier],
      fldProfSalary: typeof rep.baseSalary === 'number' ? rep.baseSalary : null,
    }),
  );
  const depts = TEAMS.map((name, i) => record(`recDept${i}`, {fldDeptName: name}));

  /** The cell naming a record's participant, by variant; `rep` -1 none, -2 a deleted rep. */
  const repChoices = choices('Rep', REP_NAMES);
  const participantField = (id: string): {field: FieldFixture; cell: (r: SourceRecordSpec) => unknown} => {
    const ids = (r: SourceRecordSpec): number[] => (r.rep < 0 ? [] : [r.rep % n, ...(r.second === null ? [] : [r.second % n])]);
    switch (v.participant) {
      case 'link':
        return {
          field: field(id, '销售人员', 'multipleRecordLinks', linkTo(IDS.reps)),
          cell: (r) => (r.rep === -1 ? null : r.rep === -2 ? [{id: DELETED_REP, name: '已删除'}] : ids(r).map(repLink)),
        };
      case 'text':
        return {field: field(id, '销售人员', 'singleLineText'), cell: (r) => (r.rep === -1 ? null : r.rep === -2 ? '已离职的人' : repName(r.rep % n))};
      case 'singleSelect':
        return {
          field: field(id, '销售人员', 'singleSelect', {choices: repChoices}),
          cell: (r) => (r.rep < 0 ? null : {...repChoices[spec.reps[r.rep % n].name]}),
        };
    }
  };

  /** A source table: primary number, participant, date, and its own value fields. */
  const source = (
    tableId: string,
    tableName: string,
    prefix: string,
    records: SourceRecordSpec[],
    dateVariant: DateVariant,
    dateName: string,
    values: {field: FieldFixture; cell: (r: SourceRecordSpec, i: number) => unknown}[],
  ): Table => {
    const participant = participantField(`fld${prefix}Rep`);
    const date = dateField(`fld${prefix}Date`, dateName, dateVariant, customersVia('fldCustomersCreated'));
    // Two lookups through the customer link: the customer's owner (a link) and their name (text):
    // a participant chosen among them must be read in the lookup cell format.
    const ownerLookup = field(`fld${prefix}OwnerLookup`, '客户负责人', 'multipleLookupValues', computedOptions('lookup', customersVia('fldCustomersOwner'), 'multipleRecordLinks', linkTo(IDS.reps)));
    const ownerNameLookup = field(`fld${prefix}OwnerName`, '负责人姓名', 'multipleLookupValues', computedOptions('lookup', customersVia('fldCustomersName'), 'singleLineText', null));
    const fields = [
      field(`fld${prefix}Number`, '编号', 'singleLineText'),
      participant.field,
      date.field,
      ...values.map((x) => x.field),
      field(`fld${prefix}Customer`, '客户链接', 'multipleRecordLinks', linkTo(IDS.customers)),
      ownerLookup,
      ownerNameLookup,
    ];
    const rows = records.map((r, i) => {
      const cells: Cells = {
        [`fld${prefix}Number`]: `${prefix}-${i}`,
        [participant.field.id]: participant.cell(r),
        [date.field.id]: date.cell(r.day, r.hour, i),
        [`fld${prefix}Customer`]: [{id: customerIds[i % customerIds.length], name: `客户${i}`}],
        [ownerLookup.id]: r.rep < 0 ? [] : Array.from({length: r.lookupArity}, (_, k) => ({linkedRecordId: customerIds[(i + k) % customerIds.length], value: repLink((r.rep + k) % n)})),
        [ownerNameLookup.id]: r.rep < 0 ? [] : Array.from({length: r.lookupArity}, (_, k) => ({linkedRecordId: customerIds[(i + k) % customerIds.length], value: repName((r.rep + k) % n)})),
      };
      for (const x of values) cells[x.field.id] = x.cell(r, i);
      return record(`rec${prefix}${pad(i)}`, cells);
    });
    return fixtureTable(tableId, tableName, fields, rows);
  };

  const num = (id: string, name: string, variant: NumberVariant, pick: (r: SourceRecordSpec) => RawNumber) => {
    const made = numberField(id, name, variant, customersVia('fldCustomersValue'));
    return {field: made.field, cell: (r: SourceRecordSpec, i: number) => made.cell(pick(r), r.lookupArity, i)};
  };
  const flag = (id: string, name: string, variant: FlagVariant, pick: (r: SourceRecordSpec) => boolean | null) => {
    const made = flagField(id, name, variant, customersVia('fldCustomersRetained'));
    return {field: made.field, cell: (r: SourceRecordSpec, i: number) => made.cell(pick(r), i)};
  };
  const category = (id: string, name: string, variant: CategoryVariant) => {
    const made = categoryField(id, name, variant, customersVia('fldCustomersValue'));
    return {field: made.field, cell: (r: SourceRecordSpec, i: number) => made.cell(r.category, i)};
  };

  // The customers table also holds what the lookups of other tables look up.
  const customers = source(IDS.customers, '客户', 'Customers', spec.customers, 'date', '创建日期', [
    flag('fldCustomersRetained', '是否留存', v.retained, (r) => r.flag1),
    category('fldCustomersSource', '来源', v.origin),
    {field: field('fldCustomersValue', '客户价值', 'number', {precision: 2}), cell: (r) => r.a},
    {field: field('fldCustomersOwner', '负责人', 'multipleRecordLinks', linkTo(IDS.reps)), cell: (r) => (r.rep < 0 ? null : [repLink(r.rep % n)])},
    {field: field('fldCustomersName', '客户名称', 'singleLineText'), cell: (_r, i) => `客户${i}`},
  ]);
  // The customers' own date is a plain date, and its participant a link, whatever the variants:
  // other sources' lookups look through them.
  const orders = source(IDS.orders, '订单', 'Orders', spec.orders, v.orderDate, '下单日期', [
    num('fldOrdersAmount', '订单金额', v.amount, (r) => r.a),
    num('fldOrdersReceived', '实际到账金额', v.received, (r) => r.b),
    num('fldOrdersQuantity', '数量', v.quantity, (r) => r.c),
  ]);
  const reviews = source(IDS.reviews, '客户评价', 'Reviews', spec.reviews, v.reviewDate, '评价日期', [
    num('fldReviewsSatisfaction', '满意度', v.satisfaction, (r) => r.a),
    flag('fldReviewsComplaint', '是否投诉', v.complaint, (r) => r.flag1),
    flag('fldReviewsPositive', '好评', v.positive, (r) => r.flag2),
  ]);
  const evaluations = source(IDS.evaluations, '经理评分', 'Evals', spec.evaluations, 'date', '评分日期', [
    num('fldEvalsSkill', '销售技巧', v.skill, (r) => r.a),
    num('fldEvalsService', '服务质量', 'rating', (r) => r.b),
  ]);
  const teamwork = source(IDS.teamwork, '团队协作', 'Teamwork', spec.teamwork, 'date', '日期', [category('fldTeamworkKind', '类型', v.activity)]);

  return {
    base: {
      id: 'appFuzz',
      name: 'Fuzz base',
      color: 'blue',
      workspaceId: 'wspFuzz',
      tables: [
        fixtureTable(IDS.reps, '销售人员', repFields, reps),
        orders,
        customers,
        reviews,
        evaluations,
        teamwork,
        fixtureTable(IDS.profiles, '档案', [field('fldProfName', '档案名', 'singleLineText'), field('fldProfTeam', '团队名', 'singleLineText'), field('fldProfTier', '级别名', 'singleLineText'), field('fldProfSalary', '工资', 'currency', money)], profiles),
        fixtureTable(IDS.depts, '部门表', [field('fldDeptName', '部门名', 'singleLineText')], depts),
      ],
      collaborators: [{id: 'usrFuzz', email: 'fuzz@example.com', name: 'Fuzz', profilePicUrl: undefined, isActive: true} as FixtureData['base']['collaborators'][number]],
    },
  } as FixtureData;
}

/**
 * The same base with every table's records (and view rows) in another order: results must not
 * depend on it. `seed` picks the permutation.
 */
export function reorderFixture(fixture: FixtureData, seed: number): FixtureData {
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const shuffle = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    // Reversed when the shuffle left it alone, so that a two-record table is always reordered.
    return out.every((x, i) => x === list[i]) ? out.reverse() : out;
  };
  return {
    ...fixture,
    base: {
      ...fixture.base,
      tables: fixture.base.tables.map((t) => {
        const records = shuffle(t.records);
        return {...t, records, views: t.views.map((view) => ({...view, records: records.map((r) => ({id: r.id, color: null}))}))};
      }),
    },
  };
}

// ---- Plan mutations ---------------------------------------------------------------------------

/** A value put where the plan expects something else: wrong types, extremes, truthy non-booleans. */
export const ODD_VALUES: readonly unknown[] = [
  0, -1, 1.5, 1e21, -1e21, 1, '', 'abc', '-50', '1e400', '99999999999999999999999999999999999999999999', '0.000000000000000000001',
  true, false, 'yes', null, {}, [], {zh: '中'}, '一段文字', {en: 'only en'}, [1, 2],
];

/** Decimal texts at the edges of what exact arithmetic covers. */
export const EXTREME_DECIMALS: readonly string[] = [
  '0', '-100', '-0.01', '1e-30', '1e30', '99999999999999999999.99', '123456789012345678901234567890123456789012345', '0.333333333333333333333', '1.5', '100.005', ' 60 ', '6e19', '1,000',
];

/**
 * Issue 10's plans "the validator accepts but the engine cannot compute", and its other plan
 * cases, as mutations: the random ones reach them rarely, so they are drawn by name too.
 */
export const NAMED_CASES = [
  'metricLabelMissing', 'metricLabelString', 'sourceLabelMissing', 'honourTitleMissing', 'honourTitleNull',
  'scopeMissing', 'teamBonusEnabledOneNoLevels', 'teamBonusNull', 'bonusesMissing', 'resultsMissing',
  'leaderShareTruthy', 'resultRefNoId', 'salaryRefNoId', 'bonusLabelString',
] as const;
export type NamedCase = (typeof NAMED_CASES)[number];

export type PlanMutation =
  /** Delete the property at one of the plan's paths. */
  | {kind: 'remove'; pick: number}
  /** Replace the value at one of the plan's paths with an odd value. */
  | {kind: 'replace'; pick: number; value: number}
  /** Replace one decimal text with an extreme one. */
  | {kind: 'decimal'; pick: number; value: number}
  /** Turn a {zh, en} label into a plain string, or drop one language. */
  | {kind: 'label'; pick: number; how: 'string' | 'onlyZh' | 'null'}
  /** Set an `enabled` flag to a truthy or falsy non-boolean. */
  | {kind: 'flag'; pick: number; value: number}
  /** Point a field reference elsewhere: another field, an unknown id, no id at all. */
  | {kind: 'ref'; pick: number; target: number; how: 'other' | 'unknown' | 'noId' | 'primary'}
  /** Choose a field of the people table (an input, or the primary field) as a result field. */
  | {kind: 'result'; key: number; target: number}
  /** One of issue 10's plan cases, by name (see NAMED_CASES). */
  | {kind: 'named'; what: NamedCase; index: number}
  /** Leave the name field empty and choose the primary field (the name) as a text result. */
  | {kind: 'primaryAsResult'; key: 'breakdown' | 'feedback' | 'honours' | 'grade' | 'calculatedAt'}
  /** Move weight between two metrics (the plan stays valid, other metrics come into play). */
  | {kind: 'weight'; from: number; to: number; amount: number}
  /** A metric's scope becomes team with some depth. */
  | {kind: 'scope'; metric: number; depth: number}
  /** A metric's target becomes the people table's per-person target (which may be negative). */
  | {kind: 'personalTarget'; metric: number}
  /** Switch the plan's language of written texts, or its rounding. */
  | {kind: 'setting'; which: 'zh' | 'en' | 'halfEven' | 'down' | 'precision0' | 'equalSplit'};

export const planMutation: fc.Arbitrary<PlanMutation> = fc.oneof(
  fc.record({kind: fc.constant('remove' as const), pick: fc.nat()}),
  fc.record({kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.nat({max: ODD_VALUES.length - 1})}),
  fc.record({kind: fc.constant('decimal' as const), pick: fc.nat(), value: fc.nat({max: EXTREME_DECIMALS.length - 1})}),
  fc.record({kind: fc.constant('label' as const), pick: fc.nat(), how: fc.constantFrom('string' as const, 'onlyZh' as const, 'null' as const)}),
  fc.record({kind: fc.constant('flag' as const), pick: fc.nat(), value: fc.nat({max: 5})}),
  fc.record({kind: fc.constant('ref' as const), pick: fc.nat(), target: fc.nat(), how: fc.constantFrom('other' as const, 'unknown' as const, 'noId' as const, 'primary' as const)}),
  fc.record({kind: fc.constant('result' as const), key: fc.nat(), target: fc.nat()}),
  fc.record({kind: fc.constant('named' as const), what: fc.constantFrom(...NAMED_CASES), index: fc.nat({max: 11})}),
  fc.record({kind: fc.constant('primaryAsResult' as const), key: fc.constantFrom('breakdown' as const, 'feedback' as const, 'honours' as const, 'grade' as const, 'calculatedAt' as const)}),
  fc.record({kind: fc.constant('weight' as const), from: fc.nat(), to: fc.nat(), amount: fc.constantFrom(5, 10, 30, 60)}),
  fc.record({kind: fc.constant('scope' as const), metric: fc.nat(), depth: fc.constantFrom(1, 2, 5, 0, -1, 1.5, 1e9)}),
  fc.record({kind: fc.constant('personalTarget' as const), metric: fc.nat()}),
  fc.record({kind: fc.constant('setting' as const), which: fc.constantFrom('zh' as const, 'en' as const, 'halfEven' as const, 'down' as const, 'precision0' as const, 'equalSplit' as const)}),
);

/** Mostly few mutations: a plan with many faults is refused by its first, and tells little. */
export const planMutations: fc.Arbitrary<PlanMutation[]> = fc.oneof(
  {weight: 4, arbitrary: fc.constant<PlanMutation[]>([])},
  {weight: 5, arbitrary: fc.array(planMutation, {minLength: 1, maxLength: 2})},
  {weight: 1, arbitrary: fc.array(planMutation, {minLength: 3, maxLength: 5})},
);

export interface FuzzCase {
  base: BaseSpec;
  mutations: PlanMutation[];
  periodId: string;
  lang: 'zh' | 'en';
  reorderSeed: number;
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  base: baseSpec,
  mutations: planMutations,
  periodId: fc.constantFrom('2026-01', '2026-02', '2026-02', '2026-03'),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  reorderSeed: fc.nat(),
});
