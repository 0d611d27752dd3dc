import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { t, type MessageKey } from "~/i18n/index";
import { formatDateLong } from "~/utils/format";
import { PDF_FONT } from "./styles";

// ID-1 size (85.6 x 54 mm) in points. Each row is one card: front and back side by side, to be
// cut along the dashed lines and folded or laminated back to back. Five rows fill an A4 page:
// 5 x 153.07 pt + 4 gaps of 6 pt + 2 x 20 pt padding = 829.4 pt of the page's 841.9 pt.
const CARD_SIZE = { width: 242.65, height: 153.07 } as const;
const CARDS_PER_PAGE = 5;

export type MemberCardPdfChapter = {
  name: string;
  letterheadSubtitle: string;
  address: string;
  /** IANA time zone in which "valid until" is shown */
  timeZone: string;
  /** the chapter's logo (PNG bytes), in the card's band */
  logo?: Buffer | null;
  /** the serving Ketua's signature (PNG bytes) and name, on the back; none without both */
  signature?: { image: Buffer; name: string } | null;
};

export type MemberCardPdfCard = {
  fullName: string;
  memberNumber: string | null;
  membershipType: string;
  validUntil: Date;
  /** a candidate's card: says "CALON ANGGOTA" and is valid only while the candidacy lasts */
  candidate?: boolean;
  /** JPEG bytes of the photo, or null for the placeholder box */
  photo: Buffer | null;
  /** PNG data URL of the QR code pointing to /verify/<code> (made before rendering) */
  qr: string;
};

export type MemberCardPdfData = { chapter: MemberCardPdfChapter; cards: MemberCardPdfCard[] };

const PHOTO = { width: 54, height: 72 };

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT, paddingVertical: 20, paddingHorizontal: 40, fontSize: 7, color: "#111" },
  row: { flexDirection: "row", justifyContent: "space-between", marginBottom: 6 },
  card: {
    width: CARD_SIZE.width,
    height: CARD_SIZE.height,
    borderWidth: 0.5,
    borderColor: "#888",
    borderStyle: "dashed",
    overflow: "hidden",
  },
  band: { backgroundColor: "#0b5d7a", color: "#fff", paddingVertical: 5, paddingHorizontal: 8 },
  bandRow: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start" },
  bandText: { flex: 1 },
  bandTitle: { fontSize: 6.5, fontWeight: 700 },
  bandSub: { fontSize: 6.5 },
  kta: { fontSize: 7, fontWeight: 700, marginLeft: 6 },
  logo: { width: 22, height: 22, objectFit: "contain", marginRight: 5 },
  candidate: { fontSize: 7.5, fontWeight: 700, color: "#b3261e", marginBottom: 1 },
  signature: { marginTop: 2 },
  signatureImage: { width: 70, height: 24, objectFit: "contain" },
  signatureName: { fontSize: 6, fontWeight: 700 },
  body: { flexDirection: "row", padding: 8, gap: 8 },
  photo: { ...PHOTO, objectFit: "cover", borderWidth: 0.5, borderColor: "#999" },
  photoBox: { ...PHOTO, borderWidth: 0.5, borderColor: "#999", backgroundColor: "#eef2f5", justifyContent: "center" },
  photoText: { fontSize: 6, color: "#777", textAlign: "center" },
  details: { flex: 1, gap: 1.5 },
  label: { fontSize: 5.5, color: "#555" },
  name: { fontSize: 9, fontWeight: 700, maxLines: 2, textOverflow: "ellipsis" },
  value: { fontSize: 8 },
  validUntil: { fontSize: 7, fontWeight: 700, marginTop: 3 },
  back: { padding: 10, flexDirection: "row", gap: 10, alignItems: "center", height: CARD_SIZE.height },
  qr: { width: 92, height: 92 },
  backText: { flex: 1, gap: 4 },
  backTitle: { fontSize: 7.5, fontWeight: 700 },
  backAddress: { fontSize: 6, color: "#333" },
});

type CardProps = { card: MemberCardPdfCard; chapter: MemberCardPdfChapter };

function CardPhoto({ photo }: { photo: Buffer | null }) {
  if (photo) return <Image style={s.photo} src={{ data: photo, format: "jpg" }} />;
  return (
    <View style={s.photoBox}>
      <Text style={s.photoText}>{t("cards.noPhoto")}</Text>
    </View>
  );
}

function CardFront({ card, chapter }: CardProps) {
  return (
    <View style={s.card}>
      <View style={[s.band, s.bandRow]}>
        {chapter.logo ? <Image style={s.logo} src={{ data: chapter.logo, format: "png" }} /> : null}
        <View style={s.bandText}>
          <Text style={s.bandTitle}>{t("cards.association")}</Text>
          <Text style={s.bandSub}>{chapter.letterheadSubtitle}</Text>
        </View>
        <Text style={s.kta}>{t("cards.kta")}</Text>
      </View>
      <View style={s.body}>
        <CardPhoto photo={card.photo} />
        <View style={s.details}>
          {card.candidate ? <Text style={s.candidate}>{t("cards.candidate")}</Text> : null}
          <Text style={s.label}>{t("cards.name")}</Text>
          <Text style={s.name}>{card.fullName}</Text>
          <Text style={s.label}>{t("cards.number")}</Text>
          <Text style={s.value}>{card.memberNumber ?? "–"}</Text>
          <Text style={s.label}>{t("cards.type")}</Text>
          <Text style={s.value}>{t(`member.type.${card.membershipType}` as MessageKey)}</Text>
          <Text style={s.validUntil}>
            {t(card.candidate ? "cards.candidateValidUntil" : "cards.validUntil", {
              date: formatDateLong(card.validUntil, chapter.timeZone),
            })}
          </Text>
        </View>
      </View>
    </View>
  );
}

function CardBack({ card, chapter }: CardProps) {
  return (
    <View style={s.card}>
      <View style={s.back}>
        <Image style={s.qr} src={card.qr} />
        <View style={s.backText}>
          <Text style={s.backTitle}>{chapter.name}</Text>
          <Text>{t("cards.scan")}</Text>
          <Text style={s.backAddress}>{chapter.address}</Text>
          {chapter.signature ? (
            <View style={s.signature}>
              <Text>{t("cards.signatureTitle")},</Text>
              <Image style={s.signatureImage} src={{ data: chapter.signature.image, format: "png" }} />
              <Text style={s.signatureName}>{chapter.signature.name}</Text>
            </View>
          ) : null}
        </View>
      </View>
    </View>
  );
}

function pagesOf<T>(items: T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages;
}

/** Printable member cards: one row (front, back) per card, five rows to an A4 page, with cut lines. */
export function MemberCardDocument({ data }: { data: MemberCardPdfData }) {
  return (
    <Document title={`${t("cards.title")} ${data.chapter.name}`} author={data.chapter.name} language="id">
      {pagesOf(data.cards, CARDS_PER_PAGE).map((cards, pageIndex) => (
        <Page key={pageIndex} size="A4" style={s.page}>
          {cards.map((card, index) => (
            <View key={index} style={s.row} wrap={false}>
              <CardFront card={card} chapter={data.chapter} />
              <CardBack card={card} chapter={data.chapter} />
            </View>
          ))}
        </Page>
      ))}
    </Document>
  );
}
