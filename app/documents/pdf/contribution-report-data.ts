// What the contribution report (Laporan Kontribusi Relawan PSM, PDF and xlsx) is made from: the
// letter's parts and the report's figures, frozen at submission. The domain computes the figures
// (app/domain/reports/figures.server.ts) in this shape. People are counted by category, sex and
// place only: the figures hold no resident data.
import type { ChapterLetterhead, Signatory } from "./types";

export type { Signatory };

/** The report's figures for one period (calendar dates "YYYY-MM-DD", hours as decimals). */
export type ContributionReportFigures = {
  /** the chapter and, for a city chapter, the kecamatan chapters under it */
  chapters: { name: string; code: string }[];
  period: { start: string; end: string };
  /** active members, counted on `asOf` (null on reports frozen before the day was kept) */
  members: { active: number; asOf: string | null };
  volunteersActive: number;
  hours: { field: number; training: number; total: number };
  activities: { count: number; byType: { name: string; activities: number; hours: number }[] };
  people: {
    total: number;
    male: number;
    female: number;
    byCategory: { total: number; number: number | null; name: string; male: number; female: number }[];
  };
  households: number;
  aid: { bySource: { source: string; items: number; quantity: number; value: number }[]; totalValue: number };
  categoryByDistrict: {
    districts: { code: string; name: string }[];
    rows: { category: string; counts: number[]; total: number }[];
  };
  categoryByVillage: { district: string; village: string; category: string; people: number }[];
  volunteers: { name: string; memberNumber: string | null; activities: number; hours: number }[];
  trainings: {
    hours: number;
    events: { name: string; place: string; start: string; end: string; hours: number; participants: number }[];
  };
  programmes: { name: string; partners: string[]; budget: number; received: number; spent: number }[];
  followUps: { opened: number; closed: number; open: number };
  /** "YYYY-MM" */
  hoursByMonth: { month: string; hours: number; activities: number }[];
  /** activities of the period still waiting for verification (not counted) */
  waiting: number;
};

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
  figures: ContributionReportFigures;
  signatories: { ketua: Signatory; sekretaris: Signatory };
  /** a draft carries "DRAF" on every page and no QR code */
  draft: boolean;
  /** on a submitted report: the QR code (PNG data URL) to /verify/<code>, the address and the content hash, on every page */
  verification: { url: string; qrDataUrl: string; contentHash: string } | null;
  /** a corrected version names the report it replaces */
  supersedes: { number: string; date: Date } | null;
};
