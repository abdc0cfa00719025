// A team's office hours: on working days (the Swedish calendar decides which), from `opens` to `closes`,
// Stockholm time. The directory may set them per team; otherwise the default holds.
import { atLocalTime, isWorkingDay, localDayOf, localTimeOf, minutesOf, type LocalDay, type LocalTime } from './calendar.ts';

export interface OfficeHours {
  opens: LocalTime;
  closes: LocalTime;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { opens: '08:00', closes: '17:00' };

/** True when the team is at work at this instant: a working day, from opening up to (not including) closing. */
export function isWithinOfficeHours(instant: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS): boolean {
  if (!isWorkingDay(localDayOf(instant))) return false;
  const minute = minutesOf(localTimeOf(instant));
  return minutesOf(hours.opens) <= minute && minute < minutesOf(hours.closes);
}

/** When the team's day ends on `day`: what "by the end of the day" means for this team. */
export function closingTime(day: LocalDay, hours: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  return atLocalTime(day, hours.closes);
}
