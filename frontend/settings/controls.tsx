/**
 * Small building blocks of the settings screen: a collapsible section, issue notes shown next to
 * the control they concern, and inputs that keep what the user typed.
 */
import {useEffect, useState} from 'react';
import type React from 'react';
import {Box, FormField, Input, Text} from '@airtable/blocks/ui';
import type {Text as Bilingual} from '../../src/plan';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';

/** A section whose body folds away, so that a long plan stays navigable. */
export function Section({
  title,
  defaultOpen = false,
  badge,
  children,
}: {
  title: string;
  defaultOpen?: boolean;
  /** Shown beside the title even when folded, e.g. "2 errors". */
  badge?: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <Box border="thick" borderRadius="large" marginBottom={2} padding={2}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        style={{all: 'unset', cursor: 'pointer', display: 'flex', width: '100%', fontWeight: 600, fontSize: 15}}
      >
        <span style={{width: 16}}>{open ? '▾' : '▸'}</span>
        <span style={{flex: 1}}>{title}</span>
        {badge ? <span style={{color: '#d9363e', fontWeight: 400, fontSize: 13}}>{badge}</span> : null}
      </button>
      {open ? <Box marginTop={2}>{children}</Box> : null}
    </Box>
  );
}

/** The validator's issues for one control, in the user's language; errors red, warnings amber. */
export function IssueNotes({issues}: {issues: readonly Issue[]}) {
  const {tx} = useLang();
  if (issues.length === 0) return null;
  return (
    <Box marginTop={1} marginBottom={1}>
      {issues.map((issue, i) => (
        <Text
          key={`${issue.code}-${i}`}
          role={issue.severity === 'error' ? 'alert' : 'status'}
          textColor={issue.severity === 'error' ? '#d9363e' : '#b87503'}
        >
          {issue.severity === 'error' ? '✖ ' : '⚠ '}
          {tx(issue.message)}
        </Text>
      ))}
    </Box>
  );
}

/** A labelled control with its issues beneath it. */
export function Field({
  label,
  issues = [],
  children,
  width,
}: {
  label: string;
  issues?: readonly Issue[];
  children: React.ReactNode;
  width?: string;
}) {
  return (
    <FormField label={label} marginBottom={2} width={width}>
      {children}
      <IssueNotes issues={issues} />
    </FormField>
  );
}

/**
 * A decimal typed as text: decimals in the plan are strings, so what the user types is kept
 * exactly ("0.050", "60.") and the validator, not the input, says when it is not a number.
 */
export function DecimalInput({
  label,
  value,
  onChange,
  issues,
  width = '140px',
  suffix,
}: {
  label: string;
  value: string | undefined;
  onChange: (next: string) => void;
  issues?: readonly Issue[];
  width?: string;
  suffix?: string;
}) {
  return (
    <Field label={label} issues={issues} width={width}>
      <Box display="flex" alignItems="center">
        <Input value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
        {suffix ? <Text marginLeft={1}>{suffix}</Text> : null}
      </Box>
    </Field>
  );
}

/**
 * A whole number (a depth, a count). The text stays as typed while it is not a whole number yet,
 * and the plan only receives whole numbers.
 */
export function IntInput({
  label,
  value,
  onChange,
  min = 0,
  issues,
  width = '120px',
}: {
  label: string;
  value: number | undefined;
  onChange: (next: number | undefined) => void;
  min?: number;
  issues?: readonly Issue[];
  width?: string;
}) {
  const [textValue, setTextValue] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    // Follow outside changes (a template applied, an import) without fighting the user's typing;
    // `textValue` is deliberately not a dependency: typing must not reset itself.
    if (value === undefined ? textValue !== '' : String(value) !== textValue.trim()) {
      setTextValue(value === undefined ? '' : String(value));
    }
  }, [value]);
  return (
    <Field label={label} issues={issues} width={width}>
      <Input
        value={textValue}
        onChange={(e) => {
          const typed = e.target.value;
          setTextValue(typed);
          if (typed.trim() === '') onChange(undefined);
          else if (/^\d+$/.test(typed.trim()) && Number(typed) >= min) onChange(Number(typed));
        }}
      />
    </Field>
  );
}

/** A text in both languages, side by side: every label the plan writes exists in zh and en. */
export function BilingualInput({
  label,
  value,
  onChange,
  issues,
}: {
  label: string;
  value: Bilingual | undefined;
  onChange: (next: Bilingual) => void;
  issues?: readonly Issue[];
}) {
  const {t} = useLang();
  const current = value ?? {zh: '', en: ''};
  return (
    <Box display="flex" flexWrap="wrap">
      <Box marginRight={2} flex="1 1 180px">
        <Field label={`${label} (${t('settings.lang.zhShort')})`}>
          <Input value={current.zh} onChange={(e) => onChange({...current, zh: e.target.value})} />
        </Field>
      </Box>
      <Box flex="1 1 180px">
        <Field label={`${label} (${t('settings.lang.enShort')})`} issues={issues}>
          <Input value={current.en} onChange={(e) => onChange({...current, en: e.target.value})} />
        </Field>
      </Box>
    </Box>
  );
}

/** A horizontal row of controls that wraps on narrow extension panes. */
export function Row({children}: {children: React.ReactNode}) {
  return (
    <Box display="flex" flexWrap="wrap" style={{gap: 8}}>
      {children}
    </Box>
  );
}
