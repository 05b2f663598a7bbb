import {useBase} from '@airtable/blocks/ui';
import {useLang} from '../frontend/state/lang';
import {say} from './text';

/**
 * Stands in for the extension while frontend/App.tsx does not exist yet, so the page and its
 * browser test can be built first. It reads the base through the SDK like the extension will.
 */
export function App() {
  const base = useBase();
  const {lang, t} = useLang();
  return (
    <div style={{padding: 16}}>
      <h2>{t('app.title')}</h2>
      <p>{say(lang, 'placeholder')}</p>
      <ul>
        {base.tables.map((table) => (
          <li key={table.id}>{table.name}</li>
        ))}
      </ul>
    </div>
  );
}
