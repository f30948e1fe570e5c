// The same contract tests on the PostgreSQL backend (a real server, or a throwaway one: see database.ts).
process.env.PBXMOD_TEST_BACKEND = 'postgres';
await import('../license.test.js');
