import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-e2e/**',
      '.next-bench/**',
      '.scratch/**',
      '.data/**',
      '.partykit/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Ports are async so that every adapter fits; the synchronous SQLite one has nothing to await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Import env from @/lib/env instead of reading process.env.',
        },
        {
          selector: "VariableDeclarator[id.name='runtime'][init.value='edge']",
          message:
            'Next.js deprecated the edge runtime (every build warns): use the default Node.js runtime.',
        },
      ],
    },
  },
  {
    // Where process.env is the point: env parsing, the boot hook, configs, scripts and tests.
    files: [
      'lib/env.ts',
      'instrumentation.ts',
      'instrumentation-client.ts',
      '*.config.*',
      'scripts/**',
      'load/**',
      'e2e/**',
      '**/*.test.ts',
      'test/**',
      'bench/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
