import { Document, Image, Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { t, type MessageKey } from "~/i18n/index";
import {
  formatCalendarDateLong,
  formatCalendarDateShort,
  formatDateLong,
  formatHours,
  formatMonth,
  formatNumber,
  formatRupiah,
} from "~/utils/format";
import type { ContributionReportFigures, ContributionReportPdfData, Signatory } from "./contribution-report-data";
import { Letterhead } from "./Letterhead";
import type { PagedTableLayout } from "./paged-table";
import { formatReportHours } from "~/utils/report-hours";
import { PagedTablePage } from "./PagedTable";
import { longWordBreaks, Table, type Column } from "./Table";
import { pdfStyles as s } from "./styles";

// The contribution report to the Dinas Sosial (Laporan Kontribusi Relawan PSM): a cover letter
// on the letterhead (page 1) and its attachment with the figures, in sections. Every page carries
// "Halaman X dari Y", and either the draft mark or the verification QR code and content hash.
// People are counted by category, sex and place only: the figures hold no resident data.

/** The attachment's sections, in order; the table of contents lists them with their pages. */
export const CONTRIBUTION_REPORT_SECTIONS = [
  "summary",
  "districts",
  "volunteers",
  "trainings",
  "programmes",
  "followUps",
  "charts",
  "villages",
] as const;
export type ContributionReportSection = (typeof CONTRIBUTION_REPORT_SECTIONS)[number];

/**
 * The table of contents: the page of each section, known only from a first rendering
 * (react-pdf lays out once). "pending" takes exactly the room of the finished table, so the
 * layout of the first rendering and of the final one is the same.
 */
export type ContributionReportToc =
  | "pending"
  | { pages: Partial<Record<ContributionReportSection, number>> }
  /** asked as react-pdf resolves the page numbers (after the whole document is paginated, so every heading's page is known) */
  | { resolve: (section: ContributionReportSection, totalPages: number) => number | undefined };

/** The printed page number and page count of a page, from react-pdf's own (a part of a document joined later). */
export type PageNumbering = (pageNumber: number, totalPages: number) => { page: number; pages: number };

/**
 * Called as the layout places a section heading: its page, and the document's page count (only on
 * the last call, once the document is paginated; the last call without it already has the page).
 */
export type SectionPageListener = (section: ContributionReportSection, pageNumber: number, totalPages: number) => void;

const SECTION_TITLES: Record<ContributionReportSection, MessageKey> = {
  summary: "reports.pdf.section.summary",
  districts: "reports.pdf.section.districts",
  volunteers: "reports.pdf.section.volunteers",
  trainings: "reports.pdf.section.trainings",
  programmes: "reports.pdf.section.programmes",
  followUps: "reports.pdf.section.followUps",
  charts: "reports.pdf.section.charts",
  villages: "reports.pdf.section.villages",
};

/** At most this many kecamatan columns to a table of section 2 (more are split over several tables). */
export const DISTRICTS_PER_TABLE = 6;
/** At most this many bars to a row of the chart of hours by month. */
const MONTHS_PER_ROW = 12;
const BAR_COLOUR = "#0b5d7a";

const heading = { fontSize: 11, fontWeight: 700, marginTop: 12, marginBottom: 4 } as const;
const subheading = { fontSize: 9.5, fontWeight: 700, marginTop: 8, marginBottom: 3 } as const;
const note = { fontSize: 8, color: "#444", marginBottom: 4 } as const;
const right = { align: "right" as const };

/** For the narrow kecamatan columns: "Tanjungpinang" may break, keeping four letters on each side. */
function narrowWordBreaks(word: string): string[] {
  if (word.length <= 8) return [word];
  return [word.slice(0, 4), ...word.slice(4, -4).split(""), word.slice(-4)];
}

/**
 * Splits `count` items into as few groups of at most `size` as possible, of even length
 * (13 kecamatan: 5, 5, 3 rather than 6, 6, 1): [from, to) index pairs.
 */
export function evenGroups(count: number, size: number): [number, number][] {
  const groups = Math.ceil(count / size);
  const per = Math.ceil(count / Math.max(groups, 1));
  const ranges: [number, number][] = [];
  for (let from = 0; from < count; from += per) ranges.push([from, Math.min(from + per, count)]);
  return ranges;
}

const hours = (value: number) => t("reports.pdf.hours", { hours: formatReportHours(value) });
const percent = (ratio: number) => t("reports.pdf.percent", { value: formatHours(Math.round(ratio * 1000) / 10) });
const none = () => t("reports.pdf.none");

/** "APBD", "Mitra CSR": the label of a funding source (the code itself when unknown). */
function fundingSourceLabel(source: string) {
  const key = `activities.source.${source}` as MessageKey;
  const label = t(key);
  return label === key ? source : label;
}

/** The letter's date, in the chapter's time zone (a calendar date at UTC midnight stays that day: Indonesia is east of UTC). */
const letterDate = (data: ContributionReportPdfData, date: Date) => formatDateLong(date, data.letterhead.timeZone || "Asia/Jakarta");

/** "1 April 2026" that never breaks over two lines. */
const keepTogether = (text: string) => text.replace(/ /g, "\u00a0");

/** Label and value pairs without a header row. */
function Facts({ rows, labelWidth = "55%" }: { rows: [label: string, value: string, indent?: boolean][]; labelWidth?: string }) {
  const valueWidth = `${100 - Number.parseFloat(labelWidth)}%`;
  return (
    <View style={{ marginBottom: 6, borderTopWidth: 1, borderColor: "#444" }}>
      {rows.map(([label, value, indent]) => (
        <View key={label} style={s.row} wrap={false}>
          <Text
            style={[
              s.cell,
              indent ? { paddingLeft: 16, fontWeight: 400 } : s.headerCell,
              { width: labelWidth, backgroundColor: "#e8eef3" },
            ]}
          >
            {label}
          </Text>
          <Text style={[s.cell, { width: valueWidth, textAlign: "right" }]}>{value}</Text>
        </View>
      ))}
    </View>
  );
}

const NoData = () => <Text style={{ marginBottom: 4 }}>{t("reports.pdf.noData")}</Text>;

/**
 * A section heading that tells the listener the page it lands on. The text is given through
 * `render` on every rendering, with or without a listener, so that both renderings lay out alike;
 * the call that carries `totalPages` is the last one, on the final page.
 */
function SectionHeading({ section, onPage }: { section: ContributionReportSection; onPage?: SectionPageListener }) {
  const title = t(SECTION_TITLES[section]);
  return (
    <KeepWithNext room={KEEP_ROOM}>
      <Text
        style={heading}
        render={({ pageNumber, totalPages }) => {
          onPage?.(section, pageNumber, totalPages);
          return title;
        }}
      />
    </KeepWithNext>
  );
}

function Subheading({ children }: { children: string }) {
  return (
    <KeepWithNext room={KEEP_ROOM}>
      <Text style={subheading}>{children}</Text>
    </KeepWithNext>
  );
}

/** Room kept under a heading for what it heads: a table's header and its first rows, or a chart's first bars. */
const KEEP_ROOM = 80;

/**
 * A heading that never stands alone at the foot of a page: it is laid out as one unbreakable block
 * with `room` points of empty space under it (so it moves to the next page unless that room is
 * there), and the block's negative bottom margin gives the room back to what follows. react-pdf's
 * minPresenceAhead alone let headings strand (tests/integration/contribution-report-pdf.test.ts).
 */
function KeepWithNext({ room, children }: { room: number; children: ReactNode }) {
  return (
    <View wrap={false} minPresenceAhead={room} style={{ marginBottom: -room }}>
      {children}
      <View style={{ height: room }} />
    </View>
  );
}

function Contents({ toc }: { toc: ContributionReportToc }) {
  const pending = t("reports.pdf.toc.pending");
  const page = (section: ContributionReportSection) => (toc === "pending" || "resolve" in toc ? undefined : toc.pages[section]);
  return (
    <View style={{ marginTop: 6, marginBottom: 4 }} wrap={false}>
      <View style={{ flexDirection: "row", borderBottomWidth: 1, borderColor: "#444", paddingBottom: 2, marginBottom: 2 }}>
        <Text style={{ flex: 1, fontSize: 11, fontWeight: 700 }}>{t("reports.pdf.toc.title")}</Text>
        <Text style={{ width: 60, textAlign: "right", fontWeight: 700, alignSelf: "flex-end" }}>{t("reports.pdf.toc.page")}</Text>
      </View>
      {CONTRIBUTION_REPORT_SECTIONS.map((section) => (
        <View
          key={section}
          style={{ flexDirection: "row", paddingVertical: 2, borderBottomWidth: 0.5, borderColor: "#bbb", borderStyle: "dotted" }}
        >
          <Text style={{ flex: 1 }}>{t(SECTION_TITLES[section])}</Text>
          {typeof toc === "object" && "resolve" in toc ? (
            // "…" while paginating (the same room as the numbers), the page once every heading has one
            <Text
              style={{ width: 60, textAlign: "right" }}
              render={({ totalPages }) => (totalPages ? String(toc.resolve(section, totalPages) ?? pending) : pending)}
            />
          ) : (
            <Text style={{ width: 60, textAlign: "right" }}>{String(page(section) ?? pending)}</Text>
          )}
        </View>
      ))}
    </View>
  );
}

function Signature({ signatory, fallbackTitle }: { signatory: Signatory; fallbackTitle: string }) {
  return (
    <View style={{ width: "50%", alignItems: "center", paddingHorizontal: 8 }}>
      <Text style={{ textAlign: "center" }}>{signatory?.title ?? fallbackTitle},</Text>
      <Text style={{ marginTop: 50, fontWeight: 700, textAlign: "center", textDecoration: signatory ? "underline" : "none" }}>
        {signatory?.name ?? t("reports.pdf.signature.blank")}
      </Text>
    </View>
  );
}

/** The Ketua's and the Sekretaris's signatures, side by side, under the board's name. */
function Signatures({ data, placeDate }: { data: ContributionReportPdfData; placeDate?: boolean }) {
  return (
    <View style={{ marginTop: 16 }} wrap={false}>
      {placeDate ? (
        <Text style={{ textAlign: "right", marginBottom: 6 }}>
          {t("reports.pdf.placeDate", { place: data.place, date: letterDate(data, data.date) })}
        </Text>
      ) : null}
      <Text style={{ textAlign: "center", fontWeight: 700, marginBottom: 4 }}>
        {t("reports.pdf.signature.board", { chapter: data.letterhead.name.toUpperCase() })}
      </Text>
      <View style={{ flexDirection: "row" }}>
        <Signature signatory={data.signatories.ketua} fallbackTitle={t("reports.pdf.signature.ketua")} />
        <Signature signatory={data.signatories.sekretaris} fallbackTitle={t("reports.pdf.signature.sekretaris")} />
      </View>
    </View>
  );
}

/** What every page carries: the draft mark, the footer with the page number, and the QR code. */
function PageChrome({ data, numbering }: { data: ContributionReportPdfData; numbering?: PageNumbering }) {
  const { verification, draft } = data;
  return (
    <>
      {draft ? (
        <View fixed style={{ position: "absolute", top: 0, left: 0, right: 0, bottom: 0, alignItems: "center", justifyContent: "center" }}>
          <Text style={{ fontSize: 150, fontWeight: 700, color: "#e4e4e4", transform: "rotate(-45deg)" }}>
            {t("reports.pdf.draft.mark")}
          </Text>
        </View>
      ) : null}
      <View fixed style={[s.footer, { bottom: 16, alignItems: "flex-end" }]}>
        {verification ? <Image src={verification.qrDataUrl} style={{ width: 46, height: 46, marginRight: 6 }} /> : null}
        <View style={{ flex: 1, paddingRight: 8 }}>
          {draft ? <Text style={{ fontSize: 8, fontWeight: 700, color: "#a00" }}>{t("reports.pdf.draft.line")}</Text> : null}
          {verification ? (
            <>
              <Text hyphenationCallback={longWordBreaks}>{t("reports.pdf.verify.url", { url: verification.url })}</Text>
              <Text>{t("reports.pdf.verify.hash", { hash: verification.contentHash.slice(0, 16) })}</Text>
            </>
          ) : null}
          <Text>{t("reports.pdf.footer", { chapter: data.letterhead.name, period: data.periodLabel })}</Text>
        </View>
        <Text
          render={({ pageNumber, totalPages }) => {
            const { page, pages } = numbering ? numbering(pageNumber, totalPages) : { page: pageNumber, pages: totalPages };
            return t("pdf.page", { page, pages });
          }}
        />
      </View>
    </>
  );
}

function LetterField({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: "row" }}>
      <Text style={{ width: 62 }}>{label}</Text>
      <Text style={{ width: 10 }}>:</Text>
      <Text style={{ flex: 1 }}>{value}</Text>
    </View>
  );
}

