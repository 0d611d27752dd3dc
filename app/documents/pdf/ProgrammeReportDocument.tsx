import { Document, Image, Page, Text, View } from "@react-pdf/renderer";
import { t, type MessageKey } from "~/i18n/index";
import { formatCalendarDateLong, formatCalendarDateShort, formatHours, formatNumber, formatRupiah } from "~/utils/format";
import { Letterhead } from "./Letterhead";
import { longWordBreaks, Table } from "./Table";
import { pdfStyles as s } from "./styles";
import type { ChapterLetterhead, Signatory } from "./types";
import type { ProgrammePhase } from "~/validation/programmes";

type VillageReach = {
  villageCode: string;
  name: string;
  district: string;
  people: number;
  households: number;
  activities: number;
  /** a kelurahan the programme targets */
  inTarget: boolean;
};
type VolunteerHours = {
  memberId: string;
  fullName: string;
  memberNumber: string | null;
  hours: number;
  activities: number;
  /** assigned to the programme */
  assigned: boolean;
};

/**
 * Everything the programme report shows (the PDF and the xlsx read the same figures): approved
 * money only, verified activities only, no resident data (people by category and place).
 */
export type ProgrammeReportPdfData = {
  letterhead: ChapterLetterhead;
  /** the chapter's today: a calendar date at UTC midnight */
  printedOn: Date;
  programme: {
    name: string;
    goal: string;
    startDate: Date;
    endDate: Date;
    phase: ProgrammePhase;
    /** a funding source code (activities.source.<code>) */
    fundingSource: string;
    coordinator: string;
    villages: string[];
  };
  partners: { name: string; agreement: string | null; committed: number; received: number }[];
  /** money received without a partner (the chapter's own funds) */
  ownFundsReceived: number;
  totals: {
    budget: number;
    received: number;
    spent: number;
    remaining: number;
    balance: number;
    pendingReceived: number;
    pendingSpent: number;
    /** spent / budget, a ratio */
    realisation: number;
  };
  /** the approved ledger; kind is a money entry kind code (programmeReport.kind.<code>) */
  entries: { date: Date; kind: string; purpose: string; amount: number; partner: string | null; hasReceipt: boolean }[];
  beneficiaries: { name: string; target: number; actual: number; inTarget: number }[];
  byVillage: VillageReach[];
  volunteers: VolunteerHours[];
  activities: number;
  people: number;
  households: number;
  volunteerHours: number;
  /** activities still waiting for verification (not counted) */
  waiting: number;
  outsideTarget: { people: number; villages: VillageReach[] };
  unassigned: { hours: number; volunteers: VolunteerHours[] };
  /** the photos the coordinator chose (JPEG bytes) */
  photos: { id: string; bytes: Buffer }[];
  signatures: { ketua: Signatory; bendahara: Signatory };
};

const heading = { fontSize: 10, fontWeight: 700, marginTop: 10, marginBottom: 4 } as const;
const none = () => t("programmeReport.none");

/** "62,5%": a ratio as a percentage with at most two decimals. */
const percent = (ratio: number) => t("programmeReport.percent", { value: formatHours(ratio * 100) });

/** How many rows of two photos the report has. */
const photoRowsCount = (data: ProgrammeReportPdfData) => Math.ceil(data.photos.length / 2);

/**
 * The height of the signature block (place and date, titles, room to sign, names): the last
 * lines before it ask for this much room after them, so that the signatures never stand alone
 * on a page (they move together to the next page instead).
 */
const SIGNATURE_HEIGHT = 130;

/** Label and value pairs without a header row (facts, money totals); long values wrap across pages. */
function Facts({ rows, labelWidth = "28%" }: { rows: [string, string][]; labelWidth?: string }) {
  const valueWidth = `${100 - Number.parseFloat(labelWidth)}%`;
  return (
    <View style={{ marginBottom: 6, borderTopWidth: 1, borderColor: "#444" }}>
      {rows.map(([label, value]) => (
        <View key={label} style={s.row} wrap={value.length > 400}>
          <Text style={[s.cell, s.headerCell, { width: labelWidth, backgroundColor: "#e8eef3" }]}>{label}</Text>
          <Text style={[s.cell, { width: valueWidth }]} hyphenationCallback={longWordBreaks}>
            {value}
          </Text>
        </View>
      ))}
    </View>
  );
}

