// The Indonesian message catalogue: every text the portal shows a person, one key per text;
// `{name}` marks a value filled in by t(). Kept in one part per area so that areas can grow
// side by side; the keys stay unique across parts (a test checks it).
import { activities } from "./id/activities";
import { accounts } from "./id/accounts";
import { accountLinks } from "./id/account-links";
import { applications } from "./id/applications";
import { audit } from "./id/audit";
import { cards } from "./id/cards";
import { chapter } from "./id/chapter";
import { chapters } from "./id/chapters";
import { certificates } from "./id/certificates";
import { common } from "./id/common";
import { memberImport } from "./id/import";
import { leadership } from "./id/leadership";
import { members } from "./id/members";
import { ownData } from "./id/own-data";
import { privacy } from "./id/privacy";
import { programmeReport } from "./id/programme-report";
import { programmes } from "./id/programmes";
import { reports } from "./id/reports";
import { reportPages } from "./id/report-pages";
import { secondFactor } from "./id/second-factor";
import { regions } from "./id/regions";
import { setup } from "./id/setup";
import { trainings } from "./id/trainings";
import { notifications } from "./id/notifications";

export const parts = {
  common,
  privacy,
  members,
  cards,
  memberImport,
  leadership,
  trainings,
  activities,
  programmes,
  programmeReport,
  reportPages,
  reports,
  certificates,
  audit,
  chapter,
  chapters,
  regions,
  accounts,
  setup,
  accountLinks,
  applications,
  ownData,
  secondFactor,
  notifications,
} as const;

export const id = {
  ...common,
  ...privacy,
  ...members,
  ...cards,
  ...memberImport,
  ...leadership,
  ...trainings,
  ...activities,
  ...programmes,
  ...programmeReport,
  ...reportPages,
  ...reports,
  ...certificates,
  ...audit,
  ...chapter,
  ...chapters,
  ...regions,
  ...accounts,
  ...setup,
  ...accountLinks,
  ...applications,
  ...ownData,
  ...secondFactor,
  ...notifications,
} as const;

export type MessageKey = keyof typeof id;
