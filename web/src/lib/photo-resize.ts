/** Longest edge a photo keeps after upload: enough to read a site sign, a fraction of a camera's 12 MP. */
export const PHOTO_MAX_EDGE = 2048;

/** JPEG quality of a resized photo; visually lossless for site photos at a quarter of the bytes. */
const JPEG_QUALITY = 0.85;

/** The size a photo of `width`×`height` is drawn at so its long edge is at most `maxEdge`. */
export function fittedSize(width: number, height: number, maxEdge = PHOTO_MAX_EDGE) {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A photo redrawn on a canvas as JPEG, long edge ≤ 2048 px. Redrawing keeps only the pixels, so
 * the camera's EXIF (its GPS position among it) is gone: a photo says where it was taken only when
 * the person chooses to attach their location separately. `createImageBitmap` applies the EXIF
 * orientation, so the picture stays upright. A file the browser cannot decode is returned as it is
 * (the server checks type and size again).
 */
export async function resizePhoto(file: File): Promise<File> {
  if (!file.type.startsWith('image/')) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const { width, height } = fittedSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) {
    bitmap.close();
    return file;
  }
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY),
  );
  if (!blob) return file;
  const name = file.name.replace(/\.[^.]*$/, '') || 'photo';
  return new File([blob], `${name}.jpg`, { type: 'image/jpeg', lastModified: file.lastModified });
}
