// Values typed into forms, read by the shared field schemas: rupiah, texts, dates, choices.
import { describe, expect, it } from "vitest";
import { parseAid } from "~/validation/activities";
import {
  birthDate,
  calendarDate,
  cleanText,
  dateBounds,
  MAX_RUPIAH,
  optionalCalendarDate,
  optionalText,
  parsePage,
  parseRupiah,
  readRupiah,
  requiredText,
  rupiahAmount,
  rupiahAmountOrZero,
} from "~/validation/fields";
import { memberFormSchema, searchTerm, statusChangeSchema } from "~/validation/members";
import { parseCourseCompetencies } from "~/validation/trainings";
import { financeSettingsSchema, moneyEntrySchema, parseProgrammeSubmission, partnerSchema, programmeSchema } from "~/validation/programmes";

const MSG = {
  rupiah: "Isi jumlah dalam rupiah tanpa desimal, lebih dari 0, misalnya 1.250.000.",
  rupiahOrZero: "Isi jumlah dalam rupiah tanpa desimal, misalnya 1.250.000 atau Rp 1.250.000 (0 boleh).",
  negative: "Jumlah tidak boleh negatif. Untuk membetulkan catatan, batalkan catatan itu dengan entri koreksi.",
  tooLarge: "Jumlah terlalu besar (paling banyak Rp 1.000.000.000.000).",
  required: "Wajib diisi.",
  date: "Masukkan tanggal yang benar.",
  future: "Tanggal tidak boleh di masa depan.",
};

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("rupiah: one parser for every money field", () => {
  // [typed, amount read or null, message when refused by an amount above zero]
  const table: [string, number | null, string | null][] = [
    ["1500000", 1_500_000, null],
    ["1.500.000", 1_500_000, null],
    ["Rp 1.500.000", 1_500_000, null],
    ["Rp1.500.000", 1_500_000, null],
    ["rp. 1.500.000", 1_500_000, null],
    [" 1 500 000 ", 1_500_000, null],
    ["Rp\u00a01.500.000", 1_500_000, null], // as Intl writes it, copied back from a page
    ["1.500.000,00", 1_500_000, null], // a zero fraction, as accounting writes it: the same whole amount
    ["1.500.000,-", 1_500_000, null],
    ["1.500", 1_500, null],
    ["1.5", null, MSG.rupiah], // never Rp15
    ["1,5", null, MSG.rupiah],
    ["1.500.000,50", null, MSG.rupiah], // rupiah has no cents
    ["1,500,000", null, MSG.rupiah], // an English amount is not guessed at
    ["1.50.000", null, MSG.rupiah],
    ["15.00", null, MSG.rupiah],
    ["1 5", null, MSG.rupiah],
    ["1e6", null, MSG.rupiah],
    ["0x10", null, MSG.rupiah],
    ["", null, MSG.rupiah],
    ["   ", null, MSG.rupiah],
    ["abc", null, MSG.rupiah],
    ["Rp", null, MSG.rupiah],
    ["-5", null, MSG.negative],
    ["-Rp 5.000", null, MSG.negative],
    ["Rp -5.000", null, MSG.negative],
    ["0", 0, MSG.rupiah],
    ["1000000000000", 1_000_000_000_000, null],
    ["1.000.000.000.001", null, MSG.tooLarge],
    ["99999999999999999999999", null, MSG.tooLarge],
  ];

  it.each(table)("%j -> %s", (typed, amount, refusal) => {
    expect(parseRupiah(typed)).toBe(amount);
    const schema = rupiahAmount.safeParse(typed);
    if (refusal) {
      expect(schema.success).toBe(false);
      expect(firstMessage(schema)).toBe(refusal);
    } else {
      expect(schema).toEqual({ success: true, data: amount });
    }
  });

  it("the largest amount is a safe integer, and zero is taken where zero makes sense", () => {
    expect(Number.isSafeInteger(MAX_RUPIAH)).toBe(true);
    expect(rupiahAmountOrZero.safeParse("0")).toEqual({ success: true, data: 0 });
    expect(firstMessage(rupiahAmountOrZero.safeParse("1.5"))).toBe(MSG.rupiahOrZero);
    expect(readRupiah("-1", { allowZero: true })).toEqual({ ok: false, message: MSG.negative });
  });

  it("every money field of the forms refuses 1.5 and 1,5 and reads Rp 1.500.000", () => {
    const programme = {
      name: "Program",
      goal: "Tujuan",
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      fundingSource: "csr",
      coordinatorId: "c1",
    };
    const money = { idempotencyKey: "key-12345678", kind: "spending", date: "2026-02-01", purpose: "Beli beras" };
    for (const typed of ["1.5", "1,5"]) {
      expect(programmeSchema.safeParse({ ...programme, budget: typed }).success).toBe(false);
      expect(moneyEntrySchema.safeParse({ ...money, amount: typed }).success).toBe(false);
      expect(financeSettingsSchema.safeParse({ financeApprovalThreshold: typed }).success).toBe(false);
      expect(parsePartnerSubmissionForTest(typed)).toEqual({ committedError: MSG.rupiahOrZero });
      expect(parseAid(aidForm(typed)).fieldErrors["aid.0.value"]).toBe("Isi nilai dalam rupiah tanpa desimal, misalnya 150.000.");
    }
    expect(programmeSchema.parse({ ...programme, budget: "Rp 1.500.000" }).budget).toBe(1_500_000);
    expect(moneyEntrySchema.parse({ ...money, amount: "Rp 1.500.000" }).amount).toBe(1_500_000);
    expect(financeSettingsSchema.parse({ financeApprovalThreshold: "Rp 1.500.000" }).financeApprovalThreshold).toBe(1_500_000);
    expect(parsePartnerSubmissionForTest("Rp 1.500.000")).toEqual({ committed: 1_500_000 });
    expect(parseAid(aidForm("Rp 1.500.000")).entries[0]!.value).toBe(1_500_000);
    expect(parseAid(aidForm("-5")).fieldErrors["aid.0.value"]).toBe(MSG.negative);
  });
});

