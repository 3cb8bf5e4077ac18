export { readDeadline } from './readDeadline';
export type { DeadlineKind, DeadlineReading } from './readDeadline';
