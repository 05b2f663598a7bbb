/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {jsc: {parser: {syntax: 'typescript', tsx: true}, transform: {react: {runtime: 'automatic'}}, target: 'es2020'}},
    ],
  },
  globalSetup: '<rootDir>/test/setup/buildAutomation.js',
  setupFiles: ['<rootDir>/test/setup/polyfills.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/jest-dom.ts'],
  // Every suite passes, but since the results-table tests landed one handle (a timer of the
  // simulated SDK, still to be traced) keeps the process alive after the run: CI must not wait
  // on it for 90 minutes.
  forceExit: true,
};
