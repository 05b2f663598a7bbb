/**
 * The statements' print view (绩效单): one page per person, each on its own printed page
 * (`break-after: page`), in the plan's result language, with a Print button that opens the
 * browser's print dialog (and its "save as PDF"). The extension asks for full screen while it is
 * open; a print stylesheet hides everything but the pages, whatever page the extension sits in.
 *
 * Everyone's statements are shown a group of STATEMENTS_PER_PRINT at a time, chosen by rank, so
 * that the page holds at most that many (a statement is some 53 elements: 10,000 at once would be
 * 530,000); printing prints the group shown (docs/statements.md).
 */
import {useEffect, useMemo, useRef, useState} from 'react';
import {Box, Button, Select, Text, useViewport} from '@airtable/blocks/ui';
import {say, type Message} from '../../src/i18n';
import type {Lang, PlanDocument} from '../../src/plan';
import {moneyText, type Statement} from '../../src/statement/statement';
import {useLang} from '../state/lang';
import {countText, readerLocale} from '../../src/i18n/numbers';
import {writtenLanguage} from '../run/pipeline';
import {printGroups, STATEMENTS_PER_PRINT, type PrintGroup} from './statements';

/** The root's class: the print stylesheet shows it alone. */
const ROOT = 'spb-statements';

/**
 * Printing shows the pages only: everything else (the rest of the extension, and of a host page
 * such as the playground) is taken out of the layout, and the root's ancestors lose the scrolling,
 * heights and positions that would clip the pages to one screen; each page ends with a page break.
 */
const PRINT_CSS = `
.${ROOT} .spb-statement-page { break-after: page; }
.${ROOT} .spb-statement-page:last-child { break-after: auto; }
@media print {
  @page { size: A4; margin: 16mm; }
  body *:not(.${ROOT}):not(.${ROOT} *):not(:has(.${ROOT})) { display: none !important; }
  :has(.${ROOT}) { display: block !important; position: static !important; overflow: visible !important; width: auto !important; height: auto !important; min-height: 0 !important; max-height: none !important; margin: 0 !important; padding: 0 !important; border: 0 !important; }
  .${ROOT} .spb-statement-toolbar { display: none !important; }
  .${ROOT} .spb-statement-page { border: none !important; border-radius: 0 !important; margin: 0 !important; padding: 0 !important; }
}
`;

export interface StatementViewProps {
  plan: Pick<PlanDocument, 'name' | 'resultLanguage' | 'currency'>;
  statements: readonly Statement[];
  onClose: () => void;
  /** Statements shown and printed at once; STATEMENTS_PER_PRINT unless a test says otherwise. */
  groupSize?: number;
}

export function StatementView({plan, statements, onClose, groupSize = STATEMENTS_PER_PRINT}: StatementViewProps) {
  const {lang: readerLang, t} = useLang();
  const viewport = useViewport();
  // The statements are in the plan's result language, like everything written for the reps.
  const lang = writtenLanguage(plan, readerLang);
  const groups = useMemo(() => printGroups(statements.length, groupSize), [statements.length, groupSize]);
  const [chosen, setChosen] = useState(0);
  const group = groups[Math.min(chosen, groups.length - 1)];
  const shown = statements.slice(group.start, group.end);
  const top = useRef<HTMLDivElement>(null);
  const choose = (index: number) => {
    setChosen(index);
    // The next group starts at its first page, not where the last one was scrolled to.
    top.current?.scrollIntoView?.({block: 'start'});
  };

  useEffect(() => {
    viewport.enterFullscreenIfPossible();
    return () => viewport.exitFullscreen();
  }, [viewport]);

  return (
    <div ref={top} className={ROOT} data-testid="statements" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <style>{PRINT_CSS}</style>
      <Box className="spb-statement-toolbar" display="flex" alignItems="center" flexWrap="wrap" marginBottom={2} style={{gap: 8}}>
        <Button variant="primary" icon="print" onClick={() => window.print()}>
          {t('statement.ui.print')}
        </Button>
        <Button icon="x" onClick={onClose}>
          {t('statement.ui.close')}
        </Button>
        <Text textColor="light">
          {countText(readerLang, statements.length, 'statement.ui.count')} · {t('statement.ui.language', {lang: t(`statement.ui.lang.${lang}`)})}
        </Text>
        {groups.length > 1 ? <GroupChooser groups={groups} chosen={groups.indexOf(group)} statements={statements} size={groupSize} onChoose={choose} /> : null}
      </Box>
      {shown.map((statement) => (
        <StatementPage key={statement.participantId} statement={statement} lang={lang} currency={plan.currency} />
      ))}
    </div>
  );
}

