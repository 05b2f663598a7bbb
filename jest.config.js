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
};
