// ESLint (flat config): typescript-eslint's recommended rules for all
// TypeScript, React's rules of hooks for the client. Formatting is not
// linted; the rules are about mistakes. Generated code and build output are
// skipped.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'server/db/generated/', 'test-results/', 'data/', 'models/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (`const { hash: _hash, ...user } = row`).
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules. The React Compiler rules of plugin v7
    // (set-state-in-effect, refs, use-memo) are for code the compiler
    // rewrites; this client does not use the compiler.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    // Tests read JSON bodies whose shape the assertions themselves check.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