function CoverLetter({ data }: { data: ContributionReportPdfData }) {
  const { figures } = data;
  const paragraph = { marginTop: 8, textAlign: "justify", textIndent: 28 } as const;
  const figuresSentence = t("reports.pdf.letter.figures", {
    activities: formatNumber(figures.activities.count),
    hours: formatReportHours(figures.hours.total),
    people: formatNumber(figures.people.total),
  });
  const supersedes = data.supersedes
    ? ` ${t("reports.pdf.letter.supersedes", { number: data.supersedes.number, date: keepTogether(letterDate(data, data.supersedes.date)) })}`
    : "";
  return (
    <View style={{ fontSize: 10.5, lineHeight: 1.4 }}>
      <Text style={{ textAlign: "right", marginBottom: 8 }}>
        {t("reports.pdf.placeDate", { place: data.place, date: letterDate(data, data.date) })}
      </Text>
      <LetterField label={t("reports.pdf.letter.number")} value={data.number ?? t("reports.pdf.letter.numberPending")} />
      <LetterField label={t("reports.pdf.letter.nature")} value={t("reports.pdf.letter.natureValue")} />
      <LetterField label={t("reports.pdf.letter.attachment")} value={t("reports.pdf.letter.attachmentValue")} />
      <LetterField label={t("reports.pdf.letter.subject")} value={t("reports.pdf.letter.subjectValue", { period: data.periodLabel })} />

      <View style={{ marginTop: 16 }}>
        <Text>{t("reports.pdf.letter.to", { addressee: data.addressee })}</Text>
        <Text style={{ paddingLeft: 22 }}>{data.addresseePlace}</Text>
      </View>

      <Text style={{ marginTop: 16 }}>{t("reports.pdf.letter.greeting")}</Text>
      <Text style={paragraph}>
        {`${t("reports.pdf.letter.opening", { chapter: data.letterhead.name, period: data.periodLabel })} ${figuresSentence}${supersedes}`}
      </Text>
      <Text style={paragraph}>{t("reports.pdf.letter.details")}</Text>
      <Text style={paragraph}>{t("reports.pdf.letter.closing")}</Text>

      <Signatures data={data} />
    </View>
  );
}

