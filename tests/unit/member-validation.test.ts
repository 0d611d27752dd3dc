import { describe, expect, it } from "vitest";
import {
  ageOn,
  formatMemberNumber,
  formatPhone,
  memberFiltersQuery,
  memberFormSchema,
  nikDistrictCode,
  nikMatchesBirth,
  normalizePhone,
  parseCalendarDate,
  parseMemberFilters,
} from "~/validation/members";

const valid = {
  fullName: "Siti Aminah",
  nik: "6171015708900003", // 17-08-1990 + 40 for a woman
  sex: "P",
  birthDate: "1990-08-17",
  phone: "0812-3456-7890",
  email: "",
  address: "Jl. Tanjungpura No. 5",
  villageCode: "61.71.01.1001",
  joinDate: "2026-01-20",
  membershipType: "biasa",
};

const errorsOf = (input: Record<string, unknown>) => {
  const result = memberFormSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("NIK", () => {
  it("reads the kecamatan and checks the birth date, day + 40 for women", () => {
    expect(nikDistrictCode("6171015708900003")).toBe("61.71.01");
    expect(nikMatchesBirth("6171015708900003", new Date(Date.UTC(1990, 7, 17)), "P")).toBe(true);
    expect(nikMatchesBirth("6171015708900003", new Date(Date.UTC(1990, 7, 17)), "L")).toBe(false);
    expect(nikMatchesBirth("6171011708900003", new Date(Date.UTC(1990, 7, 17)), "L")).toBe(true);
    expect(nikMatchesBirth("6171011708900003", new Date(Date.UTC(1991, 7, 17)), "L")).toBe(false);
  });

  it("refuses a malformed NIK or one that disagrees with the birth date, in Indonesian", () => {
    expect(errorsOf(valid)).toEqual({});
    expect(errorsOf({ ...valid, nik: "61710157089000" }).nik).toBe("NIK harus 16 angka.");
    expect(errorsOf({ ...valid, nik: "617101570890000A" }).nik).toBe("NIK harus 16 angka.");
    expect(errorsOf({ ...valid, sex: "L" }).nik).toMatch(/^Tanggal lahir pada NIK tidak cocok/);
  });
});

describe("phone numbers", () => {
  it("accepts 08... and +62... and stores E.164", () => {
    expect(normalizePhone("0812-3456-7890")).toBe("+6281234567890");
    expect(normalizePhone("+62 812 3456 789")).toBe("+628123456789");
    expect(normalizePhone("6281234567890")).toBe("+6281234567890");
    expect(normalizePhone("0561 736000")).toBeNull();
    expect(normalizePhone("08123")).toBeNull();
    expect(formatPhone("+6281234567890")).toBe("0812-3456-7890");
    expect(memberFormSchema.parse({ ...valid, phone: "+6281234567890" }).phone).toBe("+6281234567890");
    expect(errorsOf({ ...valid, phone: "12345" }).phone).toBe("Nomor HP harus diawali 08 atau +62 dan berisi 10–13 angka.");
  });
});

describe("dates and age", () => {
  it("refuses impossible dates and members under 18 at joining", () => {
    expect(parseCalendarDate("2026-02-30")).toBeNull();
    expect(ageOn(new Date(Date.UTC(2008, 0, 21)), new Date(Date.UTC(2026, 0, 20)))).toBe(17);
    expect(ageOn(new Date(Date.UTC(2008, 0, 20)), new Date(Date.UTC(2026, 0, 20)))).toBe(18);
    const young = { ...valid, birthDate: "2008-01-21", nik: "6171016101080003" };
    expect(errorsOf(young).joinDate).toBe("Anggota harus berusia minimal 18 tahun saat bergabung.");
    expect(errorsOf({ ...valid, joinDate: "2026-13-01" }).joinDate).toBe("Masukkan tanggal yang benar.");
  });

  it("asks for the SK date when an SK number is given", () => {
    expect(errorsOf({ ...valid, skPsmNumber: "460/123/DINSOS/2025" }).skPsmDate).toBe("Isi tanggal SK PSM.");
  });
});

describe("member numbers", () => {
  it("follows the chapter's pattern", () => {
    expect(formatMemberNumber("{KODE}-{TAHUN}-{NOMOR:4}", { code: "PTK", year: 2026, serial: 42 })).toBe("PTK-2026-0042");
    expect(formatMemberNumber("IPSM/{KODE}/{NOMOR}", { code: "BJB", year: 2026, serial: 7 })).toBe("IPSM/BJB/7");
  });
});

describe("list filters in the URL", () => {
  it("reads only known values and writes them back", () => {
    const filters = parseMemberFilters(new URLSearchParams("q=siti&status=aktif&kecamatan=61.71.01&sort=joinDate&dir=desc&jenis=xx"));
    expect(filters).toEqual({
      search: "siti",
      status: "aktif",
      districtCode: "61.71.01",
      villageCode: undefined,
      membershipType: undefined,
      sort: "joinDate",
      direction: "desc",
    });
    expect(memberFiltersQuery(filters, { page: "2" })).toBe("?q=siti&status=aktif&kecamatan=61.71.01&sort=joinDate&dir=desc&page=2");
  });
});
