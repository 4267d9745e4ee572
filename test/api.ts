/**
 * Helpers for the /api/v1 route tests: they call the exported handlers directly with standard
 * Requests, against the in-memory SQLite store. Every account gets a fresh email and a fresh
 * client address, so rate limits counted in one test never spill into another.
 */
// The helpers live per area; this module re-exports them so every test keeps importing '@/test/api'.
export * from './api-accounts';
export * from './api-chat';
export * from './api-requests';
