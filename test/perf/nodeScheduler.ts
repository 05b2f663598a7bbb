/**
 * Import first in a node-environment test that loads the SDK. React's scheduler (pulled in by
 * @airtable/blocks) opens a MessageChannel when one exists, as in Node 20; its port keeps jest
 * from exiting after the test. Without it the scheduler falls back to timers, as under jsdom.
 */
(globalThis as {MessageChannel?: unknown}).MessageChannel = undefined;

export {};
