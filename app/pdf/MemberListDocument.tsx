import { Document, Page, Text, View } from "@react-pdf/renderer";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import {
  formatCalendarDateShort,
  formatDateLong,
  formatTime,
  maskNik,
  zoneAbbreviation,
} from "~/utils/format";
import { Letterhead, type LetterheadData } from "./Letterhead";
import { pdfStyles as s } from "./styles";

export type MemberListPdfData = {
  chapter: LetterheadData & { name: string; timeZone: string };
  generatedAt: Date;
  members: {
    fullName: string;
    nik: string;
    sex: string;
    status: string;
    joinDate: Date;
    village: { name: string; parent: { name: string } | null };
  }[];
};

const columns = [
  { key: "no", width: "5%" },
  { key: "name", width: "27%" },
  { key: "nik", width: "17%" },
  { key: "sex", width: "6%" },
  { key: "village", width: "22%" },
  { key: "status", width: "13%" },
  { key: "joinDate", width: "10%" },
] as const;
const width = Object.fromEntries(columns.map((c) => [c.key, c.width])) as Record<(typeof columns)[number]["key"], string>;

/** The chapter's member list: letterhead, title with the date, and a table (NIK masked). */
export function MemberListDocument({ data }: { data: MemberListPdfData }) {
  const { chapter, generatedAt, members } = data;
  const tz = chapter.timeZone;
  const headers: Record<(typeof columns)[number]["key"], string> = {
    no: t("pdf.memberList.no"),
    name: t("members.col.name"),
    nik: t("members.col.nik"),
    sex: t("members.col.sex"),
    village: t("members.col.village"),
    status: t("members.col.status"),
    joinDate: t("members.col.joinDate"),
  };
  return (
    <Document title={`${t("pdf.memberList.title")} ${chapter.name}`} author={chapter.name} language="id">
      <Page size="A4" style={s.page}>
        <Letterhead chapter={chapter} />
        <Text style={s.title}>{t("pdf.memberList.title")}</Text>
        <Text style={s.subtitle}>
          {chapter.name} · {t("pdf.memberList.subtitle", { date: formatDateLong(generatedAt, tz) })}
        </Text>
        <View style={s.table}>
          <View style={s.headerRow} fixed>
            {columns.map((c) => (
              <Text key={c.key} style={[s.cell, s.headerCell, { width: c.width }]}>
                {headers[c.key]}
              </Text>
            ))}
          </View>
          {members.map((m, index) => (
            <View key={index} style={s.row} wrap={false}>
              <Text style={[s.cell, { width: width.no }]}>{index + 1}</Text>
              <Text style={[s.cell, { width: width.name }]}>{m.fullName}</Text>
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
        </View>
        <Text style={{ marginTop: 8 }}>{t("pdf.memberList.total", { count: members.length })}</Text>
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
    </Document>
  );
}
