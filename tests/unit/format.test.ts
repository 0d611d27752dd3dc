import { describe, expect, it } from "vitest";
import {
  formatCalendarDateLong,
  formatCalendarDateShort,
  formatDateLong,
  formatDateShort,
  formatRupiah,
  formatTime,
  maskNik,
  romanMonth,
  zoneAbbreviation,
} from "~/utils/format";

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
