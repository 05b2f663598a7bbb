/**
 * What the preview shows for each participant: the pipeline makes these rows, the preview table
 * draws them. They live here, not in the view, so the pipeline (also run by the headless CLI)
 * never imports a React view.
 */
import type {ResultKey} from '../../src/plan';

/** One result cell a refresh would change: its value in the base now, and the value it would get. */
export interface ResultChangeView {
  resultKey: ResultKey;
  old: unknown;
  new: unknown;
}

export interface PreviewRow {
  participantId: string;
  rank: number;
  name: string;
  totalScore: string;
  grade: string | null;
  totalPay: string;
  changes: ResultChangeView[];
}
