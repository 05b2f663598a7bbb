/**
 * The statement (绩效单 / pay statement): one person's period on one page, as data. Every line is a
 * catalogue message ({key, params}) made into text at the edge, like the breakdown: the print
 * view renders it in the plan's result language, and the results table's statement field holds
 * its plain text (`statementText`) so that an Airtable Interface can show each rep their own.
 *
 * Amounts are the engine's rounded decimal strings, formatted by the one money format
 * (src/i18n/numbers.ts) in the plan's currency with each language's usual locale (zh-CN, en-US),
 * not the reader's: a stored text must not change with who pressed Refresh.
 *
 * Pure: a result in, a document out.
 */
import {D, fixedText} from '../engine/money';
import {say, type Joined, type Message, type MessageKey} from '../i18n';
import {decimalText, moneyFormat} from '../i18n/numbers';
import type {RowStatus} from '../ledger/fields';
import type {Currency, DecimalString, Lang, Period, Text} from '../plan';
import type {ParticipantResult} from '../results';
import {promotionMessage} from '../i18n/results';

/** The pay lines of a statement, in the order they add up to total pay. */
export const PAY_COMPONENTS = ['baseSalary', 'performancePay', 'bonus', 'teamBonus', 'award', 'adjustments', 'totalPay'] as const;
export type PayComponent = (typeof PAY_COMPONENTS)[number];

/** Lines that may be left out when they are zero: not every plan pays a base salary or carries adjustments. */
const SHOWN_WHEN_ZERO: ReadonlySet<PayComponent> = new Set(['performancePay', 'bonus', 'teamBonus', 'award', 'totalPay']);

export interface PayLine {
  component: PayComponent;
  amount: DecimalString;
  /** "绩效工资：¥2,400.00" */
  line: Message;
}

export type SectionName = 'pay' | 'breakdown' | 'adjustments' | 'feedback';

export interface StatementSection {
  name: SectionName;
  heading: Message;
  lines: Message[];
}

export interface Statement {
  participantId: string;
  name: string;
  /** "绩效单" */
  title: Message;
  /** Plan, person, period (with its status when known), score/grade/rank, honours. */
  header: Message[];
  /** The pay lines, also the first section's lines. */
  pay: PayLine[];
  /** A clawback balance carried on to later periods (not part of total pay), or null. */
  balance: DecimalString | null;
  sections: StatementSection[];
  /** A provisional period's warning that the amounts may change. */
  notes: Message[];
}

/** Adjustments carried into the period (issue 13): what was taken into total pay and the balance carried on. */
export interface StatementAdjustments {
  taken: DecimalString;
  balance: DecimalString;
}

export interface StatementInput {
  /** The plan's name (the company's plan, e.g. "华东直销 2026 绩效方案"). */
  planName: string;
  period: Pick<Period, 'id' | 'label'>;
  /**
   * The period's status, printed beside it; null to leave it out, as in the stored field: approving
   * or closing a period must not change a figure cell (an approved period refuses a refresh that
   * would), and the row's status field stands next to it.
   */
  status: RowStatus | null;
  /** The person's result as written: with adjustments, total pay includes them and the breakdown ends with their lines. */
  result: ParticipantResult;
  adjustments?: StatementAdjustments;
  currency: Pick<Currency, 'code' | 'precision'>;
}

/** The locale each language's statement is written in: fixed, so a stored statement reads the same for everyone. */
export const STATEMENT_LOCALE: Readonly<Record<Lang, string>> = {zh: 'zh-CN', en: 'en-US'};

const msg = (key: MessageKey, params: Message['params'] = {}): Message => ({key, params});

/**
 * A zh/en text made only in the language read, and then once: a statement is rendered in one
 * language, and formatting every amount in both (Intl) was a third of the cost of 10,000 statements.
 */
class FormattedText implements Text {
  private made: Partial<Record<Lang, string>> = {};
  constructor(private readonly format: (locale: string) => string) {}
  get zh(): string {
    return (this.made.zh ??= this.format(STATEMENT_LOCALE.zh));
  }
  get en(): string {
    return (this.made.en ??= this.format(STATEMENT_LOCALE.en));
  }
}

/**
 * An amount in the plan's currency, in either language's locale.
 *
 * @example moneyText('1234.5', {code: 'CNY', precision: 2}).zh // '¥1,234.50'
 */
export function moneyText(amount: DecimalString, currency: Pick<Currency, 'code' | 'precision'>): Text {
  return new FormattedText((locale) => moneyFormat(currency, locale).full(amount));
}

function numberText(value: string | number, places: number): Text {
  return new FormattedText((locale) => decimalText(value, places, locale));
}

/** Breakdown lines that belong to the adjustments (src/ledger/adjustments.ts appends them to the breakdown). */
function isAdjustmentLine(message: Message): boolean {
  return message.key.startsWith('ledger.adjust.');
}

/**
 * The base salary the result paid: total pay less the incentive components and the adjustments
 * taken, exactly (total pay = base salary + performance pay + bonus + team bonus + award + adjustments).
 *
 * @example paidBase({totalPay: '8650.00', performancePay: '2400.00', bonus: '1300.00', teamBonus: '0', award: '1950.00'}, '0') // '3000.00'
 */
