import type {Entry} from './entry';

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
  'adapter.read.manyValues': {
    zh: '表“{table}”的字段“{field}”在 {count} 条记录中有多个值（如查找多条关联记录），不能当作一个数字读取，已忽略该值：{records}。如需相加，请改用汇总（rollup）字段。',
    en: 'Field "{field}" of table "{table}" holds several values in {count} records (e.g. a lookup over several linked records), which is not one number; the value is ignored: {records}. To add them up, use a rollup field instead.',
    enOne: 'Field "{field}" of table "{table}" holds several values in {count} record (e.g. a lookup over several linked records), which is not one number; the value is ignored: {records}. To add them up, use a rollup field instead.',
  },
  'adapter.read.ambiguousName': {
    zh: '数据源“{source}”中有 {count} 条记录写的参与人是“{name}”，但参与人表中有 {people} 人叫这个名字，无法确定是谁，这些记录未计入任何人：{records}。请改用关联字段，或让姓名不重复。',
    en: '{count} records of source "{source}" name the participant "{name}", a name {people} people in the people table share; which one is meant cannot be told, so these records were credited to nobody: {records}. Link the records to the people instead, or make the names unique.',
    enOne: '{count} record of source "{source}" names the participant "{name}", a name {people} people in the people table share; which one is meant cannot be told, so it was credited to nobody: {records}. Link the record to the person instead, or make the names unique.',
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
  'adapter.write.primaryField': {
    zh: '结果字段“{name}”是参与人表的主字段（记录的名称），不能写入结果，否则会覆盖每个人的名字；请另选一个结果字段',
    en: 'The result field "{name}" is the primary field of the people table (it names the records) and cannot hold a result, which would overwrite every name; choose another result field',
  },
  'adapter.write.inputField': {
    zh: '结果字段“{name}”是方案读取的输入字段，写入结果会覆盖方案自己的数据；请另选一个结果字段',
    en: 'The result field "{name}" is a field the plan reads, and writing results into it would overwrite the plan\'s own input; choose another result field',
  },
  'adapter.write.valueType': {
    zh: '结果“{result}”不能写入类型为{type}的字段“{name}”，已跳过',
    en: 'The result "{result}" cannot be written to field "{name}", a {type} field; skipped',
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
} satisfies Record<string, Entry>;
