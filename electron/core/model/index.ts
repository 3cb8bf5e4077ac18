export * from './types';
export * from './defaults';
export * from './numbering';
export * from './text';
export * from './dates';
export * from './fields';
export * from './rows';
