// The board's filtered activity list as a spreadsheet: a summary sheet (filters and totals) and one
// row per activity. The rows come as an async iterable and are written as they arrive (the kit's
// streaming writer), so that a year of a large chapter does not sit in memory twice. No resident
// data is in it.
import { t, type MessageKey } from "~/i18n/index";
import { activityStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort, formatDateShort, formatTime, zoneAbbreviation } from "~/utils/format";
import { calendarDateOf } from "~/validation/fields";
import { streamingWorkbook, type XlsxColumn, type XlsxFact, type XlsxFormat } from "./kit";

export type ActivitiesExportSummary = {
  /** the filter's period, calendar dates "YYYY-MM-DD" (null: open) */
  from: string | null;
  to: string | null;
  /** the statuses the totals include (status codes), with their counts */
  statuses: { status: string; count: number }[];
  activities: number;
  hours: number;
  people: number;
  households: number;
  /** set when more activities matched than the export writes: the rows stop at this many */
  cutAt: number | null;
  /** the chapter's time zone: when the phone took each location is written in it */
  timeZone: string;
};

export type ActivitiesExportRow = {
  /** the activity's calendar date (UTC midnight) */
  date: Date;
  type: string;
  district: string;
  village: string;
  rt: string | null;
  rw: string | null;
  volunteer: string;
  memberNumber: string | null;
  /** how many volunteers joined the one who logged it */
  coVolunteers: number;
  minutes: number;
  people: number;
  households: number;
  /** rupiah */
  aidValue: number;
  /** status code (draft, submitted, verified, ...) */
  status: string;
  /** where the phone said the volunteer was, its accuracy in metres and when (null without a fix) */
  latitude: number | null;
  longitude: number | null;
  locationAccuracy: number | null;
  locatedAt: Date | null;
};

const COLUMNS: readonly { key: MessageKey; width: number; format?: XlsxFormat }[] = [
  { key: "activities.export.date", width: 12, format: "date" },
  { key: "activities.export.type", width: 34 },
  { key: "activities.export.district", width: 20 },
  { key: "activities.export.village", width: 22 },
  { key: "activities.export.rtRw", width: 9 },
  { key: "activities.export.volunteer", width: 28 },
  { key: "activities.export.memberNumber", width: 18 },
  { key: "activities.export.coVolunteers", width: 11 },
  { key: "activities.export.minutes", width: 9 },
  { key: "activities.export.people", width: 9 },
  { key: "activities.export.households", width: 9 },
  { key: "activities.export.aidValue", width: 16, format: "rupiah" },
  { key: "activities.export.status", width: 20 },
  { key: "activities.export.latitude", width: 12, format: "coordinate" },
  { key: "activities.export.longitude", width: 12, format: "coordinate" },
  { key: "activities.export.accuracy", width: 12, format: "count" },
];

/** "Diajukan 2, Terverifikasi 5": the statuses the totals include, with their counts. */
export function statusesText(statuses: { status: string; count: number }[]) {
  return statuses.length ? statuses.map((s) => `${activityStatusLabel(s.status)} ${s.count}`).join(", ") : t("activities.totals.noStatus");
}

const dateText = (value: string | null) => (value ? formatCalendarDateShort(calendarDateOf(value)) : "…");

/** The summary sheet and the activities, written as the rows arrive. */
export async function activitiesExportXlsx(input: {
  summary: ActivitiesExportSummary;
  rows: AsyncIterable<ActivitiesExportRow>;
}): Promise<Buffer> {
  const { summary } = input;
  const workbook = streamingWorkbook();
  const facts: XlsxFact[] = [
    [t("activities.export.period"), `${dateText(summary.from)} – ${dateText(summary.to)}`],
    [t("activities.export.statuses"), statusesText(summary.statuses)],
    [t("activities.export.count"), summary.activities],
    [t("activities.export.hours"), summary.hours],
    [t("activities.export.people"), summary.people],
    [t("activities.export.households"), summary.households],
    ...(summary.cutAt !== null ? [[t("activities.export.cut", { max: summary.cutAt }), ""] as XlsxFact] : []),
  ];
  workbook.facts(t("activities.export.summarySheet"), facts, [34, 40]);

  const tz = summary.timeZone;
  const columns: XlsxColumn[] = [
    ...COLUMNS.map((c) => ({ header: t(c.key), width: c.width, format: c.format })),
    { header: t("activities.export.locatedAt", { zone: zoneAbbreviation(tz) }), width: 17 },
  ];
  const sheet = workbook.table(t("activities.export.sheet"), columns);
  for await (const r of input.rows) {
    sheet.add([
      r.date,
      r.type,
      r.district,
      r.village,
      r.rt || r.rw ? `${r.rt ?? "-"}/${r.rw ?? "-"}` : "",
      r.volunteer,
      r.memberNumber ?? "",
      r.coVolunteers,
      r.minutes,
      r.people,
      r.households,
      r.aidValue,
      activityStatusLabel(r.status),
      r.latitude,
      r.longitude,
      r.locationAccuracy,
      r.locatedAt ? `${formatDateShort(r.locatedAt, tz)} ${formatTime(r.locatedAt, tz)}` : "",
    ]);
  }
  sheet.done();
  return workbook.bytes();
}
