// Labels for coded values, read from the catalogue.
import { t, type MessageKey } from "./index";

export function memberStatusLabel(status: string): string {
  return t(`member.status.${status}` as MessageKey);
}

export function roleLabel(role: string): string {
  return t(`role.${role}` as MessageKey);
}

export function positionKindLabel(kind: string): string {
  return t(`leadership.kind.${kind}` as MessageKey);
}

export function periodStatusLabel(status: string): string {
  return t(`leadership.status.${status}` as MessageKey);
}

export function holdingEndReasonLabel(reason: string): string {
  return t(`leadership.endReason.${reason}` as MessageKey);
}

export function courseKindLabel(kind: string): string {
  return t(`trainings.kind.${kind}` as MessageKey);
}

export function organiserLabel(organiser: string): string {
  return t(`trainings.organiser.${organiser}` as MessageKey);
}

export function attendanceLabel(value: string | null): string {
  return value ? t(`trainings.attendance.${value}` as MessageKey) : t("trainings.notRecorded");
}

export function resultLabel(value: string | null): string {
  return value ? t(`trainings.result.${value}` as MessageKey) : t("trainings.notRecorded");
}

export function levelLabel(level: string): string {
  return t(`trainings.level.${level}` as MessageKey);
}

export function competencySourceLabel(source: string): string {
  return t(`trainings.source.${source}` as MessageKey);
}

export function activityStatusLabel(status: string): string {
  return t(`activities.status.${status}` as MessageKey);
}

/** A wait in words, for a throttled sign-in: "45 detik", "2 menit". */
export function waitLabel(seconds: number): string {
  return seconds < 60 ? t("login.wait.seconds", { n: seconds }) : t("login.wait.minutes", { n: Math.ceil(seconds / 60) });
}
