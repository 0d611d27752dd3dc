// Demo: the names Kota Pontianak's kelurahan are known by where the Kemendagri data source runs
// the words together ("Daratsekip" is Darat Sekip). Set by the administrator through the same
// rule the board's page uses (audited); the official names stay for search and reloads.
import { createSession, deleteSession, getSessionUser } from "~/domain/accounts/accounts.server";
import { renameVillage } from "~/domain/chapters/regions.server";
import { actorOf } from "~/domain/shared/actor.server";
import { villageNameSchema } from "~/validation/regions";

/** Kota Pontianak (61.71) kelurahan whose official spelling joins two words, with the usual name. */
export const PONTIANAK_VILLAGE_NAMES: Record<string, string> = {
  "61.71.01.1002": "Benua Melayu Laut", // Benuamelayu Laut
  "61.71.01.1003": "Benua Melayu Darat", // Benuamelayu Darat
  "61.71.01.1004": "Parit Tokaya", // Parittokaya
  "61.71.01.1005": "Kota Baru", // Kotabaru
  "61.71.02.1001": "Parit Mayor", // Paritmayor
  "61.71.02.1006": "Dalam Bugis", // Dalambugis
  "61.71.02.1007": "Tambelan Sampit", // Tambelansampit
  "61.71.03.1001": "Pal Lima", // Pallima
  "61.71.03.1002": "Sungai Jawi Dalam", // Sungaijawi Dalam
  "61.71.03.1003": "Sungai Jawi Luar", // Sungaijawi Luar
  "61.71.03.1004": "Sungai Beliung", // Sungaibeliung
  "61.71.04.1004": "Batu Layang", // Batulayang
  "61.71.05.1001": "Sungai Bangkong", // Sungaibangkong
  "61.71.05.1002": "Darat Sekip", // Daratsekip
  "61.71.05.1005": "Sungai Jawi", // Sungaijawi
  "61.71.06.1003": "Bangka Belitung Laut", // Bangkabelitung Laut
  "61.71.06.1004": "Bangka Belitung Darat", // Bangkabelitung Darat
};

/** Renames the Kota Pontianak kelurahan above as the administrator (who works in the city chapter). */
export async function seedVillageNames(adminUserId: string) {
  const session = await createSession(adminUserId, 1);
  const actor = actorOf((await getSessionUser(session.id))!);
  await deleteSession(session.id);
  for (const [code, name] of Object.entries(PONTIANAK_VILLAGE_NAMES)) {
    const result = await renameVillage(actor, villageNameSchema.parse({ code, name }));
    if (!result.ok) throw new Error(`Demo village name refused (${code} ${name}): ${JSON.stringify(result)}`);
  }
}
