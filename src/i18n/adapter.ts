import type {Text} from '../plan';

/**
 * Catalogue part: reading the base and writing results back (frontend/adapter, src/writeback.ts).
 * See src/i18n/index.ts.
 */
export const adapterMessages = {
  'adapter.read.tableMissing': {
    zh: '{role}“{name}”已不存在（可能已被删除），未读取其数据',
    en: '{role} "{name}" no longer exists (it may have been deleted); its data was not read',
  },
  'adapter.read.fieldMissing': {
    zh: '表“{table}”的字段“{name}”已不存在（可能已被删除或更换），未读取',
    en: 'Field "{name}" of table "{table}" no longer exists (it may have been deleted); it was not read',
  },
  'adapter.role.people': {zh: '参与人表', en: 'The people table'},
  'adapter.role.source': {zh: '数据源表', en: 'The source table'},
  'adapter.write.tableMissing': {
    zh: '参与人表“{name}”已不存在，无法写入结果',
    en: 'The people table "{name}" no longer exists; results cannot be written',
  },
  'adapter.write.fieldMissing': {
    zh: '结果字段“{name}”已不存在（可能已被删除），无法写入',
    en: 'The result field "{name}" no longer exists (it may have been deleted); nothing can be written to it',
  },
  'adapter.write.computed': {
    zh: '结果字段“{name}”是计算字段（公式、汇总等），不能写入',
    en: 'The result field "{name}" is a computed field (formula, rollup...) and cannot be written',
  },
  'adapter.write.valueType': {
    zh: '结果“{result}”不能写入类型为 {type} 的字段“{name}”，已跳过',
    en: 'The result "{result}" cannot be written to field "{name}" of type {type}; skipped',
  },
  'adapter.write.failed': {
    zh: '第 {batch} 批（共 {batches} 批）写入失败：{message}。已写入 {written} 条记录，另有 {remaining} 条未写入；再次刷新会补全其余记录。',
    en: 'Write call {batch} of {batches} failed: {message}. {written} records were written and {remaining} were not; refreshing again completes the rest.',
  },
  'adapter.write.deleted': {
    zh: '{count} 条参与人记录在写入前已被删除，已跳过：{ids}',
    en: '{count} participant records were deleted before they could be written and were skipped: {ids}',
  },
  'adapter.calculatedAt': {zh: '{time}（方案版本 {version}）', en: '{time} (plan version {version})'},
} satisfies Record<string, Text>;
