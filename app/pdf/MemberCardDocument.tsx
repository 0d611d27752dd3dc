import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { t, type MessageKey } from "~/i18n";
import { formatCalendarDateLong } from "~/utils/format";
import { PDF_FONT } from "./styles";

// ID-1 size (85.6 x 54 mm) in points; five cards (front and back side by side) per A4 page.
const CARD = { width: 242.65, height: 153.07 };
export const CARDS_PER_PAGE = 5;

export type MemberCardPdfData = {
  chapter: { name: string; letterheadSubtitle: string; address: string };
  cards: {
    fullName: string;
    memberNumber: string | null;
    membershipType: string;
    validUntil: Date;
    /** JPEG bytes of the photo, or null */
    photo: Buffer | null;
    /** PNG data URL of the QR code pointing to /verify/<code> */
    qr: string;
  }[];
};

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT, paddingVertical: 24, paddingHorizontal: 40, fontSize: 7 },
  row: { flexDirection: "row", justifyContent: "space-between", marginBottom: 8 },
  card: {
    width: CARD.width,
    height: CARD.height,
    borderWidth: 0.5,
    borderColor: "#888",
    borderStyle: "dashed",
    borderRadius: 6,
    overflow: "hidden",
  },
  band: { backgroundColor: "#0b5d7a", color: "#fff", paddingVertical: 5, paddingHorizontal: 8 },
  bandTitle: { fontSize: 7.5, fontWeight: 700 },
  bandSub: { fontSize: 6.5 },
  body: { flexDirection: "row", padding: 8, gap: 8 },
  photo: { width: 54, height: 72, objectFit: "cover", borderWidth: 0.5, borderColor: "#999" },
  photoBox: { width: 54, height: 72, borderWidth: 0.5, borderColor: "#999", backgroundColor: "#eef2f5", justifyContent: "center" },
  photoText: { fontSize: 6, color: "#777", textAlign: "center" },
  details: { flex: 1, gap: 2 },
  label: { fontSize: 5.5, color: "#555" },
  name: { fontSize: 9, fontWeight: 700, maxLines: 2, textOverflow: "ellipsis" },
  value: { fontSize: 8 },
  kta: { fontSize: 6, fontWeight: 700, textAlign: "right" },
  bandRow: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start" },
  back: { padding: 10, flexDirection: "row", gap: 10, alignItems: "center", height: CARD.height },
  qr: { width: 92, height: 92 },
  backText: { flex: 1, gap: 4 },
  backTitle: { fontSize: 7.5, fontWeight: 700 },
});

function CardFront({ card, chapter }: { card: MemberCardPdfData["cards"][number]; chapter: MemberCardPdfData["chapter"] }) {
  return (
    <View style={s.card}>
      <View style={[s.band, s.bandRow]}>
        <View>
          <Text style={s.bandTitle}>{t("pdf.letterhead.association")}</Text>
          <Text style={s.bandSub}>{chapter.letterheadSubtitle}</Text>
        </View>
        <Text style={s.kta}>{t("cards.kta")}</Text>
      </View>
      <View style={s.body}>
        {card.photo ? (
          <Image style={s.photo} src={{ data: card.photo, format: "jpg" }} />
        ) : (
          <View style={s.photoBox}>
            <Text style={s.photoText}>{t("cards.noPhoto")}</Text>
          </View>
        )}
        <View style={s.details}>
          <Text style={s.label}>{t("cards.name")}</Text>
          <Text style={s.name}>{card.fullName}</Text>
          <Text style={s.label}>{t("cards.number")}</Text>
          <Text style={s.value}>{card.memberNumber ?? "–"}</Text>
          <Text style={s.label}>{t("cards.type")}</Text>
          <Text style={s.value}>{t(`member.type.${card.membershipType}` as MessageKey)}</Text>
          <Text style={s.label}>{t("cards.validUntil")}</Text>
          <Text style={s.value}>{formatCalendarDateLong(card.validUntil)}</Text>
        </View>
      </View>
    </View>
  );
}

function CardBack({ card, chapter }: { card: MemberCardPdfData["cards"][number]; chapter: MemberCardPdfData["chapter"] }) {
  return (
    <View style={s.card}>
      <View style={s.back}>
        <Image style={s.qr} src={card.qr} />
        <View style={s.backText}>
          <Text style={s.backTitle}>{chapter.name}</Text>
          <Text>{t("cards.scan")}</Text>
          <Text style={{ fontSize: 6 }}>{chapter.address}</Text>
        </View>
      </View>
    </View>
  );
}

/** Printable member cards, front and back side by side, five to an A4 page, with cut lines. */
export function MemberCardDocument({ data }: { data: MemberCardPdfData }) {
  const pages: MemberCardPdfData["cards"][] = [];
  for (let i = 0; i < data.cards.length; i += CARDS_PER_PAGE) pages.push(data.cards.slice(i, i + CARDS_PER_PAGE));
  return (
    <Document title={`${t("cards.title")} ${data.chapter.name}`} author={data.chapter.name} language="id">
      {pages.map((cards, index) => (
        <Page key={index} size="A4" style={s.page}>
          {cards.map((card, i) => (
            <View key={i} style={s.row} wrap={false}>
              <CardFront card={card} chapter={data.chapter} />
              <CardBack card={card} chapter={data.chapter} />
            </View>
          ))}
        </Page>
      ))}
    </Document>
  );
}
