import type {Text} from '../plan';

/**
 * Messages of the calculation core (validator, engine, explanation). Keys are stable; the same
 * key is the issue `code` where an issue carries the message.
 */
export const coreMessages = {
  'plan.example': {zh: '示例', en: 'Example'},
} satisfies Record<string, Text>;