function Summary({ figures, onPage }: { figures: ContributionReportFigures; onPage?: SectionPageListener }) {
  const typeActivities = figures.activities.byType.reduce((sum, x) => sum + x.activities, 0);
  const aidItems = figures.aid.bySource.reduce((sum, x) => sum + x.items, 0);
  const aidQuantity = figures.aid.bySource.reduce((sum, x) => sum + x.quantity, 0);
  return (
    <>
      <SectionHeading section="summary" onPage={onPage} />
      <Facts
        rows={[
          [t("reports.pdf.summary.activeMembers"), formatNumber(figures.members.active)],
          [t("reports.pdf.summary.volunteersActive"), formatNumber(figures.volunteersActive)],
          [t("reports.pdf.summary.hoursTotal"), hours(figures.hours.total)],
          [t("reports.pdf.summary.hoursField"), hours(figures.hours.field), true],
          [t("reports.pdf.summary.hoursTraining"), hours(figures.hours.training), true],
          [t("reports.pdf.summary.activities"), formatNumber(figures.activities.count)],
          [
            t("reports.pdf.summary.people"),
            t("reports.pdf.people", {
              total: formatNumber(figures.people.total),
              male: formatNumber(figures.people.male),
              female: formatNumber(figures.people.female),
            }),
          ],
          [t("reports.pdf.summary.households"), formatNumber(figures.households)],
          [t("reports.pdf.summary.aidValue"), formatRupiah(figures.aid.totalValue)],
        ]}
      />
      <Text style={note}>
        {t("reports.pdf.summary.note")}
        {figures.waiting > 0 ? ` ${t("reports.pdf.summary.waiting", { count: formatNumber(figures.waiting) })}` : ""}
      </Text>

      <Subheading>{t("reports.pdf.summary.byType")}</Subheading>
      {figures.activities.byType.length ? (
        <Table
          columns={[
            { header: t("reports.pdf.column.type"), width: "60%" },
            { header: t("reports.pdf.column.activities"), width: "20%", ...right },
            { header: t("reports.pdf.column.hours"), width: "20%", ...right },
          ]}
          rows={figures.activities.byType.map((x) => [x.name, formatNumber(x.activities), formatReportHours(x.hours)])}
          totals={[t("reports.pdf.total"), formatNumber(typeActivities), formatReportHours(figures.hours.field)]}
        />
      ) : (
        <NoData />
      )}

      <Subheading>{t("reports.pdf.summary.byCategory")}</Subheading>
      {figures.people.byCategory.length ? (
        <Table
          columns={[
            { header: t("reports.pdf.column.category"), width: "55%" },
            { header: t("reports.pdf.column.male"), width: "15%", ...right },
            { header: t("reports.pdf.column.female"), width: "15%", ...right },
            { header: t("reports.pdf.column.total"), width: "15%", ...right },
          ]}
          rows={figures.people.byCategory.map((c) => [
            c.number ? `${c.number}. ${c.name}` : c.name,
            formatNumber(c.male),
            formatNumber(c.female),
            formatNumber(c.total),
          ])}
          totals={[
            t("reports.pdf.total"),
            formatNumber(figures.people.male),
            formatNumber(figures.people.female),
            formatNumber(figures.people.total),
          ]}
        />
      ) : (
        <NoData />
      )}

      <Subheading>{t("reports.pdf.summary.aid")}</Subheading>
      {figures.aid.bySource.length ? (
        <Table
          columns={[
            { header: t("reports.pdf.column.source"), width: "34%" },
            { header: t("reports.pdf.column.items"), width: "18%", ...right },
            { header: t("reports.pdf.column.quantity"), width: "20%", ...right },
            { header: t("reports.pdf.column.value"), width: "28%", ...right },
          ]}
          rows={figures.aid.bySource.map((x) => [
            fundingSourceLabel(x.source),
            formatNumber(x.items),
            formatNumber(x.quantity),
            formatRupiah(x.value),
          ])}
          totals={[t("reports.pdf.total"), formatNumber(aidItems), formatNumber(aidQuantity), formatRupiah(figures.aid.totalValue)]}
        />
      ) : (
        <NoData />
      )}
    </>
  );
}

