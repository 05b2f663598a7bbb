import type {Text} from '../plan';

/** Messages of the extension's screens. */
export const uiMessages = {
  'app.title': {zh: '销售绩效与奖金', en: 'Sales Performance & Bonus'},
} satisfies Record<string, Text>;
