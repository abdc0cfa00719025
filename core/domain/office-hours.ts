// A team's office hours: on working days (the Swedish calendar decides which), from `opens` to `closes`,
// Stockholm time. The directory may set them per team; otherwise the default holds.
import type { LocalTime } from './calendar.ts';

export interface OfficeHours {
  opens: LocalTime;
  closes: LocalTime;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { opens: '08:00', closes: '17:00' };
