/** The extension's entry point, as block.json names it. */
import {initializeBlock} from '@airtable/blocks/ui';
import {App} from './App';
import {LangProvider} from './state/lang';

initializeBlock(() => (
  <LangProvider>
    <App />
  </LangProvider>
));
