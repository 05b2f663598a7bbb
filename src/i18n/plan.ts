import type {Text} from '../plan';

/** Catalogue part: see src/i18n/index.ts. */
export const planMessages = {} satisfies Record<string, Text>;
