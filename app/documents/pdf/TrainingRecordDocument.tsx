import { Document, Page, Text, View } from "@react-pdf/renderer";
import { t, type MessageKey } from "~/i18n/index";
import { competencySourceLabel, courseKindLabel, levelLabel, resultLabel } from "~/i18n/labels";
import { formatCalendarDateShort, formatDateLong, formatHours } from "~/utils/format";
import { Letterhead, type LetterheadData } from "./Letterhead";
import { pdfStyles as s } from "./styles";

export type TrainingRecordPdfData = {
  chapter: LetterheadData & { name: string; timeZone: string };
  generatedAt: Date;
  member: { fullName: string; memberNumber: string | null };
  trainings: {
    key: string;
    title: string;
    kind: string;
    startDate: Date;
    endDate: Date;
    hours: number;
    result: string | null;
    external: boolean;
  }[];
  totalHours: number;
  certificates: { id: string; title: string; number: string; issuedOn: Date; expiresOn: Date | null; expired: boolean }[];
  competencies: { level: string; source: string; competency: { id: string; name: string } }[];
  gaps: string[];
};

function Table({ headers, widths, rows }: { headers: string[]; widths: string[]; rows: string[][] }) {
  return (
    <View style={{ marginBottom: 10 }}>
      <View style={[s.row, s.headerRow]} wrap={false}>
        {headers.map((h, i) => (
          <Text key={h} style={[s.cell, s.headerCell, { width: widths[i] }]}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={s.row} wrap={false}>
          {row.map((cell, i) => (
            <Text key={i} style={[s.cell, { width: widths[i] }]}>
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

const heading = { fontSize: 10, fontWeight: 700, marginTop: 8, marginBottom: 4 } as const;

/** A member's training record on the chapter's letterhead: trainings and hours, certificates, competencies. */
export function TrainingRecordDocument({ data }: { data: TrainingRecordPdfData }) {
  const { chapter, member } = data;
  return (
    <Document title={`${t("trainings.pdf.title")} ${member.fullName}`} author={chapter.name} language="id">
      <Page size="A4" style={s.page}>
        <Letterhead chapter={chapter} />
        <Text style={s.title}>{t("trainings.pdf.title")}</Text>
        <Text style={s.subtitle}>
          {t("trainings.pdf.member", { name: member.fullName, number: member.memberNumber ?? "–" })} ·{" "}
          {t("trainings.pdf.asOf", { date: formatDateLong(data.generatedAt, chapter.timeZone) })}
        </Text>
        {data.gaps.length ? (
          <View style={{ marginBottom: 8 }}>
            <Text style={{ fontWeight: 700 }}>{t("trainings.member.gaps")}</Text>
            {data.gaps.map((g) => (
              <Text key={g}>• {t(`trainings.member.gap.${g}` as MessageKey)}</Text>
            ))}
          </View>
        ) : null}
        <Text style={heading}>{t("trainings.member.history")}</Text>
        {data.trainings.length ? (
          <Table
            headers={[
              t("trainings.column.course"),
              t("trainings.column.kind"),
              t("trainings.column.date"),
              t("trainings.column.hours"),
              t("trainings.column.result"),
            ]}
            widths={["38%", "16%", "24%", "8%", "14%"]}
            rows={data.trainings.map((tr) => [
              tr.title,
              courseKindLabel(tr.kind),
              t("trainings.dates", { start: formatCalendarDateShort(tr.startDate), end: formatCalendarDateShort(tr.endDate) }),
              formatHours(tr.hours),
              tr.external ? t("trainings.member.externalMark") : resultLabel(tr.result),
            ])}
          />
        ) : (
          <Text>{t("trainings.member.noHistory")}</Text>
        )}
        <Text>{t("trainings.member.totalHours", { hours: formatHours(data.totalHours) })}</Text>
        <Text style={heading}>{t("trainings.member.certificates")}</Text>
        {data.certificates.length ? (
          <Table
            headers={[
              t("trainings.column.certificate"),
              t("trainings.column.certNumber"),
              t("trainings.field.issuedOn"),
              t("trainings.column.expires"),
            ]}
            widths={["40%", "24%", "18%", "18%"]}
            rows={data.certificates.map((c) => [
              c.title,
              c.number,
              formatCalendarDateShort(c.issuedOn),
              c.expiresOn
                ? `${formatCalendarDateShort(c.expiresOn)}${c.expired ? ` (${t("trainings.dashboard.expired").toLowerCase()})` : ""}`
                : t("trainings.noExpiry"),
            ])}
          />
        ) : (
          <Text>{t("trainings.member.noCertificates")}</Text>
        )}
        <Text style={heading}>{t("trainings.member.competencies")}</Text>
        {data.competencies.length ? (
          <Table
            headers={[t("trainings.field.competency"), t("trainings.column.level"), t("trainings.column.source")]}
            widths={["50%", "20%", "30%"]}
            rows={data.competencies.map((c) => [c.competency.name, levelLabel(c.level), competencySourceLabel(c.source)])}
          />
        ) : (
          <Text>{t("trainings.member.noCompetencies")}</Text>
        )}
        <View style={s.footer} fixed>
          <Text>{`${chapter.name} · ${member.fullName}`}</Text>
          <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, pages: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}
