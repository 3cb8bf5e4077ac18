export { readDeadline } from './readDeadline';
export type { DeadlineKind, DeadlineReading, Recurrence } from './readDeadline';