/** Category x kecamatan, at most DISTRICTS_PER_TABLE kecamatan to a table; the last one has the row totals. */
function Districts({ figures, onPage }: { figures: ContributionReportFigures; onPage?: SectionPageListener }) {
  const { districts, rows } = figures.categoryByDistrict;
  const chunks = evenGroups(districts.length, DISTRICTS_PER_TABLE);
  return (
    <>
      <SectionHeading section="districts" onPage={onPage} />
      {districts.length && rows.length ? (
        chunks.map(([from, to]) => {
          const slice = districts.slice(from, to);
          const last = to >= districts.length;
          const width = `${70 / (slice.length + (last ? 1 : 0))}%`;
          const columnSums = slice.map((_, j) => rows.reduce((sum, r) => sum + (r.counts[from + j] ?? 0), 0));
          const grandTotal = rows.reduce((sum, r) => sum + r.total, 0);
          return (
            <View key={from}>
              {chunks.length > 1 ? (
                <KeepWithNext room={KEEP_ROOM}>
                  <Text style={note}>
                    {t(slice.length > 1 ? "reports.pdf.districts.part" : "reports.pdf.districts.partOne", {
                      from: from + 1,
                      to,
                      count: districts.length,
                    })}
                  </Text>
                </KeepWithNext>
              ) : null}
              <Table
                fontSize={8}
                headerBreaks={narrowWordBreaks}
                columns={[
                  { header: t("reports.pdf.column.category"), width: "30%" },
                  ...slice.map((d) => ({ header: d.name, width, ...right })),
                  ...(last ? [{ header: t("reports.pdf.column.total"), width, ...right }] : []),
                ]}
                rows={rows.map((r) => [
                  r.category,
                  ...slice.map((_, j) => formatNumber(r.counts[from + j] ?? 0)),
                  ...(last ? [formatNumber(r.total)] : []),
                ])}
                totals={[t("reports.pdf.total"), ...columnSums.map(formatNumber), ...(last ? [formatNumber(grandTotal)] : [])]}
              />
            </View>
          );
        })
      ) : (
        <NoData />
      )}
    </>
  );
}

