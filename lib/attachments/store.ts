import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { attachmentChunks } from '@/db/schema/attachments';

/**
 * Where attachments' bytes live. The default keeps them in the database, in chunks: it works
 * unchanged with the embedded database and with Postgres, and every instance of the app behind
 * a load balancer reads the same bytes, with the same backups. Another store (an object store)
 * would implement these two functions; the metadata and every permission check stay in
 * lib/attachments/data.ts and the features that own the files.
 */
export type AttachmentStore = {
  /** Inside the transaction that records the attachment, so a failed upload leaves nothing. */
  write: (tx: Db, attachmentId: string, bytes: Uint8Array) => Promise<void>;
  /** The bytes as a stream, read chunk by chunk as the client takes them. */
  read: (db: Db, attachmentId: string) => ReadableStream<Uint8Array>;
};

/** 256 KiB: a 10 MB file is 40 rows; no single value or query holds a whole large file. */
export const CHUNK_BYTES = 256 * 1024;

const databaseStore: AttachmentStore = {
  async write(tx, attachmentId, bytes) {
    for (let seq = 0, offset = 0; offset < bytes.length; seq++, offset += CHUNK_BYTES) {
      const data = Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(CHUNK_BYTES, bytes.length - offset));
      await tx.insert(attachmentChunks).values({ attachmentId, seq, data });
    }
  },
  read(db, attachmentId) {
    let seq = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const [row] = await db
          .select({ data: attachmentChunks.data })
          .from(attachmentChunks)
          .where(and(eq(attachmentChunks.attachmentId, attachmentId), eq(attachmentChunks.seq, seq)));
        seq++;
        if (row) controller.enqueue(new Uint8Array(row.data));
        else controller.close();
      },
    });
  },
};

export function attachmentStore(): AttachmentStore {
  return databaseStore;
}
