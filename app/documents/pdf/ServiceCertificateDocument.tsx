import { Document, Image, Page, Text, View } from "@react-pdf/renderer";
import { t } from "~/i18n/index";
import { formatCalendarDateLong, formatHours, formatNumber } from "~/utils/format";
import { Letterhead } from "./Letterhead";
import { pdfStyles as s } from "./styles";
import type { ChapterLetterhead, Signatory } from "./types";

// The certificate of service of one volunteer (Surat Keterangan Relawan PSM), on one A4 page:
// the letterhead, title and number, who the Ketua declares served and in which period, the
// figures (frozen at issue), place and date, the Ketua's signature block, and the QR code to
// /verify/<code> with the address and the start of the content hash. No NIK, address or phone.

/** A member's verified service in the period, as the certificate states it (frozen at issue). */
export type ServiceCertificateFigures = {
  /** hours of the verified activities the member logged or joined */
  hours: number;
  activities: number;
  byType: { name: string; activities: number; hours: number }[];
  /** people reached by those activities */
  people: number;
  /** the member's own training hours in the period (chapter events and outside training) */
  trainingHours: number;
};

export type ServiceCertificatePdfData = {
  letterhead: ChapterLetterhead;
  /** "013/IPSM-PTK/XI/2026" */
  number: string;
  /** the day of issue: a calendar date at UTC midnight */
  date: Date;
  member: { name: string; memberNumber: string | null };
  /** calendar dates "YYYY-MM-DD", both inclusive */
  period: { start: string; end: string };
  figures: ServiceCertificateFigures;
  /** the Ketua serving on the day of issue; null leaves a blank line to sign on */
  ketua: Signatory;
  verification: { url: string; qrDataUrl: string; contentHash: string };
};

const hours = (value: number) => t("certificates.hours", { hours: formatHours(value) });

/** Rows of the table of activities by type; more types are summed up in a last row, so the letter keeps to one page. */
const CERTIFICATE_TYPE_ROWS = 12;

function typeRows(byType: ServiceCertificateFigures["byType"]) {
  if (byType.length <= CERTIFICATE_TYPE_ROWS) return byType;
  const shown = byType.slice(0, CERTIFICATE_TYPE_ROWS - 1);
  const rest = byType.slice(CERTIFICATE_TYPE_ROWS - 1);
  return [
    ...shown,
    {
      name: t("certificates.pdf.otherTypes", { count: rest.length }),
      activities: rest.reduce((sum, x) => sum + x.activities, 0),
      hours: rest.reduce((sum, x) => sum + x.hours, 0),
    },
  ];
}

/** "1 Januari 2026 s.d. 30 Juni 2026" */
export function certificatePeriodLabel(start: Date | string, end: Date | string) {
  return t("certificates.period", { start: formatCalendarDateLong(start), end: formatCalendarDateLong(end) });
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: "row", marginBottom: 2 }}>
      <Text style={{ width: 90 }}>{label}</Text>
      <Text style={{ width: 10 }}>:</Text>
      <Text style={{ flex: 1, fontWeight: 700 }}>{value}</Text>
    </View>
  );
}

const label = { width: "64%", backgroundColor: "#e8eef3" } as const;
const value = { width: "36%", textAlign: "right" } as const;
const compact = { paddingVertical: 1.5 } as const;

