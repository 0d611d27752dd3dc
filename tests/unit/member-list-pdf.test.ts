import { describe, expect, it } from "vitest";
import { renderMemberListPdf } from "~/documents/pdf/render.server";
import { pdfText } from "../support/pdf-text";

const chapter = {
  name: "IPSM Kota Banjarbaru",
  timeZone: "Asia/Makassar",
  letterheadSubtitle: "KOTA BANJARBARU",
  address: "Jl. Panglima Batur, Banjarbaru",
  phone: null,
  email: "ipsm@contoh.id",
  website: null,
};

const members = Array.from({ length: 100 }, (_, i) => ({
  fullName: `Anggota ${String(i + 1).padStart(3, "0")}${i % 4 === 0 ? " Binti Muhammad Abdurrahman Syafi'i" : ""}`,
  // a candidate may have no number yet
  memberNumber: i === 99 ? null : `BJB-2020-${String(i + 1).padStart(4, "0")}`,
  nik: "6372014107900001",
  sex: i % 2 ? "L" : "P",
  status: i % 10 === 0 ? "mengundurkan_diri" : "aktif",
  joinDate: new Date(Date.UTC(2020, 0, 20)),
  village: { name: "Guntung Paikat", parent: { name: "Banjarbaru Selatan" } },
}));

// Rendering takes seconds when the machine is busy (other suites running beside).
describe("member list PDF", { timeout: 30_000 }, () => {
  it("lists every member once, numbered, across pages, with the letterhead and the total", async () => {
    // 23:30 UTC on 31 Dec is already 1 January in WITA.
    const bytes = await renderMemberListPdf({ chapter, members, generatedAt: new Date("2025-12-31T23:30:00Z") });
    const { text, pages } = await pdfText(new Uint8Array(bytes));
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let i = 1; i <= 100; i++) {
      const name = `Anggota ${String(i).padStart(3, "0")}`;
      expect(text.split(name).length - 1, name).toBe(1);
    }
    expect(text).toContain("KOTA BANJARBARU");
    expect(text).toContain("Keadaan per 1 Januari 2026");
    expect(text).toContain("pukul 07.30 WITA");
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text).toContain("Jumlah anggota: 100");
    expect(text).toContain("6372********0001");
    expect(text).not.toContain("6372014107900001");
    expect(text).toContain("Mengundurkan diri");
  });

  it("has a member number column: each member's number once, a dash for a member without one", async () => {
    const bytes = await renderMemberListPdf({ chapter, members, generatedAt: new Date("2025-12-31T23:30:00Z") });
    const { text } = await pdfText(new Uint8Array(bytes));
    expect(text).toContain("No. anggota");
    for (let i = 1; i <= 99; i++) {
      const number = `BJB-2020-${String(i).padStart(4, "0")}`;
      expect(text.split(number).length - 1, number).toBe(1);
    }
    expect(text).not.toContain("BJB-2020-0100");
    expect(text).toMatch(/Anggota 100 – /);
  });

  it("prints an empty list as one page with a zero total", async () => {
    const { text, pages } = await pdfText(new Uint8Array(await renderMemberListPdf({ chapter, members: [], generatedAt: new Date() })));
    expect(pages).toBe(1);
    expect(text).toContain("Jumlah anggota: 0");
  });
});

describe("verification links", () => {
  it("point to /verify/<code> under the public address", async () => {
    const { verifyUrl } = await import("~/documents/pdf/render.server");
    expect(verifyUrl("https://ipsm-pontianak.or.id/", "abc_DEF-123")).toBe("https://ipsm-pontianak.or.id/verify/abc_DEF-123");
  });
});
