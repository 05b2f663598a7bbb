import {useState} from 'react';
import type {Lang} from '../src/plan';
import {formatCell, type FieldLike} from './cells';
import {say} from './text';

/** A table as the grid shows it: its fields, its first records as stored, and how many there are. */
export interface GridTable {
  id: string;
  name: string;
  fields: Array<FieldLike & {id: string; name: string}>;
  records: Array<{id: string; cellValuesByFieldId: {[fieldId: string]: unknown}}>;
  recordCount: number;
}

/**
 * The first rows only: a 10k-rep base has 200k orders, and rendering them all would make the page
 * itself the bottleneck the performance work measures. The count says how many there are.
 */
export const GRID_ROW_LIMIT = 200;

interface Props {
  lang: Lang;
  tables: readonly GridTable[];
  /** Cells written since the base was loaded, by `recordId:fieldId`: shown highlighted. */
  written: ReadonlySet<string>;
}

/** The Airtable-like grid on the left: a tab per table, a header per field, one row per record. */
export function BaseGrid({lang, tables, written}: Props) {
  const [activeId, setActiveId] = useState(tables[0]?.id);
  const table = tables.find((candidate) => candidate.id === activeId) ?? tables[0];
  if (!table) return null;
  const rows = table.records;
  return (
    <section className="pg-grid" aria-label={table.name}>
      <div role="tablist" className="pg-tabs">
        {tables.map((candidate) => (
          <button
            key={candidate.id}
            role="tab"
            aria-selected={candidate.id === table.id}
            className={candidate.id === table.id ? 'pg-tab pg-tab-active' : 'pg-tab'}
            onClick={() => setActiveId(candidate.id)}
          >
            {candidate.name}
          </button>
        ))}
      </div>
      <div className="pg-scroll">
        <table data-table-id={table.id} data-table-name={table.name}>
          <thead>
            <tr>
              <th className="pg-rownum">#</th>
              {table.fields.map((field) => (
                <th key={field.id} data-field-id={field.id} title={field.type}>
                  {field.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((record, index) => (
              <tr key={record.id} data-record-id={record.id}>
                <td className="pg-rownum">{index + 1}</td>
                {table.fields.map((field) => (
                  <td
                    key={field.id}
                    data-field-name={field.name}
                    className={written.has(`${record.id}:${field.id}`) ? 'pg-written' : undefined}
                  >
                    {formatCell(field, record.cellValuesByFieldId[field.id])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pg-count" role="status">
        {table.recordCount > rows.length
          ? say(lang, 'rowsShown', {shown: rows.length, total: table.recordCount})
          : say(lang, 'rowsAll', {total: table.recordCount})}
      </div>
    </section>
  );
}
