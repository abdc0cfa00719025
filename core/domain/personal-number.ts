// Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer):
// format, a real date (day + 60 for a coordination number), and the Luhn check digit.

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

export type PersonalNumberProblem = 'format' | 'date' | 'check-digit';

export function checkPersonalNumber(value: string): PersonalNumberProblem | null {
  const match = PATTERN.exec(value.replace(/\s/g, ''));
  if (!match) return 'format';
  const [, century, yy, mm, dd, , serial, check] = match as unknown as string[];
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  const year = century ? Number(century + yy) : 2000 + Number(yy);
  const candidates = century ? [year] : [year, year - 100];
  const validDate = candidates.some((y) => {
    const date = new Date(Date.UTC(y, Number(mm) - 1, day));
    return date.getUTCFullYear() === y && date.getUTCMonth() === Number(mm) - 1 && date.getUTCDate() === day;
  });
  if (!validDate) return 'date';
  const digits = `${yy}${mm}${dd}${serial}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10 === Number(check) ? null : 'check-digit';
}
