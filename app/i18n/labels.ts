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
