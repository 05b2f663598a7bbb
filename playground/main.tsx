/**
 * The playground page: builds the demo base in the browser, puts the SDK's simulated base
 * (TestDriver with the write-through shim) under the real extension, and shows the base beside it.
 */
// First: the testing library installs the simulated Airtable interface, which @airtable/blocks
// looks for when it is first loaded (by the extension's imports below).
import '@airtable/blocks-testing';
import {useCallback} from 'react';
import ReactDOM from 'react-dom';
import {App} from '../frontend/App';
import {LangProvider, useLang} from '../frontend/state/lang';
import type {Lang} from '../src/plan';
import {openDemoSession} from './session';
import {Playground, type DemoSession} from './Playground';
import {sizeFromQuery} from './sizes';

function langFromQuery(search: string): Lang | undefined {
  const asked = new URLSearchParams(search).get('lang');
  return asked === 'zh' || asked === 'en' ? asked : undefined;
}

/**
 * The page speaks the extension's language: one language provider around both, so switching the
 * extension's language switches the top bar, and a reset (which remounts only the extension on a
 * fresh base) keeps it.
 */
function Page() {
  const {lang} = useLang();
  const renderExtension = useCallback(
    (session: DemoSession) => (
      <session.driver.Container>
        <App />
      </session.driver.Container>
    ),
    [],
  );
  return <Playground lang={lang} size={sizeFromQuery(window.location.search)} openSession={openDemoSession} renderExtension={renderExtension} />;
}

// Without ?lang the extension picks the browser's language itself, as in Airtable.
ReactDOM.render(
  <LangProvider initial={langFromQuery(window.location.search)}>
    <Page />
  </LangProvider>,
  document.getElementById('root'),
);
