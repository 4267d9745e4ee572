import type { Upload } from '../types';

/** Uploaded images, claimed by the message that carries them. */
export interface UploadsPort {
  createUpload(
    input: Omit<Upload, 'id' | 'conversationId' | 'messageId' | 'createdAt'>,
  ): Promise<Upload>;
  getUpload(input: { id: string }): Promise<Upload | null>;
  getUploads(input: { ids: string[] }): Promise<Upload[]>;
}
