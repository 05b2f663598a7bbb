/**
 * The one zh/en catalogue: every user-visible string of the core and the extension comes from
 * here. Parts live in their own files so that the core's and the screens' texts can grow apart,
 * but they are merged into one table that a test checks for missing or empty translations.
 */
import type {Lang, Text} from '../plan';
import {adapterMessages} from './adapter';
import {chartsMessages} from './charts';
import {engineMessages} from './engine';
import {planMessages} from './plan';
import {runMessages} from './run';
import {settingsMessages} from './settings';
import {uiMessages} from './ui';
import {fill, fillText, type Params} from './format';

/** The parts, by name, so that a test can find a key defined twice. */
export const parts = {engineMessages, planMessages, settingsMessages, runMessages, uiMessages, adapterMessages, chartsMessages};

export const catalogue = {...engineMessages, ...planMessages, ...settingsMessages, ...runMessages, ...uiMessages, ...adapterMessages, ...chartsMessages};

export type MessageKey = keyof typeof catalogue;

/** @example t('en', 'app.title') // 'Sales Performance & Bonus' */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(catalogue[key][lang], params);
}

/** The message in both languages, for issues that are shown later in either. */
export function text(key: MessageKey, params?: Params): Text {
  return fillText(catalogue[key], params);
}

export {fill, fillText};
export type {Params};
