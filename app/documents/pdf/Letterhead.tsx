import { Image, Text, View, StyleSheet } from "@react-pdf/renderer";
import { t } from "~/i18n/index";

export type LetterheadData = {
  letterheadSubtitle: string;
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** the chapter's logo (PNG bytes), printed left of the texts when there is one */
  logo?: Buffer | null;
};

const styles = StyleSheet.create({
  box: { borderBottomWidth: 2, borderBottomColor: "#111", paddingBottom: 6, marginBottom: 2 },
  rule: { borderBottomWidth: 0.5, borderBottomColor: "#111", marginBottom: 8 },
  association: { fontSize: 13, fontWeight: 700, textAlign: "center" },
  chapter: { fontSize: 12, fontWeight: 700, textAlign: "center" },
  contact: { fontSize: 8, textAlign: "center", marginTop: 2 },
  withLogo: { flexDirection: "row", alignItems: "center" },
  logo: { width: 52, height: 52, objectFit: "contain" },
  texts: { flex: 1 },
  // keeps the texts centred on the page: as wide as the logo, on the other side
  balance: { width: 52 },
});

/** The kop surat: association, chapter, address and contacts, with the double rule below. */
export function Letterhead({ chapter }: { chapter: LetterheadData }) {
  const contacts = [
    chapter.phone ? `Telp. ${chapter.phone}` : null,
    chapter.email ? `Email: ${chapter.email}` : null,
    chapter.website,
  ].filter(Boolean);
  return (
    <View fixed>
      <View style={chapter.logo ? [styles.box, styles.withLogo] : styles.box}>
        {chapter.logo ? <Image style={styles.logo} src={{ data: chapter.logo, format: "png" }} /> : null}
        <View style={chapter.logo ? styles.texts : undefined}>
          <Text style={styles.association}>{t("pdf.letterhead.association")}</Text>
          <Text style={styles.chapter}>{chapter.letterheadSubtitle}</Text>
          <Text style={styles.contact}>{chapter.address}</Text>
          {contacts.length > 0 ? <Text style={styles.contact}>{contacts.join(" · ")}</Text> : null}
        </View>
        {chapter.logo ? <View style={styles.balance} /> : null}
      </View>
      <View style={styles.rule} />
    </View>
  );
}