/** The committed amount of a programme's first partner, as the programme form posts it. */
function parsePartnerSubmissionForTest(committed: string) {
  const form = new FormData();
  const fields = {
    name: "Program",
    goal: "Tujuan",
    startDate: "2026-01-01",
    endDate: "2026-12-31",
    budget: "10.000.000",
    fundingSource: "csr",
    coordinatorId: "c1",
  };
  for (const [key, v] of Object.entries(fields)) form.set(key, v);
  form.set("partner.0.partnerId", "p1");
  form.set("partner.0.committed", committed);
  const result = parseProgrammeSubmission(form);
  return result.ok ? { committed: result.partners[0]!.committed } : { committedError: result.fieldErrors["partner.0.committed"] };
}

function aidForm(value: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  const all = {
    "aid.0.item": "Beras",
    "aid.0.quantity": "10",
    "aid.0.unit": "kg",
    "aid.0.value": value,
    "aid.0.source": "apbd",
    ...fields,
  };
  for (const [key, v] of Object.entries(all)) form.set(key, v);
  return form;
}

describe("texts: control characters, line breaks and limits", () => {
  it.each([
    ["Budi\u0000 Santoso", false, "Budi Santoso"],
    ["Budi\u0007\u001b\u007f\u0085 Santoso", false, "Budi Santoso"],
    ["Jl. Merdeka\r\nNo. 5", false, "Jl. Merdeka No. 5"],
    ["Jl. Merdeka\r\nNo. 5\u0000", true, "Jl. Merdeka\nNo. 5"],
    ["baris satu\rbaris dua\u2028tiga", true, "baris satu\nbaris dua\ntiga"],
    ["kolom\tkedua", false, "kolom kedua"],
    ["  spasi  ", false, "spasi"],
  ])("cleanText(%j, multiline %s) -> %j", (typed, multiline, kept) => {
    expect(cleanText(typed, multiline)).toBe(kept);
  });

  it("refuses a text above its limit with the limit in the message, never cuts it", () => {
    expect(requiredText(200).safeParse("a".repeat(200))).toEqual({ success: true, data: "a".repeat(200) });
    expect(firstMessage(requiredText(200).safeParse("a".repeat(201)))).toBe("Terlalu panjang (paling banyak 200 karakter).");
    expect(firstMessage(optionalText(100).safeParse("a".repeat(100_000)))).toBe("Terlalu panjang (paling banyak 100 karakter).");
    // the control characters removed do not count
    expect(requiredText(5).safeParse("ab\u0000\u0000\u0000\u0000cde")).toEqual({ success: true, data: "abcde" });
  });

  it("a text made only of control characters is empty, so a required one is refused", () => {
    expect(firstMessage(requiredText(50).safeParse("\u0000\u0001 \n"))).toBe(MSG.required);
    expect(optionalText(50).safeParse("\u0000")).toEqual({ success: true, data: null });
  });

  it("the forms keep line breaks in addresses and notes and strip NUL everywhere", () => {
    const partner = partnerSchema.parse({
      name: "PT\u0000 Maju",
      kind: "perusahaan",
      status: "aktif",
      address: "Jl. A\r\nPontianak",
      notes: "satu\ndua\u0000",
    });
    expect(partner).toMatchObject({ name: "PT Maju", address: "Jl. A\nPontianak", notes: "satu\ndua" });
    expect(firstMessage(partnerSchema.safeParse({ name: "x".repeat(201), kind: "perusahaan", status: "aktif" }))).toBe(
      "Terlalu panjang (paling banyak 200 karakter).",
    );
  });

  it("refuses an aid item or unit above its limit instead of cutting it", () => {
    const aid = parseAid(aidForm("10.000", { "aid.0.item": "b".repeat(201), "aid.0.unit": "u".repeat(31) }));
    expect(aid.entries).toEqual([]);
    expect(aid.fieldErrors).toMatchObject({
      "aid.0.item": "Terlalu panjang (paling banyak 200 karakter).",
      "aid.0.unit": "Terlalu panjang (paling banyak 30 karakter).",
    });
  });
});

