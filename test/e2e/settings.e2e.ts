/**
 * Settings in a real browser (issue 14), with the extension alone in a 480 px wide window as the
 * panel's iframe would be: after the template the next steps replace the "no plan yet" notice;
 * the save bar stays in view while the settings scroll; Close with unsaved edits asks, and keep
 * editing / discard / save each do what they say; and no text on the settings and run screens
 * (the question included) is drawn under 12 px, measured from the computed styles. Screenshots:
 * artifacts/e2e/<lang>-settings-*.png, in zh and in en.
 */
import assert from 'node:assert/strict';
import type {Locator, Page} from 'playwright-core';
import type {Lang} from '../../src/plan';
import {demoMonths} from '../../sim/demoBase';
import {messagePattern, t} from './catalogue';
import type {E2eTest, TestContext} from './harness';
import {DEMO_TODAY, PANEL_WIDTH, extension, textMatching} from './panel';

const PANEL_HEIGHT = 900;
/** The smallest text the extension may show. */
const MIN_FONT_PX = 12;



interface FontMeasure {
  /** Visible elements with text of their own, and form controls, that were measured. */
  measured: number;
  /** Those drawn under the minimum: tag, size and the start of their text. */
  small: string[];
}

/**
 * The computed font size of every visible element inside `selectors` that shows text of its own
 * (a text node child) or is a form control (its value is text).
 */
async function measureFonts(page: Page, selectors: string[]): Promise<FontMeasure> {
  return page.evaluate(
    ({selectors: scopes, min}) => {
      // No named helper functions in here: the test runner's transform would wrap them in a
      // helper (__name) that the page does not have.
      let measured = 0;
      const small: string[] = [];
      for (const root of scopes.flatMap((selector) => Array.from(document.querySelectorAll(selector)))) {
        for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
          const control = ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(element.tagName);
          const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
          if (!control && !ownText) continue;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          if (style.display === 'none' || style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
          measured += 1;
          const size = parseFloat(style.fontSize);
          if (size < min) {
            const shown = (element.textContent || (element as HTMLInputElement).value || '').trim().slice(0, 40);
            small.push(`<${element.tagName.toLowerCase()}> ${size}px "${shown}"`);
          }
        }
      }
      return {measured, small};
    },
    {selectors, min: MIN_FONT_PX},
  );
}

async function assertNoSmallText(page: Page, screen: string, selectors = ['.pg-right']): Promise<number> {
  const {measured, small} = await measureFonts(page, selectors);
  assert.ok(measured > 20, `${screen}: only ${measured} text elements measured`);
  assert.deepEqual(small, [], `${screen}: text under ${MIN_FONT_PX} px`);
  return measured;
}

/** Opens every fold on the screen (sections, editors, rows, charts), so that their texts are measured too. */
async function expandAll(ext: Locator): Promise<void> {
  for (let round = 0; round < 200; round++) {
    const collapsed = ext.locator('button[aria-expanded="false"]');
    if ((await collapsed.count()) === 0) return;
    await collapsed.first().click();
  }
  throw new Error('sections kept collapsing');
}

/** The save bar lies within the panel's visible part. */
async function saveBarInView(page: Page): Promise<{bar: {top: number; bottom: number}; panel: {top: number; bottom: number}}> {
  const bar = await extension(page).getByTestId('save-bar').boundingBox();
  const panel = await extension(page).boundingBox();
  assert.ok(bar && panel, 'the save bar or the panel has no box');
  return {bar: {top: bar.y, bottom: bar.y + bar.height}, panel: {top: panel.y, bottom: panel.y + panel.height}};
}

async function assertSaveBarInView(page: Page, where: string): Promise<void> {
  const {bar, panel} = await saveBarInView(page);
  assert.ok(bar.top >= panel.top && bar.bottom <= panel.bottom + 1, `${where}: the save bar (${bar.top}-${bar.bottom}) is outside the panel's view (${panel.top}-${panel.bottom})`);
}

async function setPanelScroll(page: Page, to: 'top' | 'middle'): Promise<void> {
  await extension(page).evaluate((panel, where) => {
    panel.scrollTop = where === 'top' ? 0 : (panel.scrollHeight - panel.clientHeight) / 2;
  }, to);
}

async function shoot(context: TestContext, name: string): Promise<void> {
  await context.screenshot(name);
}

