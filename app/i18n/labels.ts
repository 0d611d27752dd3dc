// Labels for coded values, read from the catalogue.
import { t, type MessageKey } from "./index";

export function memberStatusLabel(status: string): string {
  return t(`member.status.${status}` as MessageKey);
}

export function roleLabel(role: string): string {
  return t(`role.${role}` as MessageKey);
}