export function paidBase(result: Pick<ParticipantResult, 'totalPay' | 'performancePay' | 'bonus' | 'teamBonus' | 'award'>, taken: DecimalString, precision = 2): DecimalString {
  const base = new D(result.totalPay).minus(result.performancePay).minus(result.bonus).minus(result.teamBonus).minus(result.award).minus(taken);
  return fixedText(base, precision);
}

/** The feedback as message lines: strengths, then the weakest metrics with their improvement actions, then any promotion suggested. */
export function feedbackMessages(feedback: ParticipantResult['feedback']): Message[] {
  const lines = feedback.strengths.map((s) => msg('engine.feedback.strength', {metric: s.label, score: s.score}));
  for (const w of feedback.weakest) {
    const params = {metric: w.label, score: w.score, action: w.action ?? ''};
    if (w.noData) lines.push(msg(w.action ? 'engine.feedback.noData' : 'engine.feedback.noDataNoAction', params));
    else lines.push(msg(w.action ? 'engine.feedback.weak' : 'engine.feedback.weakNoAction', params));
  }
  if (feedback.promotion) lines.push(promotionMessage(feedback.promotion));
  return lines;
}

/**
 * One person's statement for a period.
 *
 * @example buildStatement({planName: '2026 方案', period: {id: '2026-03', label: '2026-03'}, status: 'closed', result, currency: {code: 'CNY', precision: 2}}).pay.at(-1)
 * // {component: 'totalPay', amount: '14966.93', line: {key: 'statement.pay.line', ...}}
 */
export function buildStatement(input: StatementInput): Statement {
  const {result, currency} = input;
  const taken = input.adjustments?.taken ?? '0';
  const amounts: Record<PayComponent, DecimalString> = {
    baseSalary: paidBase(result, taken, currency.precision),
    performancePay: result.performancePay,
    bonus: result.bonus,
    teamBonus: result.teamBonus,
    award: result.award,
    adjustments: taken,
    totalPay: result.totalPay,
  };
  const pay: PayLine[] = PAY_COMPONENTS.filter((component) => SHOWN_WHEN_ZERO.has(component) || !new D(amounts[component]).isZero()).map((component) => ({
    component,
    amount: amounts[component],
    line: msg('statement.pay.line', {label: msg(`statement.pay.${component}`), amount: moneyText(amounts[component], currency)}),
  }));
  const carriedOn = input.adjustments?.balance ?? '0';
  const balance = new D(carriedOn).isZero() ? null : carriedOn;
  const payLines = pay.map((p) => p.line);
  if (balance !== null) payLines.push(msg('statement.pay.line', {label: msg('statement.pay.balance'), amount: moneyText(balance, currency)}));

  const header: Message[] = [
    msg('statement.plan', {plan: input.planName}),
    msg('statement.person', {name: result.name}),
    input.status === null
      ? msg('statement.period', {period: input.period.label})
      : msg('statement.periodStatus', {period: input.period.label, status: msg(`ledger.status.${input.status}`)}),
    result.grade
      ? msg('statement.score', {score: numberText(result.totalScore, 2), grade: result.grade, rank: numberText(result.rank, 0)})
      : msg('statement.scoreUngraded', {score: numberText(result.totalScore, 2), rank: numberText(result.rank, 0)}),
  ];
  if (result.honours.length > 0) {
    const honours: Joined = {join: result.honours, separator: {zh: '、', en: ', '}};
    header.push(msg('statement.honours', {honours}));
  }

  const adjustmentLines = result.breakdown.filter(isAdjustmentLine);
  const feedback = feedbackMessages(result.feedback);
  const sections: StatementSection[] = [
    {name: 'pay', heading: msg('statement.section.pay'), lines: payLines},
    {name: 'breakdown', heading: msg('statement.section.breakdown'), lines: result.breakdown.filter((line) => !isAdjustmentLine(line))},
    {name: 'adjustments', heading: msg('statement.section.adjustments'), lines: adjustmentLines.length > 0 ? adjustmentLines : [msg('statement.noAdjustments')]},
    {name: 'feedback', heading: msg('statement.section.feedback'), lines: feedback.length > 0 ? feedback : [msg('statement.noFeedback')]},
  ];
  const notes = input.status === 'provisional' ? [msg('statement.provisionalNote')] : [];
  return {participantId: result.participantId, name: result.name, title: msg('statement.title'), header, pay, balance, sections, notes};
}

/**
 * A statement as plain text in one language: the title, the header lines, each section under its
 * heading with its lines indented, then the notes. What the statement field holds.
 *
 * @example statementText(statement, 'en').split('\n').slice(0, 2) // ['Pay statement', 'Plan: 2026 plan']
 */
export function statementText(statement: Statement, lang: Lang): string {
  const lines: string[] = [say(statement.title, lang), ...statement.header.map((line) => say(line, lang))];
  for (const section of statement.sections) {
    lines.push('', say(msg('statement.heading', {heading: section.heading}), lang));
    for (const line of section.lines) lines.push(`  ${say(line, lang)}`);
  }
  if (statement.notes.length > 0) lines.push('', ...statement.notes.map((note) => say(note, lang)));
  return lines.join('\n');
}