describe("dates: real calendar days in a sensible range", () => {
  const { min, max } = dateBounds();
  const dmy = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("-");
  const rangeMessage = `Tanggal harus antara ${dmy(min)} dan ${dmy(max)}.`;
  const thisYear = new Date().getUTCFullYear();

  it.each([
    ["2026-03-15", null],
    [`${thisYear + 30}-12-31`, null],
    ["1950-01-01", null],
    ["9999-12-31", rangeMessage],
    [`${thisYear + 31}-01-01`, rangeMessage],
    ["1949-12-31", rangeMessage],
    ["1000-01-01", rangeMessage],
    ["31/02/2026", MSG.date],
    ["2026-02-31", MSG.date],
    ["2026-13-45", MSG.date],
    ["2026-1-5", MSG.date],
    ["2026-03-15\u0000", MSG.date],
    ["", MSG.required],
  ])("calendarDate %j", (typed, refusal) => {
    const result = calendarDate.safeParse(typed);
    expect(result.success).toBe(refusal === null);
    if (refusal) expect(firstMessage(result)).toBe(refusal);
    if (typed) expect(optionalCalendarDate.safeParse(typed).success).toBe(refusal === null);
  });

  it("says the allowed range in the message", () => {
    expect(rangeMessage).toMatch(/^Tanggal harus antara 01-01-1950 dan 31-12-\d{4}\.$/);
  });

  it("a birth date is not in the future and not more than 100 years ago", () => {
    const now = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
    const hundredAgo = new Date(Date.UTC(now.getUTCFullYear() - 100, now.getUTCMonth(), now.getUTCDate()));
    const beforeThat = new Date(hundredAgo.getTime() - 86_400_000);
    expect(birthDate.safeParse(iso(hundredAgo)).success).toBe(true);
    expect(firstMessage(birthDate.safeParse(iso(tomorrow)))).toBe(MSG.future);
    expect(firstMessage(birthDate.safeParse("9999-12-31"))).toBe(MSG.future);
    expect(firstMessage(birthDate.safeParse(iso(beforeThat)))).toBe(
      `Tanggal lahir paling awal ${iso(hundredAgo).split("-").reverse().join("-")} (usia paling tinggi 100 tahun).`,
    );
  });

  it("the member form refuses a join date of 9999-12-31 beside the field", () => {
    const member = {
      fullName: "Siti Aminah",
      nik: "6171014508900001",
      sex: "P",
      birthDate: "1990-08-05",
      address: "Jl. Gajah Mada 1",
      villageCode: "61.71.01.1001",
      joinDate: "9999-12-31",
      membershipType: "biasa",
    };
    const result = memberFormSchema.safeParse(member);
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === "joinDate")?.message).toBe(rangeMessage);
    expect(memberFormSchema.safeParse({ ...member, joinDate: "2020-01-01" }).success).toBe(true);
  });
});

