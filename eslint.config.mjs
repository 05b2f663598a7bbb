import tseslint from 'typescript-eslint';

export default tseslint.config(
  {ignores: ['node_modules', 'dist', 'build', 'artifacts', '**/*.js', '**/*.mjs']},
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // The core is pure: no React, no Airtable.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {patterns: ['react', 'react-*', '@airtable/*']}],
    },
  },
);
