import type {Text} from '../plan';

/** Catalogue part: see src/i18n/index.ts. */
export const engineMessages = {} satisfies Record<string, Text>;
