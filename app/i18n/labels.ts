// Labels for coded values, read from the catalogue.
import { t, type MessageKey } from "./index";
import type { Role } from "~/utils/permissions";

export function memberStatusLabel(status: string): string {
  return t(`member.status.${status}` as MessageKey);
}

export function sexLabel(sex: string): string {
  return t(`member.sex.${sex}` as MessageKey);
}

export function roleLabel(role: Role): string {
  return t(`role.${role}`);
}