function Heading({ children }: { children: string }) {
  // A heading never stays alone at the foot of a page.
  return (
    <Text style={heading} minPresenceAhead={60}>
      {children}
    </Text>
  );
}

function Signature({ title, name }: { title: string; name: string | null }) {
  return (
    <View style={{ width: "50%", alignItems: "center" }}>
      <Text>{title},</Text>
      <Text style={{ marginTop: 52, fontWeight: 700, textDecoration: name ? "underline" : "none" }}>
        {name ?? t("programmeReport.signature.blank")}
      </Text>
    </View>
  );
}

/**
 * The programme report for the partner and the Dinas Sosial: facts, budget and realisation by
 * partner, the approved ledger, beneficiaries by PPKS category and kelurahan, volunteers and
 * hours (verified activities only), chosen photos, and the Ketua's and Bendahara's signatures.
 */
export function ProgrammeReportDocument({ data }: { data: ProgrammeReportPdfData }) {
  const { letterhead, programme, totals } = data;
  const partnerNames = data.partners.map((p) => p.name).join(", ");
  const committed = data.partners.reduce((sum, p) => sum + p.committed, 0);
  const targetSum = data.beneficiaries.reduce((sum, b) => sum + b.target, 0);
  const actualSum = data.beneficiaries.reduce((sum, b) => sum + b.actual, 0);
  // The total percentage is over the targeted categories only and says so: people reached in
  // categories without a target are in the total count but not in the percentage. Percentages
  // count only people reached in the target kelurahan; those outside are flagged below the table.
  const targeted = data.beneficiaries.filter((b) => b.target > 0);
  const targetedActual = targeted.reduce((sum, b) => sum + b.inTarget, 0);
  const outsideTarget =
    data.outsideTarget.people > 0
      ? t("programmeReport.outsideTarget", {
          people: formatNumber(data.outsideTarget.people),
          villages: data.outsideTarget.villages
            .map((v) => t("programmeReport.outsideVillage", { name: v.name, people: formatNumber(v.people) }))
            .join(", "),
        })
      : null;
  const unassigned =
    data.unassigned.volunteers.length > 0
      ? t("programmeReport.unassigned", {
          hours: formatHours(data.unassigned.hours),
          volunteers: data.unassigned.volunteers
            .map((v) => t("programmeReport.unassignedVolunteer", { name: v.fullName, hours: formatHours(v.hours) }))
            .join(", "),
        })
      : null;
  const warning = { marginTop: 4, color: "#8a4b00", fontWeight: 700 } as const;
  const afterHours = data.waiting > 0 || photoRowsCount(data) > 0;
  const totalPercent =
    targetSum > 0
      ? t("programmeReport.percentOfTargets", { percent: percent(targetedActual / targetSum), count: formatNumber(targeted.length) })
      : none();
  const rupiah = { align: "right" as const };
  const number = { align: "right" as const };

  const photoRows: ProgrammeReportPdfData["photos"][] = [];
  for (let i = 0; i < data.photos.length; i += 2) photoRows.push(data.photos.slice(i, i + 2));

  const partnerRows = data.partners.map((p) => [p.name, p.agreement ?? none(), formatRupiah(p.committed), formatRupiah(p.received)]);
  if (data.ownFundsReceived > 0) partnerRows.push([t("programmeReport.ownFunds"), none(), none(), formatRupiah(data.ownFundsReceived)]);

  return (
    <Document title={`${t("programmeReport.title")} ${programme.name}`} author={letterhead.name} language="id">
      <Page size="A4" style={s.page}>
        <Letterhead chapter={letterhead} />
        <Text style={s.title}>{t("programmeReport.title")}</Text>
        <Text style={s.subtitle}>{programme.name}</Text>

        <Facts
          rows={[
            [t("programmeReport.fact.programme"), programme.name],
            [t("programmeReport.fact.goal"), programme.goal],
            [
              t("programmeReport.fact.period"),
              t("programmeReport.period", {
                start: formatCalendarDateLong(programme.startDate),
                end: formatCalendarDateLong(programme.endDate),
              }),
            ],
            [t("programmeReport.fact.partners"), partnerNames || none()],
            [t("programmeReport.fact.coordinator"), programme.coordinator],
            [t("programmeReport.fact.villages"), programme.villages.join(", ") || none()],
            [t("programmeReport.fact.fundingSource"), t(`activities.source.${programme.fundingSource}` as MessageKey)],
          ]}
        />

        <Heading>{t("programmeReport.section.budget")}</Heading>
        {partnerRows.length ? (
          <Table
            columns={[
              { header: t("programmeReport.column.partner"), width: "28%" },
              { header: t("programmeReport.column.agreement"), width: "34%" },
              { header: t("programmeReport.column.committed"), width: "19%", ...rupiah },
              { header: t("programmeReport.column.received"), width: "19%", ...rupiah },
            ]}
            rows={partnerRows}
            totals={[t("programmeReport.total"), "", formatRupiah(committed), formatRupiah(totals.received)]}
          />
        ) : null}
        <View wrap={false}>
          <Facts
            labelWidth="40%"
            rows={[
              [t("programmeReport.total.budget"), formatRupiah(totals.budget)],
              [t("programmeReport.total.received"), formatRupiah(totals.received)],
              [t("programmeReport.total.spent"), formatRupiah(totals.spent)],
              [t("programmeReport.total.remaining"), formatRupiah(totals.remaining)],
              [t("programmeReport.total.balance"), formatRupiah(totals.balance)],
              [t("programmeReport.total.realisation"), percent(totals.realisation)],
            ]}
          />
        </View>

        <Heading>{t("programmeReport.section.entries")}</Heading>
        {data.entries.length ? (
          <>
            <Table
              columns={[
                { header: t("programmeReport.column.date"), width: "13%" },
                { header: t("programmeReport.column.kind"), width: "13%" },
                { header: t("programmeReport.column.purpose"), width: "36%" },
                { header: t("programmeReport.column.partner"), width: "19%" },
                { header: t("programmeReport.column.amount"), width: "19%", ...rupiah },
              ]}
              rows={data.entries.map((e) => [
                formatCalendarDateShort(e.date),
                t(`programmeReport.kind.${e.kind}` as MessageKey),
                e.purpose,
                e.partner ?? none(),
                formatRupiah(e.amount),
              ])}
            />
            <Text style={{ fontSize: 8, color: "#444" }}>{t("programmeReport.entriesNote")}</Text>
          </>
        ) : (
          <Text>{t("programmeReport.noEntries")}</Text>
        )}

        <Heading>{t("programmeReport.section.categories")}</Heading>
        {data.beneficiaries.length ? (
          <Table
            columns={[
              { header: t("programmeReport.column.category"), width: "52%" },
              { header: t("programmeReport.column.target"), width: "16%", ...number },
              { header: t("programmeReport.column.actual"), width: "16%", ...number },
              { header: t("programmeReport.column.percent"), width: "16%", ...number },
            ]}
            rows={data.beneficiaries.map((b) => [
              b.name,
              formatNumber(b.target),
              formatNumber(b.actual),
              b.target > 0 ? percent(b.inTarget / b.target) : none(),
            ])}
            totals={[t("programmeReport.total"), formatNumber(targetSum), formatNumber(actualSum), totalPercent]}
          />
        ) : (
          <Text>{t("programmeReport.noBeneficiaries")}</Text>
        )}
        {outsideTarget ? <Text style={warning}>{outsideTarget}</Text> : null}

        <Heading>{t("programmeReport.section.villages")}</Heading>
        {data.byVillage.length ? (
          <Table
            columns={[
              { header: t("programmeReport.column.village"), width: "31%" },
              { header: t("programmeReport.column.district"), width: "27%" },
              { header: t("programmeReport.column.people"), width: "14%", ...number },
              { header: t("programmeReport.column.households"), width: "14%", ...number },
              { header: t("programmeReport.column.activities"), width: "14%", ...number },
            ]}
            rows={data.byVillage.map((v) => [
              v.inTarget ? v.name : `${v.name} (${t("programmeReport.notTarget")})`,
              v.district || none(),
              formatNumber(v.people),
              formatNumber(v.households),
              formatNumber(v.activities),
            ])}
            totals={[
              t("programmeReport.total"),
              "",
              formatNumber(data.people),
              formatNumber(data.households),
              formatNumber(data.activities),
            ]}
          />
        ) : (
          <Text>{t("programmeReport.noBeneficiaries")}</Text>
        )}

        <Heading>{t("programmeReport.section.volunteers")}</Heading>
        {data.volunteers.length ? (
          <>
            <Table
              columns={[
                { header: t("programmeReport.column.no"), width: "7%", ...number },
                { header: t("programmeReport.column.name"), width: "39%" },
                { header: t("programmeReport.column.memberNumber"), width: "24%" },
                { header: t("programmeReport.column.activities"), width: "15%", ...number },
                { header: t("programmeReport.column.hours"), width: "15%", ...number },
              ]}
              rows={data.volunteers.map((v, i) => [
                String(i + 1),
                v.assigned ? v.fullName : `${v.fullName} (${t("programmeReport.notAssigned")})`,
                v.memberNumber ?? none(),
                formatNumber(v.activities),
                formatHours(v.hours),
              ])}
            />
            <Text minPresenceAhead={afterHours || unassigned ? 0 : SIGNATURE_HEIGHT}>
              {t("programmeReport.totalHours", { hours: formatHours(data.volunteerHours) })}
            </Text>
            {unassigned ? (
              <Text style={warning} minPresenceAhead={afterHours ? 0 : SIGNATURE_HEIGHT}>
                {unassigned}
              </Text>
            ) : null}
          </>
        ) : (
          <Text minPresenceAhead={data.waiting > 0 || photoRows.length ? 0 : SIGNATURE_HEIGHT}>{t("programmeReport.noVolunteers")}</Text>
        )}
        {data.waiting > 0 ? (
          <Text style={{ marginTop: 4 }} minPresenceAhead={photoRows.length ? 0 : SIGNATURE_HEIGHT}>
            {t("programmeReport.waiting", { count: formatNumber(data.waiting) })}
          </Text>
        ) : null}

        {photoRows.map((row, r) => (
          // The heading stays with the first row of photos; a row never splits; the last row stays
          // with the signatures.
          <View key={r} wrap={false} minPresenceAhead={r === photoRows.length - 1 ? SIGNATURE_HEIGHT : 0}>
            {r === 0 ? <Text style={heading}>{t("programmeReport.section.photos")}</Text> : null}
            <View style={{ flexDirection: "row", justifyContent: "space-between", marginBottom: 8 }}>
              {row.map((p) => (
                <View key={p.id} style={{ width: "49%", height: 180, borderWidth: 0.5, borderColor: "#999" }}>
                  <Image src={{ data: p.bytes, format: "jpg" }} style={{ width: "100%", height: "100%", objectFit: "contain" }} />
                </View>
              ))}
            </View>
          </View>
        ))}

        <View style={{ marginTop: 20 }} wrap={false}>
          <View style={{ flexDirection: "row" }}>
            <View style={{ width: "50%" }} />
            <Text style={{ width: "50%", textAlign: "center", marginBottom: 4 }}>
              {t("programmeReport.signature.place", { place: letterhead.letterPlace, date: formatCalendarDateLong(data.printedOn) })}
            </Text>
          </View>
          <View style={{ flexDirection: "row" }}>
            <Signature title={t("programmeReport.signature.ketua")} name={data.signatures.ketua?.name ?? null} />
            <Signature title={t("programmeReport.signature.bendahara")} name={data.signatures.bendahara?.name ?? null} />
          </View>
        </View>

        <View style={s.footer} fixed>
          <Text style={{ maxWidth: "75%" }}>{t("programmeReport.footer", { chapter: letterhead.name, name: programme.name })}</Text>
          <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, pages: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}
