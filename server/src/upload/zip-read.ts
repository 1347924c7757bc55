import type yauzl from 'yauzl';
import yauzlLib from 'yauzl';
import type { ZipLimits } from '../../../shared/src/upload-limits';
import { uploadErrors } from './upload-errors';
import { checkZipContents } from './zip-guard';

/**
 * Reads the entries of a zip whose names pass `wanted`, after `checkZipContents` has checked the
 * whole file against `limits` (so nothing read here can inflate past the caps). For KMZ files,
 * whose one document is read whole.
 */
export async function readZipEntries(
  source: Buffer,
  limits: ZipLimits,
  wanted: (name: string) => boolean,
): Promise<Map<string, Buffer>> {
  await checkZipContents(source, limits);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzlLib.fromBufferPromise(source, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    });
  } catch {
    throw uploadErrors.zipInvalid();
  }
  const out = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      out.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return out;
}
