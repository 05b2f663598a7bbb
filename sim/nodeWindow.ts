/**
 * @airtable/blocks-testing installs its interface on `window` when first imported. In a plain
 * Node process (the headless run, the bench's node parts, the fuzz and perf suites) there is no
 * window: import this module BEFORE anything that imports @airtable/blocks or
 * @airtable/blocks-testing.
 */
const globals = globalThis as unknown as {
  window?: unknown;
  MessageChannel?: unknown;
  requestAnimationFrame?: (callback: (time: number) => void) => unknown;
  cancelAnimationFrame?: (handle: unknown) => void;
};
if (typeof globals.window === 'undefined') {
  globals.window = globalThis;
  // React's scheduler (react-dom, loaded by the SDK) sees a window and Node's MessageChannel, opens
  // a channel and leaves a listener on its port for good: the process then never exits (a jest run
  // in band hung after the fuzz suite). Loaded once here without a MessageChannel, it schedules
  // with setTimeout, which holds the process only while React has work pending.
  const channel = globals.MessageChannel;
  delete globals.MessageChannel;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load between the two statements around it
    require('react-dom');
  } finally {
    globals.MessageChannel = channel;
  }
}
// react-dom (loaded by the SDK) warns without these; nothing is painted in Node anyway.
if (typeof globals.requestAnimationFrame === 'undefined') {
  globals.requestAnimationFrame = (callback) => setTimeout(() => callback(Date.now()), 0);
  globals.cancelAnimationFrame = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>);
}

export {};
