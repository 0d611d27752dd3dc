import { StyleSheet } from "@react-pdf/renderer";

/** The font family registered in render.server.ts (Noto Sans: covers Indonesian text). */
export const PDF_FONT = "NotoSans";

export const pdfStyles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT,
    fontSize: 9,
    paddingTop: 32,
    paddingBottom: 48,
    paddingHorizontal: 40,
    color: "#111",
  },
  title: { fontSize: 12, fontWeight: 700, textAlign: "center", marginTop: 12 },
  subtitle: { fontSize: 10, textAlign: "center", marginBottom: 12 },
  row: { flexDirection: "row", borderLeftWidth: 1, borderColor: "#444" },
  headerRow: { backgroundColor: "#e8eef3", borderTopWidth: 1 },
  cell: { borderRightWidth: 1, borderBottomWidth: 1, borderColor: "#444", paddingVertical: 3, paddingHorizontal: 4 },
  headerCell: { fontWeight: 700 },
  footer: {
    position: "absolute",
    bottom: 20,
    left: 40,
    right: 40,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7,
    color: "#555",
  },
});
