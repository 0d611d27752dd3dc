// The places and times tests share. Most domain tests run on a simulated clock: "today" is
// 15 June 2031 in Asia/Jakarta (NOW), so every expected number is computed by hand and never
// depends on the day the tests run.
import { calendarToday } from "~/utils/dates";

export const PLACES = {
  TZ: "Asia/Jakarta",
  /** Kota Pontianak, the chapter every factory builds */
  CITY: "61.71",
  /** Pontianak Selatan */
  D01: "61.71.01",
  /** Pontianak Utara */
  D04: "61.71.04",
  /** Benuamelayu Laut, in Pontianak Selatan */
  V1002: "61.71.01.1002",
  /** Benuamelayu Darat, in Pontianak Selatan */
  V1003: "61.71.01.1003",
  /** Siantan Hulu, in Pontianak Utara */
  V0401: "61.71.04.1001",
  /** Sungai Raya, Kabupaten Kubu Raya: outside the chapter */
  OUTSIDE: "61.12.01.2001",
} as const;

/** A moment given as a wall-clock time in Jakarta (WIB, UTC+7). */
export const wib = (date: string, time = "09:00") => new Date(`${date}T${time}:00+07:00`);

/** The simulated "now": 15 June 2031, 10:00 WIB. */
export const NOW = wib("2031-06-15", "10:00");

/** The simulated calendar day (UTC midnight of 15 June 2031). */
export const TODAY = calendarToday(PLACES.TZ, NOW);
