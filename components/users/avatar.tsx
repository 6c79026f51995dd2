/**
 * Avatar: the person's picture, or their generated one; decorative next to their name. `photo`
 * marks it as the u-photo of the h-card around it (microformats).
 */
export function Avatar({
  handle,
  image,
  size = 40,
  photo = false,
}: {
  handle: string;
  image?: string | null;
  size?: number;
  photo?: boolean;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- tiny SVGs and remote pictures need no optimizer
    <img
      className={photo ? "avatar u-photo" : "avatar"}
      src={image ?? `/api/avatar/${encodeURIComponent(handle)}`}
      alt=""
      width={size}
      height={size}
      loading="lazy"
    />
  );
}
