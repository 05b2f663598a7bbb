import type {Text} from '../plan';

/** Catalogue part: see src/i18n/index.ts. */
export const runMessages = {} satisfies Record<string, Text>;
