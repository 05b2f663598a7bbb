/**
 * What to do after the first-run wizard, until the plan is first saved: check (the errors left,
 * live), save, then preview. It takes the place of the "no plan yet" notice, which no longer
 * holds once a draft exists.
 */
import {Box, Text} from '@airtable/blocks/ui';
import {countText} from '../../src/i18n/numbers';
import {useLang} from '../state/lang';
import type {PlanStart} from './Wizard';

export function NextSteps({start, errors}: {start: PlanStart; errors: number}) {
  const {t, lang} = useLang();
  const steps = [
    errors > 0 ? t('settings.next.check.todo', {errors: countText(lang, errors, 'settings.n.errors')}) : t('settings.next.check.done'),
    t('settings.next.save', {save: t('settings.save.button')}),
    t('settings.next.preview', {preview: t('run.preview.button')}),
  ];
  return (
    <Box role="status" dataAttributes={{'data-testid': 'next-steps'}} backgroundColor="#eef6ff" padding={2} marginBottom={2} borderRadius="large">
      <Text fontWeight={600}>{t(`settings.next.${start}`)}</Text>
      <ol style={{margin: '4px 0 0', paddingLeft: 20}}>
        {steps.map((step) => (
          <li key={step}>
            <Text>{step}</Text>
          </li>
        ))}
      </ol>
    </Box>
  );
}
