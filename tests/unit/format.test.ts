import { describe, expect, it } from "vitest";
import {
  formatCalendarDateLong,
  formatCalendarDateShort,
  formatDateLong,
  formatDateShort,
  formatMonth,
  formatRupiah,
  formatTime,
  maskNik,
  romanMonth,
  zoneAbbreviation,
} from "~/utils/format";
import { isoCalendarDate } from "~/utils/dates";

describe("dates in Indonesian", () => {
  // 20 Jan 2026 23:30 UTC is already 21 January in WIB, WITA and WIT.
  const moment = new Date("2026-01-20T23:30:00Z");

  it("writes dates as in letters and tables, in the chapter's time zone", () => {
    expect(formatDateLong(moment, "UTC")).toBe("20 Januari 2026");
    expect(formatDateLong(moment, "Asia/Jakarta")).toBe("21 Januari 2026");
    expect(formatDateShort(moment, "Asia/Makassar")).toBe("21/01/2026");
    expect(formatTime(moment, "Asia/Jakarta")).toBe("06.30");
    expect(formatTime(moment, "Asia/Jayapura")).toBe("08.30");
  });

  it("shows calendar dates as stored, whatever the zone", () => {
    const birth = new Date(Date.UTC(1990, 7, 17));
    expect(formatCalendarDateLong(birth)).toBe("17 Agustus 1990");
    expect(formatCalendarDateShort(birth)).toBe("17/08/1990");
  });

  it("puts an instant on the chapter's calendar day: a report sent at 00:53 WIB on 3 December is on 3 December", () => {
    const sent = new Date("2026-12-02T17:53:00Z"); // 00:53 WIB, 01:53 WITA, 02:53 WIT on 3 December
    expect(formatCalendarDateShort(sent)).toBe("03/12/2026");
    expect(formatCalendarDateShort(sent, "Asia/Jakarta")).toBe("03/12/2026");
    expect(formatCalendarDateLong(sent, "Asia/Jakarta")).toBe("3 Desember 2026");
    expect(isoCalendarDate(sent, "Asia/Jakarta")).toBe("2026-12-03");
    // 00:30 WITA on 3 December is still 2 December in WIB: the chapter's zone decides.
    const banjarbaru = new Date("2026-12-02T16:30:00Z");
    expect(formatCalendarDateShort(banjarbaru, "Asia/Makassar")).toBe("03/12/2026");
    expect(formatCalendarDateShort(banjarbaru, "Asia/Jakarta")).toBe("02/12/2026");
    expect(isoCalendarDate(banjarbaru, "Asia/Makassar")).toBe("2026-12-03");
    // 00:10 WIT on 3 December.
    const jayapura = new Date("2026-12-02T15:10:00Z");
    expect(formatCalendarDateLong(jayapura, "Asia/Jayapura")).toBe("3 Desember 2026");
    expect(formatCalendarDateLong(jayapura, "Asia/Makassar")).toBe("2 Desember 2026");
    // The month of an instant just after midnight on the 1st is the new month.
    expect(formatMonth(new Date("2026-11-30T17:53:00Z"), "Asia/Jakarta")).toBe("Desember 2026");
  });

  it("keeps calendar dates stored at UTC midnight on their day in every Indonesian zone", () => {
    const day = new Date(Date.UTC(2026, 11, 3));
    for (const zone of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]) {
      expect(formatCalendarDateShort(day, zone)).toBe("03/12/2026");
      expect(formatCalendarDateLong(day, zone)).toBe("3 Desember 2026");
      expect(formatMonth(day, zone)).toBe("Desember 2026");
      expect(isoCalendarDate(day, zone)).toBe("2026-12-03");
    }
    expect(formatMonth("2026-12-01")).toBe("Desember 2026");
  });

  it("names the Indonesian time zones", () => {
    expect(zoneAbbreviation("Asia/Jakarta")).toBe("WIB");
    expect(zoneAbbreviation("Asia/Makassar")).toBe("WITA");
    expect(zoneAbbreviation("Asia/Jayapura")).toBe("WIT");
  });
});

describe("money and identifiers", () => {
  it("writes whole rupiah without a space and with dots", () => {
    expect(formatRupiah(1_250_000)).toBe("Rp1.250.000");
    expect(formatRupiah(0)).toBe("Rp0");
    expect(formatRupiah(-5_000)).toBe("-Rp5.000");
    expect(formatRupiah(470_000_000)).toBe("Rp470.000.000");
  });

  it("masks an NIK except its region part and serial", () => {
    expect(maskNik("6171015708900003")).toBe("6171********0003");
    expect(maskNik("123")).toBe("***");
  });

  it("writes letter-number months in Roman numerals", () => {
    expect(romanMonth(3)).toBe("III");
    expect(romanMonth(12)).toBe("XII");
    expect(() => romanMonth(13)).toThrow(RangeError);
  });
});
