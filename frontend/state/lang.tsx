import React, {createContext, useCallback, useContext, useMemo, useState} from 'react';
import type {Lang, Text} from '../../src/plan';
import {t as translate, type MessageKey, type Params} from '../../src/i18n';
import {countText, type CountKey} from '../../src/i18n/numbers';

/**
 * The user's language. It is a personal choice, not the base's: kept in this browser's
 * localStorage, not in globalConfig (which every collaborator shares). The SDK has no locale API,
 * so the default comes from navigator.language.
 */
const STORAGE_KEY = 'spb.lang';

export function browserLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // Storage can be blocked inside the extension's iframe; fall back to the browser language.
  }
  const language = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return /^zh/i.test(language) ? 'zh' : 'en';
}

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Picks the user's language out of a zh/en text (issue messages, metric labels). */
  tx: (text: Text) => string;
  /** A count with its noun in the user's language: '1 problem', '2 problems', '2 个问题'. */
  n: (count: number, noun: CountKey) => string;
}

const LangContext = createContext<LangContextValue | null>(null);

export function LangProvider({initial, children}: {initial?: Lang; children: React.ReactNode}) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? browserLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this session.
    }
  }, []);
  const value = useMemo<LangContextValue>(
    () => ({lang, setLang, t: (key, params) => translate(lang, key, params), tx: (text) => text[lang], n: (count, noun) => countText(lang, count, noun)}),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang must be used inside <LangProvider>');
  return value;
}
