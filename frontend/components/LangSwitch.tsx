/** 简体中文 / English, reachable from every screen. The language names are shown in their own language. */
import {Select} from '@airtable/blocks/ui';
import type {Lang} from '../../src/plan';
import {useLang} from '../state/lang';

const OPTIONS = [
  {value: 'zh', label: '简体中文'},
  {value: 'en', label: 'English'},
];

export function LangSwitch() {
  const {lang, setLang, t} = useLang();
  return (
    <Select
      size="small"
      width="auto"
      aria-label={t('ui.lang.label')}
      options={OPTIONS}
      value={lang}
      onChange={(value) => setLang(value === 'en' ? 'en' : ('zh' satisfies Lang))}
    />
  );
}
