/**
 * Facts: the plain data the engine reads, extracted from the base by the adapter.
 *
 * Cell values are normalised to plain values by the adapter (a single select to its name, a link
 * to record ids, a number to a number) but are NOT validated there: text typed into a number
 * field arrives as a string, and the engine reports it with the record and field it came from.
 */

/** A cell as the engine sees it. Links are arrays of record ids. */
export type FactValue = number | string | boolean | null | string[];

export interface ParticipantFact {
  id: string;
  name: string;
  /** Record id of the upline, or null. A link to a deleted record keeps its id. */
  uplineId: string | null;
  team: string | null;
  tier: string | null;
  baseSalary: FactValue;
  performancePayBase: FactValue;
  /** Other fields of the participant record referenced by the plan, by field id. */
  fields: Record<string, FactValue>;
}

export interface SourceRecordFact {
  id: string;
  /** Linked participant record ids (empty: an orphan record). */
  participantIds: string[];
  /** ISO date (`YYYY-MM-DD` or a full ISO timestamp), or null when the cell is empty. */
  date: string | null;
  /** Fields referenced by the plan's metrics and filters, by field id. */
  values: Record<string, FactValue>;
}

/**
 * Source records the adapter left out because their date lies outside the period it read for:
 * counted as the engine would have counted them, never credited.
 */
export interface RecordsLeftOut {
  /** Every record dated outside the period (those outside every period and the history included). */
  outsidePeriod: number;
  /** Of these, the records dated before the plan's first period: history, counted, not reported. */
  beforeFirstPeriod: number;
  /** Ids of the records dated outside every period of the plan, in record order (reported). */
  outsideEveryPeriod: string[];
}

export interface Facts {
  participants: ParticipantFact[];
  /** Records per plan source id. */
  sources: Record<string, SourceRecordFact[]>;
  /**
   * Set when the sources were read for one period only: its id. A run of another period on
   * these facts would miss records, so the engine refuses it.
   */
  periodId?: string;
  /** Per plan source id, the records left out by a read for `periodId`. */
  leftOut?: Record<string, RecordsLeftOut>;
}