/** The columns, rows and totals of a long table: drawn by Table in the flow, or laid out in pages (paged-table.ts). */
export type LongTable = { columns: Column[]; rows: string[][]; totals: string[] };

/** The sections whose tables can run to many pages: each volunteer, and the kelurahan annex. */
export const LONG_SECTIONS = ["volunteers", "villages"] as const;
export type LongSection = (typeof LONG_SECTIONS)[number];

/** A long table of more rows than this is laid out in pages of its own; a shorter one stays in the flow. */
export const PAGED_TABLE_MIN_ROWS = 60;

/** The long tables laid out in pages (render.server.ts); a section not here is drawn in the flow. */
export type PagedSections = Partial<Record<LongSection, PagedTableLayout>>;

function volunteerTable(figures: ContributionReportFigures): LongTable {
  const total = figures.volunteers.reduce((sum, v) => sum + v.hours, 0);
  const activities = figures.volunteers.reduce((sum, v) => sum + v.activities, 0);
  return {
    columns: [
      { header: t("reports.pdf.column.no"), width: "7%", ...right },
      { header: t("reports.pdf.column.name"), width: "43%" },
      { header: t("reports.pdf.column.memberNumber"), width: "24%" },
      { header: t("reports.pdf.column.activities"), width: "13%", ...right },
      { header: t("reports.pdf.column.hours"), width: "13%", ...right },
    ],
    rows: figures.volunteers.map((v, i) => [
      String(i + 1),
      v.name,
      v.memberNumber ?? none(),
      formatNumber(v.activities),
      formatReportHours(v.hours),
    ]),
    totals: ["", t("reports.pdf.total"), "", formatNumber(activities), formatReportHours(total)],
  };
}

function villageTable(figures: ContributionReportFigures): LongTable {
  const rows = figures.categoryByVillage;
  return {
    columns: [
      { header: t("reports.pdf.column.district"), width: "24%" },
      { header: t("reports.pdf.column.village"), width: "26%" },
      { header: t("reports.pdf.column.category"), width: "38%" },
      { header: t("reports.pdf.column.people"), width: "12%", ...right },
    ],
    rows: rows.map((v) => [v.district, v.village, v.category, formatNumber(v.people)]),
    totals: [t("reports.pdf.total"), "", "", formatNumber(rows.reduce((sum, v) => sum + v.people, 0))],
  };
}

export const LONG_TABLES: Record<LongSection, (figures: ContributionReportFigures) => LongTable> = {
  volunteers: volunteerTable,
  villages: villageTable,
};