/** The choice of the group shown and printed: "第 1–500 人：李娜 … 王强", and the next group in one click. */
function GroupChooser({groups, chosen, statements, size, onChoose}: {groups: PrintGroup[]; chosen: number; statements: readonly Statement[]; size: number; onChoose: (index: number) => void}) {
  const {lang, t} = useLang();
  const number = new Intl.NumberFormat(readerLocale(lang), {maximumFractionDigits: 0});
  const options = groups.map((g, i) => ({
    value: String(i),
    label: t('statement.ui.group.option', {from: number.format(g.start + 1), to: number.format(g.end), first: statements[g.start].name, last: statements[g.end - 1].name}),
  }));
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" width="100%" style={{gap: 8}} dataAttributes={{'data-testid': 'statement-groups'}}>
      <Select width="auto" aria-label={t('statement.ui.group.label')} options={options} value={String(chosen)} onChange={(value) => onChoose(Number(value))} />
      <Button disabled={chosen >= groups.length - 1} onClick={() => onChoose(chosen + 1)}>
        {t('statement.ui.group.next')}
      </Button>
      <Text textColor="light" width="100%">
        {t('statement.ui.group.hint', {size: number.format(size)})}
      </Text>
    </Box>
  );
}

const pageStyle: React.CSSProperties = {
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  padding: 16,
  marginBottom: 16,
  background: 'white',
  color: '#1d1f25',
  fontSize: 14,
  lineHeight: 1.5,
  overflowWrap: 'anywhere',
};

function StatementPage({statement, lang, currency}: {statement: Statement; lang: Lang; currency: StatementViewProps['plan']['currency']}) {
  const text = (message: Message) => say(message, lang);
  const [planLine, ...headerLines] = statement.header;
  return (
    <article className="spb-statement-page" data-testid="statement-page" aria-label={say({key: 'statement.ui.page', params: {name: statement.name}}, lang)} style={pageStyle}>
      <header style={{borderBottom: '2px solid #1d1f25', paddingBottom: 8, marginBottom: 12}}>
        <div style={{fontSize: 13, color: '#555'}}>{text(planLine)}</div>
        <h2 style={{margin: '4px 0', fontSize: 20}}>
          {text(statement.title)} · {statement.name}
        </h2>
        {headerLines.map((line, i) => (
          <div key={i}>{text(line)}</div>
        ))}
      </header>
      {statement.sections.map((section) => (
        <section key={section.name} data-section={section.name} style={{marginBottom: 12, breakInside: section.name === 'pay' ? 'avoid' : undefined}}>
          <h3 style={{fontSize: 15, margin: '0 0 4px', borderBottom: '1px solid #d9d9d9'}}>{text(section.heading)}</h3>
          {section.name === 'pay' ? (
            <PayTable statement={statement} lang={lang} currency={currency} />
          ) : (
            <ul style={{margin: 0, paddingLeft: 20}}>
              {section.lines.map((line, i) => (
                <li key={i}>{text(line)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {statement.notes.map((note, i) => (
        <p key={i} role="note" style={{margin: 0, color: '#8a5a00', fontWeight: 600}}>
          {text(note)}
        </p>
      ))}
    </article>
  );
}

/** The pay lines as label / amount, total pay in bold, the balance carried on after it. */
function PayTable({statement, lang, currency}: {statement: Statement; lang: Lang; currency: StatementViewProps['plan']['currency']}) {
  const rows: {key: string; label: string; amount: string}[] = statement.pay.map((line) => ({key: line.component, label: say({key: `statement.pay.${line.component}`, params: {}}, lang), amount: moneyText(line.amount, currency)[lang]}));
  if (statement.balance !== null) rows.push({key: 'balance', label: say({key: 'statement.pay.balance', params: {}}, lang), amount: moneyText(statement.balance, currency)[lang]});
  return (
    <table style={{borderCollapse: 'collapse', width: '100%', maxWidth: 420}}>
      <tbody>
        {rows.map((row) => {
          const total = row.key === 'totalPay';
          return (
            <tr key={row.key} data-testid={`statement-${row.key}`} style={total ? {fontWeight: 700, borderTop: '1px solid #1d1f25'} : undefined}>
              <th scope="row" style={{textAlign: 'left', fontWeight: 'inherit', padding: '2px 8px 2px 0'}}>
                {row.label}
              </th>
              <td style={{textAlign: 'right', padding: '2px 0', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap'}}>{row.amount}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
