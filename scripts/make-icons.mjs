// Draws the portal's app icons into public/icons (run once when the art changes: node scripts/make-icons.mjs).
import sharp from "sharp";
// A white heart held by two hands' arc on the portal's teal: drawn with paths only (no fonts).
const art = (pad) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" rx="${pad ? 0 : 96}" fill="#0b5d7a"/>
<g transform="translate(256 256) scale(${pad ? 0.72 : 0.9}) translate(-256 -256)">
<path d="M256 392 C 150 318 104 266 104 206 C 104 164 136 132 178 132 C 212 132 238 152 256 180 C 274 152 300 132 334 132 C 376 132 408 164 408 206 C 408 266 362 318 256 392 Z" fill="#ffffff"/>
<path d="M96 330 Q 256 470 416 330" stroke="#f2b134" stroke-width="30" fill="none" stroke-linecap="round"/>
</g></svg>`;
await sharp(Buffer.from(art(false)))
  .resize(192, 192)
  .png()
  .toFile("public/icons/icon-192.png");
await sharp(Buffer.from(art(false)))
  .resize(512, 512)
  .png()
  .toFile("public/icons/icon-512.png");
await sharp(Buffer.from(art(true)))
  .resize(512, 512)
  .png()
  .toFile("public/icons/icon-maskable-512.png");
await sharp(Buffer.from(art(false)))
  .resize(180, 180)
  .flatten({ background: "#0b5d7a" })
  .png()
  .toFile("public/icons/apple-touch-icon.png");
