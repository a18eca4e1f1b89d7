export { DAY_MS, type DayInput, dayNumber, dayStart, formatDay, lastNDays, parseSiteDate, toUtcDay } from './day.ts';
export {
  cardsForDay,
  createSchedule,
  type SchedulableCard,
  type Schedule,
  type ScheduleOptions,
} from './schedule.ts';
