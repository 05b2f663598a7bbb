/**
 * One chart in the panel: a heading, the chart in a box of a fixed height (chart.js fills its
 * parent), and an optional note under it.
 */
import type {ReactNode} from 'react';
import {Box, Heading, Text} from '@airtable/blocks/ui';

export function ChartCard({title, height, note, children}: {title: string; height: number; note?: string; children: ReactNode}) {
  return (
    <Box as="section" aria-label={title} marginBottom={3}>
      <Heading size="xsmall" marginBottom={1}>
        {title}
      </Heading>
      <Box position="relative" width="100%" style={{height}}>
        {children}
      </Box>
      {note ? (
        <Text size="default" textColor="light" marginTop={1}>
          {note}
        </Text>
      ) : null}
    </Box>
  );
}
