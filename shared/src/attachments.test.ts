import { describe, expect, it } from 'vitest';
import { sniffAttachmentType } from './attachments';

describe('sniffAttachmentType', () => {
  it('knows PNG, JPEG and PDF by their first bytes', () => {
    expect(sniffAttachmentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffAttachmentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffAttachmentType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
  });
  it('refuses anything else, whatever its name says', () => {
    expect(sniffAttachmentType(new TextEncoder().encode('MZ\x90\x00'))).toBeNull();
    expect(sniffAttachmentType(new TextEncoder().encode('<svg>'))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array([]))).toBeNull();
  });
});