describe("choices: an unknown value is refused, never replaced by a default", () => {
  const member = {
    fullName: "Siti Aminah",
    nik: "6171014508900001",
    sex: "P",
    birthDate: "1990-08-05",
    address: "Jl. Gajah Mada 1",
    villageCode: "61.71.01.1001",
    joinDate: "2020-01-01",
    membershipType: "biasa",
  };
  it.each([
    ["sex", "X", "Pilih jenis kelamin."],
    ["sex", "", "Pilih jenis kelamin."],
    ["membershipType", "istimewa", null],
    ["membershipType", "", null],
  ])("member %s = %j", (field, value, message) => {
    const result = memberFormSchema.safeParse({ ...member, [field]: value });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue).toBeDefined();
    if (message) expect(issue!.message).toBe(message);
  });

  it("a status, a funding source and a money kind outside their lists are refused", () => {
    expect(statusChangeSchema.safeParse({ status: "hilang", effectiveDate: "2026-01-01", reason: "Alasan" }).success).toBe(false);
    expect(firstMessage(statusChangeSchema.safeParse({ status: "hilang", effectiveDate: "2026-01-01", reason: "Alasan" }))).toBe(
      "Pilih status.",
    );
    expect(
      programmeSchema.safeParse({
        name: "P",
        goal: "T",
        startDate: "2026-01-01",
        endDate: "2026-02-01",
        budget: "1000",
        fundingSource: "bank",
        coordinatorId: "c",
      }).success,
    ).toBe(false);
    expect(
      moneyEntrySchema.safeParse({ idempotencyKey: "key-12345678", kind: "gift", date: "2026-02-01", amount: "1000", purpose: "x" })
        .success,
    ).toBe(false);
    expect(partnerSchema.safeParse({ name: "PT", kind: "rahasia", status: "aktif" }).success).toBe(false);
    expect(partnerSchema.safeParse({ name: "PT", kind: "perusahaan", status: "dibekukan" }).success).toBe(false);
  });
});

describe("values from a URL's query", () => {
  it.each([
    ["1", 1],
    ["7", 7],
    [null, 1],
    ["", 1],
    ["0", 1],
    ["-3", 1],
    ["2.5", 1],
    ["abc", 1],
    ["\u0000", 1],
    ["99999999999999999999", 100_000],
  ])("page %j -> %i", (typed, page) => {
    expect(parsePage(typed)).toBe(page);
  });

  it("a name search is cleaned and at most 100 characters", () => {
    expect(searchTerm("  Siti\u0000 Aminah \n")).toBe("Siti Aminah");
    expect(searchTerm("a".repeat(100_000))).toBe("a".repeat(100));
    expect(searchTerm("\u0000")).toBeUndefined();
    expect(searchTerm(null)).toBeUndefined();
  });
});

describe("a course's competency levels", () => {
  it("takes the levels of the list and refuses any other, never replacing it by dasar", () => {
    const form = new FormData();
    for (const id of ["k1", "k2", "k3"]) form.append("competency", id);
    form.set("level.k1", "mahir");
    form.set("level.k3", "ahli");
    const chosen = parseCourseCompetencies(form);
    expect(chosen.entries).toEqual([
      { id: "k1", level: "mahir" },
      { id: "k2", level: "dasar" },
    ]);
    expect(chosen.fieldErrors).toEqual({ "level.k3": "Pilih tingkat kompetensi." });
  });
});
