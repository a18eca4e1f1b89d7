export {
  assertValidDate,
  DAY_MS,
  type DayInput,
  dayNumber,
  dayStart,
  formatDay,
  ISO_DAY,
  lastNDays,
  parseIsoDay,
  parseSiteDate,
  toUtcDay,
} from './day.ts';
export {
  cardsForDay,
  createSchedule,
  type SchedulableCard,
  type Schedule,
  type ScheduleOptions,
} from './schedule.ts';
