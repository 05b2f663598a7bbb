/**
 * Matching the base's tables and fields to the plan's concepts by name (Chinese or English), and
 * the field types that fit each role. Used by the template's wizard (pre-selection), by plan
 * import (re-matching ids by name) and by the validator (type checks), so that what the wizard
 * proposes is exactly what the validator accepts.
 */
import type {FieldSchema, FieldTypeName, TableSchema} from './schema';
import type {ResultKey} from './plan';

/**
 * The role a mapped input field plays; each role accepts a set of field types.
 * - number: a value summed or averaged (amount, quantity, rating), a target, a participant's number;
 * - money: a participant's base salary or performance-pay base;
 * - rating: a satisfaction or manager score;
 * - date: the date that places a source record in a period;
 * - label: a team or tier, read as text;
 * - flag: a yes/no condition (complaint, retained);
 * - link: a link to the people table (participant of a source record, upline);
 * - any: read as text or number, e.g. a filter on a select.
 */
export type FieldRole = 'number' | 'money' | 'rating' | 'date' | 'label' | 'flag' | 'link' | 'any';

/**
 * Types whose cell value has the shape of another field type, the one the field's `options.result`
 * names (FieldSchema.resultType): a lookup of a number reads as `[{linkedRecordId, value: 42}]`,
 * a rollup or formula as its result. They serve a role when their result type does.
 */
export const RESULT_SHAPED: ReadonlySet<FieldTypeName> = new Set(['formula', 'rollup', 'multipleLookupValues']);

/** The plain field types each role reads; a lookup, rollup or formula fits by its result type. */
export const ROLE_TYPES: Record<Exclude<FieldRole, 'any'>, readonly FieldTypeName[]> = {
  number: ['number', 'currency', 'percent', 'rating', 'count', 'duration', 'autoNumber'],
  money: ['currency', 'number'],
  rating: ['rating', 'number', 'percent'],
  date: ['date', 'dateTime', 'createdTime', 'lastModifiedTime'],
  label: ['singleLineText', 'singleSelect', 'multipleRecordLinks', 'multilineText', 'singleCollaborator'],
  flag: ['checkbox', 'singleSelect', 'singleLineText', 'number'],
  link: ['multipleRecordLinks'],
};

/**
 * The field type whose read format a field's cells have: the result type for a lookup, rollup or
 * formula (undefined when the SDK gives none, e.g. a lookup that is not set up), else its own.
 *
 * @example valueType({type: 'multipleLookupValues', resultType: 'currency'}) // 'currency'
 * @example valueType({type: 'rating'}) // 'rating'
 */
export function valueType(field: Pick<FieldSchema, 'type' | 'resultType'>): FieldTypeName | undefined {
  return RESULT_SHAPED.has(field.type) ? field.resultType : field.type;
}

/**
 * Field types each result may be written into. Computed fields are refused separately
 * (FieldSchema.isComputed), whatever their type.
 */
export const RESULT_TYPES: Record<ResultKey, readonly FieldTypeName[]> = {
  totalScore: ['number', 'percent'],
  grade: ['singleSelect', 'singleLineText', 'multilineText'],
  rank: ['number'],
  performancePay: ['currency', 'number'],
  bonus: ['currency', 'number'],
  teamBonus: ['currency', 'number'],
  award: ['currency', 'number'],
  totalPay: ['currency', 'number'],
  honours: ['multilineText', 'singleLineText', 'richText'],
  breakdown: ['multilineText', 'richText', 'singleLineText'],
  feedback: ['multilineText', 'richText', 'singleLineText'],
  calculatedAt: ['singleLineText', 'dateTime', 'multilineText'],
  periodId: ['singleLineText', 'multilineText'],
};

/**
 * True when a field can serve the role: its type, or for a lookup, rollup or formula its result
 * type, is one the role reads. A lookup of text is no number, a lookup of a checkbox no date.
 * (A participant may also be named in a text field: the validator checks that with 'label'.)
 *
 * @example fitsRole({type: 'multipleLookupValues', resultType: 'number'}, 'number') // true
 * @example fitsRole({type: 'multipleLookupValues', resultType: 'singleLineText'}, 'number') // false
 */
export function fitsRole(field: Pick<FieldSchema, 'type' | 'resultType'>, role: FieldRole): boolean {
  if (role === 'any') return true;
  const type = valueType(field);
  return type !== undefined && ROLE_TYPES[role].includes(type);
}

export function fitsResult(field: Pick<FieldSchema, 'type' | 'isComputed'>, key: ResultKey): boolean {
  return !field.isComputed && RESULT_TYPES[key].includes(field.type);
}