/** A long section in the flow: its heading and its table (or "no data"). */
function FlowingLongSection({
  section,
  figures,
  onPage,
}: {
  section: LongSection;
  figures: ContributionReportFigures;
  onPage?: SectionPageListener;
}) {
  const table = LONG_TABLES[section](figures);
  return (
    <>
      {/* an annex starts on a page of its own (its heading also stranded at the foot of a page after the charts) */}
      {section === "villages" && table.rows.length ? <View break /> : null}
      <SectionHeading section={section} onPage={onPage} />
      {table.rows.length ? <Table {...table} /> : <NoData />}
    </>
  );
}

function Trainings({ figures, onPage }: { figures: ContributionReportFigures; onPage?: SectionPageListener }) {
  const { events } = figures.trainings;
  const dates = (start: string, end: string) =>
    start === end
      ? formatCalendarDateShort(start)
      : t("reports.pdf.dateRange", { start: formatCalendarDateShort(start), end: formatCalendarDateShort(end) });
  return (
    <>
      <SectionHeading section="trainings" onPage={onPage} />
      {events.length ? (
        <Table
          columns={[
            { header: t("reports.pdf.column.course"), width: "30%" },
            { header: t("reports.pdf.column.place"), width: "24%" },
            { header: t("reports.pdf.column.dates"), width: "22%" },
            { header: t("reports.pdf.column.hours"), width: "10%", ...right },
            { header: t("reports.pdf.column.participants"), width: "14%", ...right },
          ]}
          rows={events.map((e) => [e.name, e.place, dates(e.start, e.end), formatReportHours(e.hours), formatNumber(e.participants)])}
        />
      ) : (
        <NoData />
      )}
      <Text>{t("reports.pdf.trainings.total", { hours: formatReportHours(figures.trainings.hours) })}</Text>
    </>
  );
}

function Programmes({ figures, onPage }: { figures: ContributionReportFigures; onPage?: SectionPageListener }) {
  const { programmes } = figures;
  const sum = (pick: (p: ContributionReportFigures["programmes"][number]) => number) => programmes.reduce((total, p) => total + pick(p), 0);
  const budget = sum((p) => p.budget);
  const spent = sum((p) => p.spent);
  return (
    <>
      <SectionHeading section="programmes" onPage={onPage} />
      {programmes.length ? (
        <>
          <Table
            fontSize={8}
            columns={[
              { header: t("reports.pdf.column.programme"), width: "21%" },
              { header: t("reports.pdf.column.partners"), width: "19%" },
              { header: t("reports.pdf.column.budget"), width: "16%", ...right },
              { header: t("reports.pdf.column.received"), width: "16%", ...right },
              { header: t("reports.pdf.column.spent"), width: "16%", ...right },
              { header: t("reports.pdf.column.realisation"), width: "12%", ...right },
            ]}
            rows={programmes.map((p) => [
              p.name,
              p.partners.join(", ") || none(),
              formatRupiah(p.budget),
              formatRupiah(p.received),
              formatRupiah(p.spent),
              p.budget > 0 ? percent(p.spent / p.budget) : none(),
            ])}
            totals={[
              t("reports.pdf.total"),
              "",
              formatRupiah(budget),
              formatRupiah(sum((p) => p.received)),
              formatRupiah(spent),
              budget > 0 ? percent(spent / budget) : none(),
            ]}
          />
          <Text style={note}>{t("reports.pdf.programmes.note")}</Text>
        </>
      ) : (
        <NoData />
      )}
    </>
  );
}

function FollowUps({ figures, onPage }: { figures: ContributionReportFigures; onPage?: SectionPageListener }) {
  const { opened, closed, open } = figures.followUps;
  return (
    <>
      <SectionHeading section="followUps" onPage={onPage} />
      {opened + closed + open > 0 ? (
        <Facts
          labelWidth="70%"
          rows={[
            [t("reports.pdf.followUps.opened"), formatNumber(opened)],
            [t("reports.pdf.followUps.closed"), formatNumber(closed)],
            [t("reports.pdf.followUps.open"), formatNumber(open)],
          ]}
        />
      ) : (
        <NoData />
      )}
    </>
  );
}

