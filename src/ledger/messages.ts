/**
 * The ledger speaks in messages: a catalogue key and its parameters, turned into text only at the
 * edge (a screen, the CLI, the run log), in zh or en.
 */
import {text, type Message} from '../i18n';
import type {ledgerMessages} from '../i18n/ledger';
import type {Text} from '../plan';
import type {Issue, IssueSeverity} from '../results';

export type LedgerMessageKey = keyof typeof ledgerMessages;

/** The i18n message, its key one of the ledger's catalogue part. */
export type LedgerMessage = Message<LedgerMessageKey>;

/** @example messageText({key: 'ledger.upsert.closed', params: {period: '2026-02'}}).en // 'Period 2026-02 is closed ...' */
export function messageText(message: LedgerMessage): Text {
  return text(message.key, message.params);
}

/** The message as an issue of the run, for the screens and the run log that already show issues. */
export function messageIssue(message: LedgerMessage, severity: IssueSeverity, at: Pick<Issue, 'tableId' | 'recordIds' | 'fieldId'> = {}): Issue {
  return {code: message.key, severity, message: messageText(message), ...at};
}