function Figures({ figures }: { figures: ServiceCertificateFigures }) {
  const facts: [string, string][] = [
    [t("certificates.pdf.hours"), hours(figures.hours)],
    [t("certificates.pdf.activities"), formatNumber(figures.activities)],
    [t("certificates.pdf.people"), t("certificates.pdf.peopleValue", { people: formatNumber(figures.people) })],
    [t("certificates.pdf.trainingHours"), hours(figures.trainingHours)],
  ];
  return (
    <View style={{ marginTop: 6, marginLeft: 28, marginRight: 28 }}>
      <View style={{ borderTopWidth: 1, borderColor: "#444" }}>
        {facts.map(([name, amount]) => (
          <View key={name} style={s.row} wrap={false}>
            <Text style={[s.cell, s.headerCell, label]}>{name}</Text>
            <Text style={[s.cell, value]}>{amount}</Text>
          </View>
        ))}
      </View>
      {figures.byType.length ? (
        <View style={{ marginTop: 6, fontSize: 8.5, lineHeight: 1.2 }}>
          <Text style={{ fontWeight: 700, marginBottom: 2, fontSize: 9.5 }}>{t("certificates.pdf.byType")}</Text>
          <View style={[s.row, s.headerRow]}>
            <Text style={[s.cell, s.headerCell, compact, { width: "64%" }]}>{t("certificates.pdf.column.type")}</Text>
            <Text style={[s.cell, s.headerCell, compact, { width: "18%", textAlign: "right" }]}>
              {t("certificates.pdf.column.activities")}
            </Text>
            <Text style={[s.cell, s.headerCell, compact, { width: "18%", textAlign: "right" }]}>{t("certificates.pdf.column.hours")}</Text>
          </View>
          {typeRows(figures.byType).map((x) => (
            <View key={x.name} style={s.row} wrap={false}>
              <Text style={[s.cell, compact, { width: "64%" }]}>{x.name}</Text>
              <Text style={[s.cell, compact, { width: "18%", textAlign: "right" }]}>{formatNumber(x.activities)}</Text>
              <Text style={[s.cell, compact, { width: "18%", textAlign: "right" }]}>{formatHours(x.hours)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text style={{ fontSize: 8, lineHeight: 1.25, color: "#444", marginTop: 3 }}>{t("certificates.pdf.note")}</Text>
    </View>
  );
}

export function ServiceCertificateDocument({ data }: { data: ServiceCertificatePdfData }) {
  const { letterhead, member, ketua, verification } = data;
  const title = ketua?.title ?? t("certificates.pdf.signatureDefaultTitle");
  const paragraph = { marginTop: 8, textAlign: "justify" } as const;
  return (
    <Document title={t("certificates.pdf.docTitle", { number: data.number })} author={letterhead.name} language="id">
      <Page size="A4" style={[s.page, { fontSize: 10, lineHeight: 1.3, paddingBottom: 84 }]}>
        <Letterhead chapter={letterhead} />
        <Text style={[s.title, { fontSize: 13, textDecoration: "underline", marginTop: 14 }]}>{t("certificates.pdf.title")}</Text>
        <Text style={{ textAlign: "center", marginBottom: 12 }}>{t("certificates.pdf.number", { number: data.number })}</Text>

        <Text style={{ textAlign: "justify" }}>{t("certificates.pdf.opening", { title, chapter: letterhead.name })}</Text>
        <View style={{ marginTop: 8, marginLeft: 28 }}>
          <Field label={t("certificates.pdf.name")} value={member.name} />
          <Field label={t("certificates.pdf.memberNumber")} value={member.memberNumber ?? "–"} />
          <Field label={t("certificates.pdf.chapter")} value={letterhead.name} />
        </View>
        <Text style={paragraph}>{t("certificates.pdf.body", { period: certificatePeriodLabel(data.period.start, data.period.end) })}</Text>

        <Figures figures={data.figures} />

        <Text style={paragraph}>{t("certificates.pdf.closing")}</Text>

        <View style={{ marginTop: 14, marginLeft: "52%", alignItems: "center" }} wrap={false}>
          <Text>{t("certificates.pdf.placeDate", { place: letterhead.letterPlace, date: formatCalendarDateLong(data.date) })}</Text>
          <Text style={{ textAlign: "center" }}>{t("certificates.pdf.signature", { title, chapter: letterhead.name })}</Text>
          <Text style={{ marginTop: 48, fontWeight: 700, textAlign: "center", textDecoration: ketua ? "underline" : "none" }}>
            {ketua?.name ?? t("certificates.pdf.signatureBlank")}
          </Text>
        </View>

        <View fixed style={[s.footer, { bottom: 20, alignItems: "flex-end", justifyContent: "flex-start" }]}>
          <Image src={verification.qrDataUrl} style={{ width: 56, height: 56, marginRight: 8 }} />
          <View style={{ flex: 1 }}>
            <Text>{t("certificates.pdf.verifyUrl", { url: verification.url })}</Text>
            <Text>{t("certificates.pdf.verifyHash", { hash: verification.contentHash.slice(0, 16) })}</Text>
            <Text>{`${letterhead.name} · ${data.number}`}</Text>
          </View>
        </View>
      </Page>
    </Document>
  );
}
