import type {Text} from '../plan';

/** Messages of the extension's shell (frame, language, settings gate). */
export const uiMessages = {
  'app.title': {zh: '销售绩效与奖金', en: 'Sales Performance & Bonus'},
  'ui.lang.label': {zh: '语言', en: 'Language'},
  'ui.settings.open': {zh: '设置', en: 'Settings'},
  'ui.forced.noPlan': {
    zh: '还没有绩效方案：请先选择人员表和数据源，或使用直销模板。',
    en: 'There is no plan yet: pick the people table and the sources, or start from the direct-sales template.',
  },
  'ui.forced.invalid': {
    zh: '方案有 {errors}，修正后才能计算：',
    en: 'The plan has {errors} to fix before anything can be computed:',
  },
  'ui.forced.stored': {zh: '保存的方案无法读取：', en: 'The stored plan could not be read:'},
  'ui.plan.noPermission': {zh: '不能保存方案：{reason}', en: 'The plan cannot be saved: {reason}'},
} satisfies Record<string, Text>;
