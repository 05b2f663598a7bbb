/**
 * The i18n entry point: the one zh/en catalogue (./catalogue) and the one fill/format module
 * (./format). See those files for why messages are data until the edge.
 */
import type {Lang, Text} from '../plan';
import {catalogue, parts, type MessageKey} from './catalogue';
import {fill, say, sayBoth, sayEach, type Params} from './format';

export {catalogue, parts, type MessageKey};

/** @example t('en', 'app.title') // 'Sales Performance & Bonus' */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return say({key, params}, lang);
}

/** The message in both languages, for texts that are kept and shown later in either. */
export function text(key: MessageKey, params: Params = {}): Text {
  return sayBoth({key, params});
}

export {fill, say, sayBoth, sayEach};
export {countedText, firstNames, groupDigits, lazyText, listText, type CountKey, type Counted, type Joined, type Listed, type Message, type Param, type Params} from './format';
