import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { t } from "~/i18n";
import { MAX_PHOTOS } from "~/validation/activity-codes";

const MAX_SIDE = 1600;
const QUALITY = 0.8;

/** Shrinks a photo to at most 1600 px on its longest side, as JPEG; the original when it cannot. */
async function compress(file: File): Promise<File> {
  if (!file.type.startsWith("image/") || typeof createImageBitmap !== "function") return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" });
  } catch {
    return file;
  }
}

/**
 * Up to three evidence photos, compressed in the phone before they are sent (a weak signal
 * carries 200 KB better than 5 MB). Without JavaScript the originals are sent and the server
 * shrinks them.
 */
export function PhotoInput({ error, stored, kept }: { error?: string; stored: number; kept?: File[] }) {
  const [note, setNote] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const left = MAX_PHOTOS - stored;
  // an activity kept on the phone opens with its photos already chosen (they are sent with it)
  useEffect(() => {
    if (!kept?.length || !input.current || typeof DataTransfer !== "function") return;
    const transfer = new DataTransfer();
    kept.slice(0, left).forEach((f) => transfer.items.add(f));
    input.current.files = transfer.files;
    const kb = Math.round(kept.reduce((sum, f) => sum + f.size, 0) / 1024);
    setNote(t("activities.photos.ready", { count: transfer.files.length, kb }));
  }, [kept, left]);
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    if (files.length > left) {
      setNote(t("activities.photos.tooMany", { max: left }));
      input.value = "";
      return;
    }
    setNote(t("activities.photos.preparing"));
    const compressed = await Promise.all(files.map(compress));
    const transfer = new DataTransfer();
    compressed.forEach((f) => transfer.items.add(f));
    input.files = transfer.files;
    const kb = Math.round(compressed.reduce((sum, f) => sum + f.size, 0) / 1024);
    setNote(t("activities.photos.ready", { count: compressed.length, kb }));
  };
  if (left <= 0) return <p className="muted">{t("activities.photos.full", { max: MAX_PHOTOS })}</p>;
  return (
    <div className="field">
      <label htmlFor="photos">{t("activities.photos.label", { max: left })}</label>
      <input
        ref={input}
        id="photos"
        name="photos"
        type="file"
        accept="image/jpeg,image/png"
        capture="environment"
        multiple
        onChange={onChange}
        aria-invalid={error ? true : undefined}
      />
      {note ? <p className="muted">{note}</p> : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
