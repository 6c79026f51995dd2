/** Avatar: the person's picture, or their generated one; decorative next to their name. */
export function Avatar({ handle, image, size = 40 }: { handle: string; image?: string | null; size?: number }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- tiny SVGs and remote pictures need no optimizer
    <img
      className="avatar"
      src={image ?? `/api/avatar/${encodeURIComponent(handle)}`}
      alt=""
      width={size}
      height={size}
      loading="lazy"
    />
  );
}
