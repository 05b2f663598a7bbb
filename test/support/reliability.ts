/**
 * Helpers for the reliability catalogue's tests (docs/reliability.md): a base schema edited the way
 * a collaborator edits a base behind the extension's back, and lookups that fail loudly when the
 * issue the user should see is not there.
 */
import type {Issue} from '../../src/results';
import type {BaseSchema, FieldSchema} from '../../src/schema';

/** A deep copy, so a test's edit never leaks into the next one. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The schema after a table was deleted. */
export function withoutTable(schema: BaseSchema, tableId: string): BaseSchema {
  const out = copy(schema);
  out.tables = out.tables.filter((t) => t.id !== tableId);
  return out;
}

/** The schema after a field was deleted. */
export function withoutField(schema: BaseSchema, tableId: string, fieldId: string): BaseSchema {
  const out = copy(schema);
  const table = out.tables.find((t) => t.id === tableId);
  if (!table) throw new Error(`no table ${tableId} in the schema`);
  table.fields = table.fields.filter((f) => f.id !== fieldId);
  return out;
}

/** The schema after a field was renamed or retyped (same id: Airtable keeps ids across both). */
export function withField(schema: BaseSchema, tableId: string, fieldId: string, patch: Partial<FieldSchema>): BaseSchema {
  const out = copy(schema);
  const field = out.tables.find((t) => t.id === tableId)?.fields.find((f) => f.id === fieldId);
  if (!field) throw new Error(`no field ${fieldId} in table ${tableId}`);
  Object.assign(field, patch);
  return out;
}

/**
 * The one issue with this code (and path, when given). Throws with the issues actually found, so a
 * failing test says what the user would have seen instead.
 */
export function theIssue(issues: readonly Issue[], code: string, path?: string): Issue {
  const found = issues.filter((i) => i.code === code && (path === undefined || i.path === path));
  if (found.length !== 1) {
    const seen = issues.map((i) => `${i.severity} ${i.code} @${i.path ?? ''}: ${i.message.en}`).join('\n  ');
    throw new Error(`expected exactly one ${code}${path ? ` at ${path}` : ''}, found ${found.length}; issues:\n  ${seen}`);
  }
  return found[0];
}

/** The codes of the errors among the issues, for "this and nothing else blocks the run". */
export const errorCodes = (issues: readonly Issue[]): string[] => issues.filter((i) => i.severity === 'error').map((i) => i.code);