/**
 * Lower case, without spaces, underscores, hyphens or punctuation: the form two names are
 * compared in when an exact match fails.
 *
 * @example normalizeName(' Sales_Rep ') // 'salesrep'
 */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.:/()（）·]+/g, '');
}

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** Latin words of a name, lower case: "Received amount" -> ["received", "amount"]. */
function words(name: string): string[] {
  return name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * How a name matches a pattern: 'exact' (equal once normalised), 'contains' (a Chinese pattern is
 * a substring, or an English pattern's words appear together as whole words, so that "rep" does
 * not match "Report"), or null.
 *
 * @example matchName('实际到账金额', '到账') // 'contains'
 * @example matchName('Order amount', 'amount') // 'contains'
 * @example matchName('Report', 'rep') // null
 */
export function matchName(name: string, pattern: string): 'exact' | 'contains' | null {
  if (normalizeName(name) === normalizeName(pattern)) return 'exact';
  if (hasCjk(pattern)) return name.includes(pattern) ? 'contains' : null;
  const nameWords = words(name);
  const patternWords = words(pattern);
  if (patternWords.length === 0) return null;
  for (let i = 0; i + patternWords.length <= nameWords.length; i++) {
    if (patternWords.every((w, k) => nameWords[i + k] === w)) return 'contains';
  }
  return null;
}

/**
 * The best candidate for a list of name patterns in priority order: any exact match (earliest
 * pattern first) beats any partial match, so "订单金额" wins over "实际到账金额" for ["订单金额", "金额"].
 * Candidates whose id is in `exclude` are skipped (a field already taken by another role).
 */
export function bestMatch<T extends {id: string; name: string}>(
  candidates: readonly T[],
  patterns: readonly string[],
  exclude: ReadonlySet<string> = new Set(),
  kinds: readonly ('exact' | 'contains')[] = ['exact', 'contains'],
): T | undefined {
  const open = candidates.filter((c) => !exclude.has(c.id));
  for (const kind of kinds) {
    for (const pattern of patterns) {
      const found = open.find((c) => matchName(c.name, pattern) === kind);
      if (found) return found;
    }
  }
  return undefined;
}

/** Table name patterns per plan concept, Chinese first. */
export const TABLE_PATTERNS = {
  people: ['销售人员', '销售代表', '业务员', '人员', '员工', 'Reps', 'Sales reps', 'Salespeople', 'People', 'Representatives', 'Employees'],
  orders: ['订单', '销售记录', 'Orders', 'Order', 'Sales orders', 'Deals'],
  customers: ['客户', 'Customers', 'Customer', 'Clients', 'Accounts'],
  reviews: ['客户评价', '评价', 'Reviews', 'Customer reviews', 'Feedback', 'Ratings'],
  evaluations: ['经理评分', '评分', '评估', '考评', 'Evaluations', 'Manager ratings', 'Assessments', 'Evaluation'],
  teamwork: ['团队协作', '协作', 'Teamwork', 'Activities', 'Collaboration', 'Team activities'],
} as const;

export type TableConcept = keyof typeof TABLE_PATTERNS;

/** Field name patterns per concept, Chinese first; each is matched only among fields of a fitting type. */
export const FIELD_PATTERNS = {
  name: ['姓名', '名字', '名称', 'Name', 'Full name'],
  upline: ['上级', '直属上级', '推荐人', 'Upline', 'Manager', 'Leader', 'Sponsor', 'Team leader'],
  team: ['团队', '小组', '部门', 'Team', 'Group', 'Squad'],
  tier: ['级别', '职级', '层级', 'Tier', 'Level', 'Seniority'],
  baseSalary: ['基本工资', '底薪', 'Base salary', 'Base pay', 'Salary'],
  performancePayBase: ['绩效工资基数', '绩效基数', 'Performance pay base', 'Bonus base', 'Variable pay base'],
  participant: ['销售人员', '负责人', '销售代表', '业务员', '销售', 'Sales rep', 'Rep', 'Owner', 'Salesperson', 'Seller', 'Agent'],
  amount: ['订单金额', '销售额', '销售金额', '金额', 'Order amount', 'Sales amount', 'Amount', 'Sales', 'Value'],
  received: ['实际到账金额', '到账金额', '到账', '实收', 'Received amount', 'Amount received', 'Received', 'Paid amount'],
  quantity: ['数量', '件数', 'Quantity', 'Units', 'Qty'],
  satisfaction: ['满意度', '评分', '星级', 'Satisfaction', 'Rating', 'Score', 'Stars'],
  complaint: ['是否投诉', '投诉', 'Complaint', 'Complained'],
  positive: ['好评', '是否好评', 'Positive', 'Positive review', 'Praise'],
  retained: ['是否留存', '留存', 'Retained', 'Retention', 'Active'],
  origin: ['来源', '渠道', 'Source', 'Channel', 'Origin'],
  activityType: ['类型', '活动类型', 'Type', 'Activity type', 'Kind'],
  salesSkill: ['销售技巧', 'Sales skill', 'Selling skill', 'Sales skills'],
  serviceQuality: ['服务质量', 'Service quality', 'Service'],
  date: ['日期', '下单日期', '创建日期', '评价日期', '评分日期', '时间', 'Date', 'Order date', 'Created', 'Created at', 'Created time'],
} as const;

export type FieldConcept = keyof typeof FIELD_PATTERNS;

/** Result field name patterns. */
export const RESULT_PATTERNS: Record<ResultKey, readonly string[]> = {
  totalScore: ['总分', '绩效总分', '得分', 'Total score', 'Score'],
  grade: ['等级', '绩效等级', '评级', 'Grade', 'Rating grade'],
  rank: ['排名', '名次', 'Rank', 'Ranking'],
  performancePay: ['绩效工资', 'Performance pay'],
  bonus: ['奖金', '销售奖金', '提成', 'Bonus', 'Commission'],
  teamBonus: ['团队奖', '团队奖金', 'Team bonus'],
  award: ['冠军奖', '团队冠军奖', 'Award', 'Champion award'],
  totalPay: ['总收入', '应发合计', '总薪酬', 'Total pay', 'Total compensation'],
  honours: ['荣誉', '荣誉称号', 'Honours', 'Honors', 'Titles'],
  breakdown: ['绩效明细', '明细', '计算明细', 'Breakdown', 'Details'],
  feedback: ['反馈', '改进建议', 'Feedback', 'Improvement'],
  calculatedAt: ['计算时间', '更新时间', 'Calculated at', 'Calculated', 'Last calculated'],
  periodId: ['周期', '结果周期', 'Period id', 'Result period'],
};

/**
 * A table for every concept at once: exact names are settled for all concepts before any partial
 * match, so "客户评价" cannot take the place of "客户" and each table serves one concept.
 */
export function matchTables(tables: readonly TableSchema[]): Partial<Record<TableConcept, TableSchema>> {
  const taken = new Set<string>();
  const found: Partial<Record<TableConcept, TableSchema>> = {};
  for (const kind of ['exact', 'contains'] as const) {
    for (const concept of Object.keys(TABLE_PATTERNS) as TableConcept[]) {
      if (found[concept]) continue;
      const table = bestMatch(tables, TABLE_PATTERNS[concept], taken, [kind]);
      if (table) {
        found[concept] = table;
        taken.add(table.id);
      }
    }
  }
  return found;
}

/** The field of a table for a concept, among fields of a type fitting `role`. */
export function matchField(
  table: TableSchema,
  concept: FieldConcept,
  role: FieldRole,
  exclude: ReadonlySet<string> = new Set(),
): FieldSchema | undefined {
  return bestMatch(
    table.fields.filter((f) => fitsRole(f, role)),
    FIELD_PATTERNS[concept],
    exclude,
  );
}

/**
 * The field linking a source record to its participant: a link to the people table whose name
 * matches, else the only-or-first link to the people table, else a text field with a matching name.
 */
export function matchParticipantLink(table: TableSchema, peopleTableId: string | undefined): FieldSchema | undefined {
  const links = table.fields.filter((f) => f.type === 'multipleRecordLinks' && f.linkedTableId === peopleTableId);
  const byName = bestMatch(links, FIELD_PATTERNS.participant);
  if (byName) return byName;
  if (links.length > 0) return links[0];
  // A field naming the participant: text, a select, a collaborator, or a lookup of names or links.
  const texts = table.fields.filter((f) => f.type !== 'multipleRecordLinks' && fitsRole(f, 'label'));
  return bestMatch(texts, FIELD_PATTERNS.participant);
}

/** The upline: a link from the people table to itself, by name, else the only such link. */
export function matchUpline(people: TableSchema): FieldSchema | undefined {
  const selfLinks = people.fields.filter((f) => f.type === 'multipleRecordLinks' && f.linkedTableId === people.id);
  return bestMatch(selfLinks, FIELD_PATTERNS.upline) ?? (selfLinks.length === 1 ? selfLinks[0] : undefined);
}

/**
 * The primary field of a table: it names the records, so it is always read and never written.
 *
 * @example primaryFieldId({id: 'tblReps', name: '销售人员', fields: [{id: 'fldName', ...}]}) // 'fldName'
 */
export function primaryFieldId(table: Pick<TableSchema, 'primaryFieldId' | 'fields'>): string | undefined {
  return table.primaryFieldId ?? table.fields[0]?.id;
}

/**
 * The result fields found on the people table by name, each of a writable, fitting type, none
 * reused for two results nor taken from `inputIds` or the primary field (which names the people).
 */
export function matchResultFields(
  people: TableSchema,
  inputIds: ReadonlySet<string> = new Set(),
): Partial<Record<ResultKey, FieldSchema>> {
  const taken = new Set(inputIds);
  const primary = primaryFieldId(people);
  if (primary) taken.add(primary);
  const found: Partial<Record<ResultKey, FieldSchema>> = {};
  // Exact names first for every result, so "Team bonus" is not taken by "Bonus" as a partial match.
  for (const kind of ['exact', 'contains'] as const) {
    for (const key of Object.keys(RESULT_PATTERNS) as ResultKey[]) {
      if (found[key]) continue;
      const field = bestMatch(
        people.fields.filter((f) => fitsResult(f, key)),
        RESULT_PATTERNS[key],
        taken,
        [kind],
      );
      if (field) {
        found[key] = field;
        taken.add(field.id);
      }
    }
  }
  return found;
}

/** The choice of a select field matching patterns (e.g. "转介绍" or "Referral"), if any. */
export function matchChoice(field: FieldSchema | undefined, patterns: readonly string[]): string | undefined {
  const choices = (field?.choices ?? []).map((name) => ({id: name, name}));
  return bestMatch(choices, patterns)?.name;
}
