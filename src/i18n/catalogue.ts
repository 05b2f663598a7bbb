/**
 * The one zh/en catalogue: every user-visible string of the core and the extension comes from
 * here. Parts live in their own files so that the core's and the screens' texts can grow apart,
 * but they are merged into one table that a test checks for missing or empty translations.
 */
import {adapterMessages} from './adapter';
import {automationMessages} from './automation';
import {chartsMessages} from './charts';
import {engineMessages} from './engine';
import {ledgerMessages} from './ledger';
import {planMessages} from './plan';
import {runMessages} from './run';
import {settingsMessages} from './settings';
import {statementMessages} from './statement';
import {uiMessages} from './ui';

/** The parts, by name, so that a test can find a key defined twice. */
export const parts = {engineMessages, planMessages, settingsMessages, runMessages, uiMessages, adapterMessages, ledgerMessages, chartsMessages, automationMessages, statementMessages};

export const catalogue = {...engineMessages, ...planMessages, ...settingsMessages, ...runMessages, ...uiMessages, ...adapterMessages, ...ledgerMessages, ...chartsMessages, ...automationMessages, ...statementMessages};

export type MessageKey = keyof typeof catalogue;
