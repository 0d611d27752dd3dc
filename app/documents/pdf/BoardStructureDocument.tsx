import { Document, Page, Text, View } from "@react-pdf/renderer";
import { t } from "~/i18n/index";
import { formatCalendarDateLong, formatDateLong } from "~/utils/format";
import { Letterhead, type LetterheadData } from "./Letterhead";
import { pdfStyles as s } from "./styles";

export type BoardStructurePdfData = {
  chapter: LetterheadData & { name: string; letterPlace: string; timeZone: string };
  period: {
    name: string;
    startDate: Date;
    endDate: Date;
    skNumber: string | null;
    skDate: Date | null;
    skIssuer: string | null;
  };
  /** the day the composition is as of */
  day: Date;
  generatedAt: Date;
  holders: { position: { title: string; kind: string }; member: { fullName: string; memberNumber: string | null } }[];
};

const widths = { no: "7%", position: "38%", name: "35%", number: "20%" } as const;

function Table({ rows, startAt }: { rows: BoardStructurePdfData["holders"]; startAt: number }) {
  return (
    <View>
      <View style={[s.row, s.headerRow]} wrap={false}>
        <Text style={[s.cell, s.headerCell, { width: widths.no }]}>{t("leadership.pdf.no")}</Text>
        <Text style={[s.cell, s.headerCell, { width: widths.position }]}>{t("leadership.column.position")}</Text>
        <Text style={[s.cell, s.headerCell, { width: widths.name }]}>{t("leadership.column.name")}</Text>
        <Text style={[s.cell, s.headerCell, { width: widths.number }]}>{t("leadership.column.number")}</Text>
      </View>
      {rows.map((h, i) => (
        <View key={`${h.position.title}-${h.member.fullName}`} style={s.row} wrap={false}>
          <Text style={[s.cell, { width: widths.no }]}>{startAt + i}</Text>
          <Text style={[s.cell, { width: widths.position }]}>{h.position.title}</Text>
          <Text style={[s.cell, { width: widths.name }]}>{h.member.fullName}</Text>
          <Text style={[s.cell, { width: widths.number }]}>{h.member.memberNumber ?? "–"}</Text>
        </View>
      ))}
    </View>
  );
}

/** Susunan pengurus: the board of a period on a day, with the decree it rests on, signed by the Ketua. */
export function BoardStructureDocument({ data }: { data: BoardStructurePdfData }) {
  const { chapter, period, day, generatedAt, holders } = data;
  const board = holders.filter((h) => h.position.kind !== "koordinator_kecamatan");
  const districts = holders.filter((h) => h.position.kind === "koordinator_kecamatan");
  const ketua = holders.find((h) => h.position.kind === "ketua");
  const basis = period.skNumber
    ? t(period.skIssuer ? "leadership.pdf.basis" : "leadership.pdf.basisNoIssuer", {
        issuer: period.skIssuer ?? "",
        number: period.skNumber,
        date: period.skDate ? formatCalendarDateLong(period.skDate) : "–",
      })
    : null;
  return (
    <Document title={`${t("leadership.pdf.title")} ${chapter.name} ${period.name}`} author={chapter.name} language="id">
      <Page size="A4" style={s.page}>
        <Letterhead chapter={chapter} />
        <Text style={s.title}>{t("leadership.pdf.title")}</Text>
        <Text style={s.subtitle}>
          {t("leadership.pdf.subtitle", { chapter: chapter.name.toUpperCase(), period: period.name.toUpperCase() })}
        </Text>
        {basis ? <Text style={{ textAlign: "center", marginBottom: 2 }}>{basis}</Text> : null}
        <Text style={{ textAlign: "center" }}>
          {t("leadership.pdf.term", { start: formatCalendarDateLong(period.startDate), end: formatCalendarDateLong(period.endDate) })}
        </Text>
        <Text style={{ textAlign: "center", marginBottom: 10 }}>{t("leadership.pdf.asOf", { date: formatCalendarDateLong(day) })}</Text>
        {board.length ? <Table rows={board} startAt={1} /> : <Text>{t("leadership.detail.compositionEmpty")}</Text>}
        {districts.length ? (
          <View style={{ marginTop: 12 }}>
            <Text style={{ fontWeight: 700, marginBottom: 4 }}>{t("leadership.pdf.districtSection")}</Text>
            <Table rows={districts} startAt={board.length + 1} />
          </View>
        ) : null}
        <View style={{ marginTop: 24, marginLeft: "55%" }} wrap={false}>
          <Text>{t("leadership.pdf.place", { place: chapter.letterPlace, date: formatDateLong(generatedAt, chapter.timeZone) })}</Text>
          <Text>{t("leadership.kind.ketua")},</Text>
          <Text style={{ marginTop: 48, fontWeight: 700 }}>{ketua ? ketua.member.fullName : t("leadership.pdf.vacant")}</Text>
        </View>
        <View style={s.footer} fixed>
          <Text>{`${chapter.name} · ${period.name}`}</Text>
          <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, pages: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}