/** One bar per month, drawn with Views, the hours above each bar and the month below. */
function HoursByMonthChart({ months }: { months: ContributionReportFigures["hoursByMonth"] }) {
  const max = Math.max(0, ...months.map((m) => m.hours));
  const plot = 110;
  const rows = evenGroups(months.length, MONTHS_PER_ROW).map(([from, to]) => months.slice(from, to));
  return (
    <>
      {rows.map((row, r) => {
        const width = `${100 / Math.max(row.length, 6)}%`;
        return (
          <View key={r} wrap={false} style={{ marginBottom: 8 }}>
            <View
              style={{
                flexDirection: "row",
                justifyContent: "center",
                alignItems: "flex-end",
                height: plot + 14,
                borderBottomWidth: 1,
                borderColor: "#444",
              }}
            >
              {row.map((m) => (
                <View key={m.month} style={{ width, alignItems: "center" }}>
                  <Text style={{ fontSize: 7 }}>{formatReportHours(m.hours)}</Text>
                  <View style={{ width: "60%", height: max > 0 ? Math.max(1, (m.hours / max) * plot) : 1, backgroundColor: BAR_COLOUR }} />
                </View>
              ))}
            </View>
            <View style={{ flexDirection: "row", justifyContent: "center" }}>
              {row.map((m) => (
                <Text key={m.month} style={{ width, fontSize: 7, textAlign: "center", marginTop: 2 }}>
                  {formatMonth(`${m.month}-01`)}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </>
  );
}

/** Horizontal bars: the ten categories with the most people reached. */
function ReachByCategoryChart({ categories }: { categories: ContributionReportFigures["people"]["byCategory"] }) {
  const top = [...categories].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)).slice(0, 10);
  const max = Math.max(0, ...top.map((c) => c.total));
  return (
    <View wrap={false}>
      {top.map((c) => (
        <View key={c.name} style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }}>
          <Text style={{ width: "38%", fontSize: 7.5, paddingRight: 6, textAlign: "right" }}>{c.name}</Text>
          <View style={{ width: "50%" }}>
            <View style={{ width: `${max > 0 ? Math.max(0.5, (c.total / max) * 100) : 0.5}%`, height: 9, backgroundColor: BAR_COLOUR }} />
          </View>
          <Text style={{ width: "12%", fontSize: 7.5, paddingLeft: 4 }}>{formatNumber(c.total)}</Text>
        </View>
      ))}
    </View>
  );
}

function Charts({ figures, onPage }: { figures: ContributionReportFigures; onPage?: SectionPageListener }) {
  return (
    <>
      {/* a chart is one block: its headings go with it to the next page when it does not fit */}
      <View wrap={false}>
        <SectionHeading section="charts" onPage={onPage} />
        <Subheading>{t("reports.pdf.charts.hoursByMonth")}</Subheading>
        {figures.hoursByMonth.length ? <HoursByMonthChart months={figures.hoursByMonth} /> : <NoData />}
      </View>
      <View wrap={false}>
        <Subheading>{t("reports.pdf.charts.reachByCategory")}</Subheading>
        {figures.people.byCategory.some((c) => c.total > 0) ? <ReachByCategoryChart categories={figures.people.byCategory} /> : <NoData />}
      </View>
    </>
  );
}

/**
 * The attachment in segments: runs of sections flowing over as many pages as they need, and the
 * long tables laid out in pages of their own. The signatures close the last flowing run, so a
 * paged kelurahan annex follows them, as an annex does.
 */
export type ReportSegment = { kind: "flow"; sections: ContributionReportSection[] } | { kind: "paged"; section: LongSection };

export function reportSegments(paged: PagedSections): ReportSegment[] {
  const segments: ReportSegment[] = [];
  for (const section of CONTRIBUTION_REPORT_SECTIONS) {
    const last = segments[segments.length - 1];
    if (section in paged) segments.push({ kind: "paged", section: section as LongSection });
    else if (last?.kind === "flow") last.sections.push(section);
    else segments.push({ kind: "flow", sections: [section] });
  }
  return segments;
}

/** Called as the layout places the top of a flowing segment (render.server.ts counts its pages); the last call has the page. */
export type SegmentPageListener = (segment: number, pageNumber: number) => void;

type Props = {
  data: ContributionReportPdfData;
  toc?: ContributionReportToc | null;
  onSectionPage?: SectionPageListener;
  /** the long tables laid out in pages; the others are drawn in the flow */
  paged?: PagedSections;
  /** leave the paged tables out (they are rendered apart, ContributionReportTablePages) */
  flowOnly?: boolean;
  onSegmentPage?: SegmentPageListener;
  /** the printed page numbers, when this document is a part of the report */
  numbering?: PageNumbering;
};

/** Tells the listener the page the top of a flowing segment lands on; draws nothing. */
function SegmentMarker({ segment, onPage }: { segment: number; onPage?: SegmentPageListener }) {
  return (
    <Text
      style={{ fontSize: 1, height: 0 }}
      render={({ pageNumber }) => {
        onPage?.(segment, pageNumber);
        return "";
      }}
    />
  );
}

function FlowSection({
  section,
  figures,
  onPage,
}: {
  section: ContributionReportSection;
  figures: ContributionReportFigures;
  onPage?: SectionPageListener;
}) {
  switch (section) {
    case "summary":
      return <Summary figures={figures} onPage={onPage} />;
    case "districts":
      return <Districts figures={figures} onPage={onPage} />;
    case "trainings":
      return <Trainings figures={figures} onPage={onPage} />;
    case "programmes":
      return <Programmes figures={figures} onPage={onPage} />;
    case "followUps":
      return <FollowUps figures={figures} onPage={onPage} />;
    case "charts":
      return <Charts figures={figures} onPage={onPage} />;
    default:
      return <FlowingLongSection section={section} figures={figures} onPage={onPage} />;
  }
}

/** The bottom padding of every page: room for the footer, with the QR code on a submitted report. */
export function pagePaddingBottom(data: Pick<ContributionReportPdfData, "verification" | "draft">) {
  return data.verification ? 80 : data.draft ? 58 : 48;
}

/** The section heading's height at the top of a page (its margins and one line), with room to spare. */
export const SECTION_HEADING_ROOM = 36;

/**
 * The contribution report: the cover letter (page 1) and the attachment. `toc` adds the table of
 * contents ("pending" on the planning rendering); `onSectionPage` hears where each section
 * heading lands (see renderContributionReportPdf).
 */
export function ContributionReportDocument({
  data,
  toc = null,
  onSectionPage,
  paged = {},
  flowOnly = false,
  onSegmentPage,
  numbering,
}: Props) {
  const { figures, letterhead } = data;
  const pageStyle = [s.page, { paddingBottom: pagePaddingBottom(data) }];
  const start = formatCalendarDateLong(figures.period.start);
  const end = formatCalendarDateLong(figures.period.end);
  const range = t("reports.pdf.dateRange", { start, end });
  const period =
    data.periodLabel === range
      ? t("reports.pdf.attachment.periodOnly", { period: data.periodLabel })
      : t("reports.pdf.attachment.period", { period: data.periodLabel, start, end });
  const chapters = figures.chapters.map((c) => c.name).join(", ") || letterhead.name;
  const segments = reportSegments(paged);
  const lastFlow = segments.map((segment) => segment.kind).lastIndexOf("flow");

  return (
    <Document title={t("reports.pdf.title", { period: data.periodLabel })} author={letterhead.name} language="id">
      <Page size="A4" style={pageStyle}>
        <PageChrome data={data} numbering={numbering} />
        <Letterhead chapter={letterhead} />
        <CoverLetter data={data} />
      </Page>

      {segments.map((segment, k) => {
        if (segment.kind === "flow") {
          return (
            <Page key={k} size="A4" style={pageStyle}>
              <PageChrome data={data} numbering={numbering} />
              <SegmentMarker segment={k} onPage={onSegmentPage} />
              {k === 0 ? (
                <>
                  <Text style={[s.title, { marginTop: 0 }]}>{t("reports.pdf.attachment.title")}</Text>
                  <Text style={{ fontSize: 10, fontWeight: 700, textAlign: "center" }}>{chapters}</Text>
                  <Text style={{ fontSize: 10, textAlign: "center" }}>{period}</Text>
                  <Text style={{ textAlign: "center", fontSize: 8, color: "#444", marginBottom: 6 }}>
                    {t("reports.pdf.attachment.letter", {
                      number: data.number ?? t("reports.pdf.letter.numberPending"),
                      date: letterDate(data, data.date),
                    })}
                  </Text>
                  {toc ? <Contents toc={toc} /> : null}
                </>
              ) : null}
              {segment.sections.map((section) => (
                <FlowSection key={section} section={section} figures={figures} onPage={onSectionPage} />
              ))}
              {k === lastFlow ? <Signatures data={data} placeDate /> : null}
            </Page>
          );
        }
        if (flowOnly) return null;
        const layout = paged[segment.section]!;
        return layout.pages.map((_, page) => (
          <Page key={`${k}-${page}`} size="A4" style={pageStyle}>
            <PageChrome data={data} numbering={numbering} />
            {page === 0 ? <SectionHeading section={segment.section} onPage={onSectionPage} /> : null}
            <PagedTablePage layout={layout} page={page} />
          </Page>
        ));
      })}
    </Document>
  );
}

/**
 * Pages `from` to `to` (exclusive) of a long table laid out in pages, as a document of their own:
 * a part of the report, joined to the others by render.server.ts. `firstPage` is the report's
 * page number of the first of them and `totalPages` the report's page count.
 */
export function ContributionReportTablePages({
  data,
  section,
  layout,
  from,
  to,
  firstPage,
  totalPages,
}: {
  data: ContributionReportPdfData;
  section: LongSection;
  layout: PagedTableLayout;
  from: number;
  to: number;
  firstPage: number;
  totalPages: number;
}) {
  const pageStyle = [s.page, { paddingBottom: pagePaddingBottom(data) }];
  const numbering: PageNumbering = (pageNumber) => ({ page: firstPage + pageNumber - 1, pages: totalPages });
  return (
    <Document>
      {layout.pages.slice(from, to).map((_, i) => (
        <Page key={from + i} size="A4" style={pageStyle}>
          <PageChrome data={data} numbering={numbering} />
          {from + i === 0 ? <SectionHeading section={section} /> : null}
          <PagedTablePage layout={layout} page={from + i} />
        </Page>
      ))}
    </Document>
  );
}