function settingsPath(lang: Lang): E2eTest {
  return {
    name: `${lang}: settings at ${PANEL_WIDTH} px: next steps after the template, a save bar in view, Close asks about unsaved edits, no text under ${MIN_FONT_PX} px`,
    timeoutMs: 300_000,
    run: async (context: TestContext) => {
      const {page, baseUrl} = context;
      await page.clock.install({time: DEMO_TODAY});
      // The extension alone in a panel-wide window, as in Airtable's iframe: dialogs centre on it.
      await page.setViewportSize({width: PANEL_WIDTH, height: PANEL_HEIGHT});
      await page.goto(`${baseUrl}?lang=${lang}`);
      // The playground's own bar and grid are not the extension: hidden, the page is the panel.
      await page.addStyleTag({content: `.pg-header, .pg-left { display: none !important; } .pg-right { width: ${PANEL_WIDTH}px !important; border: 0 !important; }`});
      const ext = extension(page);
      const noPlan = ext.getByTestId('no-plan-notice');
      await textMatching(noPlan, new RegExp(t(lang, 'ui.forced.noPlan').slice(0, 8)), 60_000);
      await assertNoSmallText(page, 'first-run wizard');
      await shoot(context, `${lang}-settings-01-wizard`);

      // The template: the no-plan notice goes, the next steps come, in the reader's language.
      await ext.getByRole('button', {name: t(lang, 'settings.wizard.useTemplate')}).click();
      const next = ext.getByTestId('next-steps');
      await textMatching(next, new RegExp(t(lang, 'settings.next.template')));
      assert.equal(await noPlan.count(), 0, 'the no-plan notice is still shown after the template');
      assert.equal(await ext.getByTestId('forced-notice').count(), 0, 'a forced notice is shown after the template');
      const steps = await next.locator('li').allInnerTexts();
      assert.equal(steps.length, 3);
      assert.equal(steps[1].trim(), t(lang, 'settings.next.save', {save: t(lang, 'settings.save.button')}));
      assert.equal(steps[2].trim(), t(lang, 'settings.next.preview', {preview: t(lang, 'run.preview.button')}));
      assert.equal(await ext.getByLabel(t(lang, 'settings.planName'), {exact: true}).inputValue(), t(lang, 'template.name'));
      await shoot(context, `${lang}-settings-02-next-steps`);

      // The save bar: in view at the top of the settings and half-way down.
      const saveState = ext.getByTestId('save-state');
      await textMatching(saveState, new RegExp(t(lang, 'settings.save.state.neverSaved')));
      await assertSaveBarInView(page, 'settings scrolled to the top');
      await expandAll(ext);
      const measuredSettings = await assertNoSmallText(page, 'settings, every section open');
      await setPanelScroll(page, 'middle');
      await assertSaveBarInView(page, 'settings scrolled half-way');
      const scrolled = await ext.evaluate((panel) => panel.scrollHeight > panel.clientHeight * 2);
      assert.ok(scrolled, 'the settings are not taller than two panels: the sticky bar is not exercised');
      await shoot(context, `${lang}-settings-03-save-bar`);

      // Saved: the run view. A preview, then its texts are measured too.
      await ext.getByRole('button', {name: t(lang, 'settings.save.button')}).click();
      const previewButton = ext.getByRole('button', {name: t(lang, 'run.preview.button'), exact: true});
      await previewButton.waitFor();
      await ext.getByLabel(t(lang, 'run.period.label'), {exact: true}).selectOption({label: demoMonths().at(-1)!});
      await previewButton.click();
      await textMatching(ext.getByTestId('preview-totals'), messagePattern(lang, 'run.preview.summaryCounted'), 60_000);
      // Every fold open (charts, each listed person's changes, all warnings): their texts count too.
      await expandAll(ext);
      const measuredRun = await assertNoSmallText(page, 'run screen after a preview');
      await shoot(context, `${lang}-settings-04-run`);

      // Settings again: an edit, then Close asks.
      const settingsButton = ext.getByRole('button', {name: t(lang, 'ui.settings.open')});
      const planName = ext.getByLabel(t(lang, 'settings.planName'), {exact: true});
      const edited = lang === 'zh' ? '第三季度方案' : 'Q3 plan';
      const close = ext.getByRole('button', {name: t(lang, 'settings.close'), exact: true});
      const question = page.getByTestId('unsaved-dialog');
      const answer = (key: 'settings.unsaved.keep' | 'settings.unsaved.discard' | 'settings.unsaved.save') =>
        question.getByRole('button', {name: t(lang, key), exact: true});

      await settingsButton.click();
      await textMatching(saveState, new RegExp(t(lang, 'settings.save.state.saved')));
      await planName.fill(edited);
      await textMatching(saveState, new RegExp(t(lang, 'settings.save.state.unsaved')));
      await close.click();
      await textMatching(question, new RegExp(t(lang, 'settings.unsaved.body').slice(0, 10)));
      const measuredDialog = await assertNoSmallText(page, 'the unsaved-edits question', ['.pg-right', '[data-testid="unsaved-dialog"]']);
      const dialogBox = await question.boundingBox();
      assert.ok(dialogBox && dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= PANEL_WIDTH, `the question does not fit ${PANEL_WIDTH} px: ${JSON.stringify(dialogBox)}`);
      await shoot(context, `${lang}-settings-05-unsaved-question`);

      // Keep editing: the question goes, the edit stays.
      await answer('settings.unsaved.keep').click();
      await question.waitFor({state: 'detached'});
      assert.equal(await planName.inputValue(), edited);
      await textMatching(saveState, new RegExp(t(lang, 'settings.save.state.unsaved')));

      // Discard: the run view, and settings reopen on the saved name.
      await close.click();
      await answer('settings.unsaved.discard').click();
      await previewButton.waitFor();
      await settingsButton.click();
      assert.equal(await planName.inputValue(), t(lang, 'template.name'));

      // Save and close: the run view, and settings reopen on the edited name, saved.
      await planName.fill(edited);
      await close.click();
      await answer('settings.unsaved.save').click();
      await previewButton.waitFor();
      await settingsButton.click();
      assert.equal(await planName.inputValue(), edited);
      await textMatching(saveState, new RegExp(t(lang, 'settings.save.state.saved')));
      await shoot(context, `${lang}-settings-06-saved`);
      console.log(`    text elements measured: settings ${measuredSettings}, run ${measuredRun}, question ${measuredDialog}; none under ${MIN_FONT_PX} px`);
    },
  };
}

export const settingsE2eTests: E2eTest[] = [settingsPath('zh'), settingsPath('en')];
