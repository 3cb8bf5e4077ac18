/**
 * The one API between the UI and the rest. The Electron preload exposes it as `window.soan` (one function per
 * operation, over IPC); the loopback HTTP host serves the very same interface for the browser.
 *
 * The methods are defined once, in methods.ts (arguments as valibot schemas, the answer's type, whether it is an
 * edit of a plan); `SoanApi` is derived from those definitions. This file only re-exports types and the shapes,
 * so the renderer, which imports it, never bundles the validator library.
 */
export * from './shapes';
export type { SoanApi, ApiMethod, PlanEditMethod } from './methods';
