import type {Text} from '../plan';

/** Catalogue part: see src/i18n/index.ts. */
export const settingsMessages = {} satisfies Record<string, Text>;
