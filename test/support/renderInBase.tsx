/**
 * Renders a piece of the extension as the SDK shows it: inside the test base's container, in one
 * UI language. Most UI tests render the whole App this way.
 */
import type {ReactElement} from 'react';
import {render} from '@testing-library/react';
import type TestDriver from '@airtable/blocks-testing';
import type {Lang} from '../../src/plan';
import {LangProvider} from '../../frontend/state/lang';
import {App} from '../../frontend/App';

export function renderInBase(driver: TestDriver, lang: Lang, element: ReactElement = <App />) {
  return render(
    <driver.Container>
      <LangProvider initial={lang}>{element}</LangProvider>
    </driver.Container>,
  );
}
