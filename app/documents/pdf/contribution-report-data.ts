// What the contribution report PDF (Laporan Kontribusi Relawan PSM) is made from: the letter's
// parts and the report's figures (app/domain/reports/figures.server.ts), frozen at submission.
import type { ChapterLetterhead } from "~/domain/chapters/chapters.server";
import type { ReportFigures } from "~/domain/reports/figures.server";

export type Signatory = { name: string; title: string } | null;

export type ContributionReportPdfData = {
  letterhead: ChapterLetterhead;
  /** the letter number ("012/IPSM-PTK/III/2026"); null on a draft */
  number: string | null;
  /** place and date of the letter: the chapter's letterPlace, the submission day (today for a draft) */
  place: string;
  date: Date;
  /** "Kepala Dinas Sosial Kota Pontianak" and the place under it ("di Pontianak") */
  addressee: string;
  addresseePlace: string;
  /** the period in words: "Maret 2026", "Triwulan I 2026", "Tahun 2026", "1 Maret 2026 – 15 April 2026" */
  periodLabel: string;
  figures: ReportFigures;
  signatories: { ketua: Signatory; sekretaris: Signatory };
  /** a draft carries "DRAF" on every page and no QR code */
  draft: boolean;
  /** on a submitted report: the QR code (PNG data URL) to /verify/<code>, the address and the content hash, on every page */
  verification: { url: string; qrDataUrl: string; contentHash: string } | null;
  /** a corrected version names the report it replaces */
  supersedes: { number: string; date: Date } | null;
};
