/**
 * The empty-period text names the plan's sources as a list joined by "or", in each language's own
 * way (Intl.ListFormat), not with separators written in code.
 */
import {emptyPeriodText} from '../../frontend/run/ledgerRun';
import type {PlanDocument, SourceMapping} from '../../src/plan';

const source = (id: string, zh: string, en: string) => ({id, label: {zh, en}}) as unknown as SourceMapping;
const planWith = (...sources: SourceMapping[]) => ({mapping: {sources}}) as unknown as Pick<PlanDocument, 'mapping'>;
const orders = source('orders', '订单', 'Orders');
const customers = source('customers', '客户', 'Customers');
const reviews = source('reviews', '评价', 'Reviews');
const period = {label: '2026-12'};

describe('emptyPeriodText', () => {
  it('lists three sources with the language’s list punctuation and "or"', () => {
    expect(emptyPeriodText(planWith(orders, customers, reviews), period)).toEqual({
      zh: '2026-12：本周期没有订单、客户或评价',
      en: '2026-12: no orders, customers, or reviews in this period',
    });
  });

  it('joins two with "or" alone and names one as it is', () => {
    expect(emptyPeriodText(planWith(orders, reviews), period)).toEqual({zh: '2026-12：本周期没有订单或评价', en: '2026-12: no orders or reviews in this period'});
    expect(emptyPeriodText(planWith(customers), period)).toEqual({zh: '2026-12：本周期没有客户', en: '2026-12: no customers in this period'});
  });
});
