import { Document, Page, Text, View } from "@react-pdf/renderer";
import { t } from "~/i18n/index";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort, formatDateLong, formatTime, maskNik, zoneAbbreviation } from "~/utils/format";
import { Letterhead, type LetterheadData } from "./Letterhead";
import { pdfStyles as s } from "./styles";

export type MemberListPdfData = {
  chapter: LetterheadData & { name: string; timeZone: string };
  generatedAt: Date;
  members: {
    fullName: string;
    memberNumber: string | null;
    nik: string;
    sex: string;
    status: string;
    joinDate: Date;
    village: { name: string; parent: { name: string } | null };
  }[];
};

const columns = [
  { key: "no", width: "5%" },
  { key: "name", width: "21%" },
  { key: "memberNumber", width: "15%" },
  { key: "nik", width: "15%" },
  { key: "sex", width: "4%" },
  { key: "village", width: "18%" },
  { key: "status", width: "11%" },
  { key: "joinDate", width: "11%" },
] as const;
const width = Object.fromEntries(columns.map((c) => [c.key, c.width])) as Record<(typeof columns)[number]["key"], string>;

/** The chapter's member list: letterhead, title with the date, and a table (NIK masked). */
export function MemberListDocument({ data }: { data: MemberListPdfData }) {
  const { chapter, generatedAt, members } = data;
  const tz = chapter.timeZone;
  const headers: Record<(typeof columns)[number]["key"], string> = {
    no: t("pdf.memberList.no"),
    name: t("members.col.name"),
    memberNumber: t("pdf.memberList.memberNumber"),
    nik: t("members.col.nik"),
    sex: t("members.col.sex"),
    village: t("members.col.village"),
    status: t("members.col.status"),
    joinDate: t("members.col.joinDate"),
  };
  const header = (
    <View style={[s.row, s.headerRow]} wrap={false}>
      {columns.map((c) => (
        <Text key={c.key} style={[s.cell, s.headerCell, { width: c.width }]}>
          {headers[c.key]}
        </Text>
      ))}
    </View>
  );
  const pages = paginate(members);
  return (
    <Document title={`${t("pdf.memberList.title")} ${chapter.name}`} author={chapter.name} language="id">
      {pages.map((rows, pageIndex) => (
        <Page key={pageIndex} size="A4" style={s.page}>
          {pageIndex === 0 ? (
            <>
              <Letterhead chapter={chapter} />
              <Text style={s.title}>{t("pdf.memberList.title")}</Text>
              <Text style={s.subtitle}>
                {chapter.name} · {t("pdf.memberList.subtitle", { date: formatDateLong(generatedAt, tz) })}
              </Text>
            </>
          ) : null}
          {header}
          {rows.map(({ member: m, number }) => (
            <View key={number} style={s.row} wrap={false}>
              <Text style={[s.cell, { width: width.no }]}>{number}</Text>
              <Text style={[s.cell, { width: width.name }]}>{m.fullName}</Text>
              <Text style={[s.cell, { width: width.memberNumber }]}>{m.memberNumber ?? "–"}</Text>
              <Text style={[s.cell, { width: width.nik }]}>{maskNik(m.nik)}</Text>
              <Text style={[s.cell, { width: width.sex }]}>{m.sex}</Text>
              <Text style={[s.cell, { width: width.village }]}>
                {m.village.name}
                {m.village.parent ? `, Kec. ${m.village.parent.name}` : ""}
              </Text>
              <Text style={[s.cell, { width: width.status }]}>{memberStatusLabel(m.status)}</Text>
              <Text style={[s.cell, { width: width.joinDate }]}>{formatCalendarDateShort(m.joinDate)}</Text>
            </View>
          ))}
          {pageIndex === pages.length - 1 ? (
            <Text style={{ marginTop: 8 }}>{t("pdf.memberList.total", { count: members.length })}</Text>
          ) : null}
          <View style={s.footer} fixed>
            <Text>
              {t("pdf.printedAt", {
                date: formatDateLong(generatedAt, tz),
                time: formatTime(generatedAt, tz),
                zone: zoneAbbreviation(tz),
              })}
            </Text>
            <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, pages: totalPages })} />
          </View>
        </Page>
      ))}
    </Document>
  );
}

// react-pdf lays out one long flow in more than linear time (300 members took 2.8 s); cutting
// the rows into pages ourselves keeps it linear. A page whose rows wrap more than expected still
// flows onto an extra page, so nothing is lost.
const ROWS_FIRST_PAGE = 18;
const ROWS_PER_PAGE = 23;

function paginate<T>(items: T[]): { member: T; number: number }[][] {
  const numbered = items.map((member, index) => ({ member, number: index + 1 }));
  const pages = [numbered.slice(0, ROWS_FIRST_PAGE)];
  for (let i = ROWS_FIRST_PAGE; i < numbered.length; i += ROWS_PER_PAGE) {
    pages.push(numbered.slice(i, i + ROWS_PER_PAGE));
  }
  return pages;
}
