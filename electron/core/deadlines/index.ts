export { readDeadline } from './readDeadline';
export type { DeadlineKind, DeadlinePeriod, DeadlineReading, Recurrence } from './readDeadline';
