import type {Lang, Text} from '../src/plan';

/**
 * The playground's own words. The playground is a stand-in for Airtable's page around the
 * extension, not part of the extension, so its texts stay here rather than in the extension's
 * catalogue (src/i18n), which ships to real bases.
 */
export const playgroundText = {
  title: {zh: '演示基地 · 无需 Airtable 账号', en: 'Demo base · no Airtable account needed'},
  reset: {zh: '重置演示数据', en: 'Reset demo base'},
  resetConfirm: {
    zh: '重置演示数据？已写入的结果和保存的方案都会清除（语言保持不变）。',
    en: 'Reset the demo base? Written results and the saved plan are cleared (the language stays).',
  },
  size: {zh: '数据规模', en: 'Base size'},
  sizeSmall: {zh: '小（约 60 名销售）', en: 'Small (about 60 reps)'},
  size1k: {zh: '1k 销售 / 20k 订单', en: '1k reps / 20k orders'},
  size10k: {zh: '10k 销售 / 200k 订单（打开约需 1 分钟）', en: '10k reps / 200k orders (about a minute to open)'},
  rowsShown: {zh: '显示前 {shown} 行，共 {total} 行', en: 'Showing the first {shown} of {total} rows'},
  rowsAll: {zh: '共 {total} 行', en: '{total} rows'},
  extension: {zh: '扩展', en: 'Extension'},
  loading: {zh: '正在生成演示数据…', en: 'Generating the demo base…'},
  writes: {zh: '已写入 {count} 个单元格', en: '{count} cells written'},
} satisfies Record<string, Text>;

export type PlaygroundTextKey = keyof typeof playgroundText;

/** @example say('en', 'rowsShown', {shown: 200, total: 3000}) // 'Showing the first 200 of 3000 rows' */
export function say(lang: Lang, key: PlaygroundTextKey, params: Record<string, string | number> = {}): string {
  return playgroundText[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
