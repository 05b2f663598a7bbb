/**
 * @airtable/blocks-testing installs its interface on `window` when first imported. In a plain
 * Node process (the headless run, the bench's node parts) there is no window: import this module
 * BEFORE anything that imports @airtable/blocks or @airtable/blocks-testing.
 *
 * The SDK keeps timers alive after the work is done: a Node script should end with
 * `process.exit(code)` rather than wait for the event loop to drain.
 */
const globals = globalThis as unknown as {
  window?: unknown;
  requestAnimationFrame?: (callback: (time: number) => void) => unknown;
  cancelAnimationFrame?: (handle: unknown) => void;
};
if (typeof globals.window === 'undefined') globals.window = globalThis;
// react-dom (loaded by the SDK) warns without these; nothing is painted in Node anyway.
if (typeof globals.requestAnimationFrame === 'undefined') {
  globals.requestAnimationFrame = (callback) => setTimeout(() => callback(Date.now()), 0);
  globals.cancelAnimationFrame = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>);
}

export {};
