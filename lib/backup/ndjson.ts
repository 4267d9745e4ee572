import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { z } from 'zod';

import {
  TRANSFER_COLLECTIONS,
  transferSchemas,
  type DataTransfer,
  type TransferCollection,
  type TransferRecord,
} from '@/lib/db/transfer';

import { BackupError } from './errors';
import { sha256File } from './files';

/**
 * NDJSON export: a header line, one line per record (`{"collection": "users", "record": {...}}`)
 * in TRANSFER_COLLECTIONS order, and a footer with the count per collection, so a truncated file
 * is refused instead of half imported. `<file>.sha256` beside it checksums the whole.
 */
const headerSchema = z.object({
  format: z.literal('parley-ndjson'),
  formatVersion: z.literal(1),
  exportedAt: z.iso.datetime(),
  source: z.enum(['sqlite', 'mongo']),
});
const footerSchema = z.object({
  end: z.literal(true),
  counts: z.record(
    z.enum(TRANSFER_COLLECTIONS as [TransferCollection, ...TransferCollection[]]),
    z.number().int().min(0),
  ),
});
type AnyLine = {
  [C in TransferCollection]: { collection: C; record: TransferRecord<C> };
}[TransferCollection];
const envelopeSchema = z.object({
  collection: z.enum(TRANSFER_COLLECTIONS as [TransferCollection, ...TransferCollection[]]),
  record: z.unknown(),
});

/** A record line: the envelope names the collection, whose schema then parses the record. */
function parseRecordLine(text: string, lineNo: number): AnyLine {
  const { collection, record } = parseLine(envelopeSchema, text, lineNo);
  const schema: z.ZodType = transferSchemas[collection];
  const parsed = parseLine(schema, JSON.stringify(record), lineNo, 'record.');
  return { collection, record: parsed } as AnyLine;
}

export function ndjsonName(now: Date): string {
  return `parley-export-${now.toISOString().replaceAll(':', '-').replace('.', '-')}.ndjson`;
}

export async function exportNdjson(input: {
  transfer: DataTransfer;
  outDir: string;
  now?: Date;
}): Promise<{ file: string; counts: Record<TransferCollection, number> }> {
  const now = input.now ?? new Date();
  await mkdir(input.outDir, { recursive: true });
  const file = path.join(input.outDir, ndjsonName(now));
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const counts = Object.fromEntries(TRANSFER_COLLECTIONS.map((c) => [c, 0])) as Record<
    TransferCollection,
    number
  >;
  await write({
    format: 'parley-ndjson',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    source: input.transfer.kind,
  });
  for (const collection of TRANSFER_COLLECTIONS) {
    for await (const record of input.transfer.exportRecords(collection)) {
      await write({ collection, record });
      counts[collection]++;
    }
  }
  await write({ end: true, counts });
  out.end();
  await once(out, 'close');
  await writeFile(`${file}.sha256`, `${await sha256File(partial)}  ${path.basename(file)}\n`);
  await rename(partial, file);
  return { file, counts };
}

function parseLine<T>(schema: z.ZodType<T>, text: string, lineNo: number, prefix = ''): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError(`Line ${lineNo} is not JSON: the export is damaged.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(
      `Line ${lineNo} is not a valid export line (${prefix}${issue?.path.join('.')}: ${issue?.message}).`,
    );
  }
  return parsed.data;
}

/** Reads the whole file and checks it (every line, order, footer counts) without writing. */
async function* readLines(file: string): AsyncGenerator<{ text: string; lineNo: number }> {
  let lineNo = 0;
  for await (const text of createInterface({
    input: createReadStream(file),
    crlfDelay: Infinity,
  })) {
    lineNo++;
    if (text.trim() !== '') yield { text, lineNo };
  }
}

async function verify(file: string): Promise<Record<TransferCollection, number>> {
  const seen = Object.fromEntries(TRANSFER_COLLECTIONS.map((c) => [c, 0])) as Record<
    TransferCollection,
    number
  >;
  let header = false;
  let footer: z.infer<typeof footerSchema> | null = null;
  let order = 0;
  for await (const { text, lineNo } of readLines(file)) {
    if (footer) throw new BackupError(`Line ${lineNo} follows the export's last line.`);
    if (!header) {
      parseLine(headerSchema, text, lineNo);
      header = true;
      continue;
    }
    if (text.startsWith('{"end"')) {
      footer = parseLine(footerSchema, text, lineNo);
      continue;
    }
    const line = parseRecordLine(text, lineNo);
    const index = TRANSFER_COLLECTIONS.indexOf(line.collection);
    if (index < order)
      throw new BackupError(`Line ${lineNo}: ${line.collection} after later collections.`);
    order = index;
    seen[line.collection]++;
  }
  if (!header) throw new BackupError('The file is empty or not a Parley export.');
  if (!footer)
    throw new BackupError('The export has no last line: it was cut off. Nothing was imported.');
  for (const c of TRANSFER_COLLECTIONS) {
    if ((footer.counts[c] ?? 0) !== seen[c]) {
      throw new BackupError(
        `The export lists ${footer.counts[c] ?? 0} ${c} but holds ${seen[c]}: it is damaged.`,
      );
    }
  }
  return seen;
}

/**
 * Imports an export into an EMPTY store (no people, no conversations): everything is checked
 * first (checksum file when present, every line against its schema, the footer's counts), then
 * written in batches, parents first.
 */
export async function importNdjson(input: {
  transfer: DataTransfer;
  file: string;
  batchSize?: number;
}): Promise<Record<TransferCollection, number>> {
  const sidecar = `${input.file}.sha256`;
  const expected = await readFile(sidecar, 'utf8').then(
    (t) => t.trim().split(/\s+/)[0],
    () => null,
  );
  if (expected !== null && expected !== (await sha256File(input.file))) {
    throw new BackupError(
      `${path.basename(input.file)} does not match its checksum file: it is damaged. Nothing was imported.`,
    );
  }
  const counts = await verify(input.file);
  for (const c of ['users', 'conversations'] as const) {
    if ((await input.transfer.count(c)) > 0) {
      throw new BackupError(
        `The configured ${input.transfer.kind} store already holds ${c}: import into an empty store.`,
      );
    }
  }
  const batchSize = input.batchSize ?? 500;
  let batch: AnyLine[] = [];
  const flush = async () => {
    const first = batch[0];
    if (!first) return;
    await input.transfer.importRecords(
      first.collection,
      batch.map((l) => l.record),
    );
    batch = [];
  };
  let first = true;
  for await (const { text, lineNo } of readLines(input.file)) {
    if (first || text.startsWith('{"end"')) {
      first = false;
      continue;
    }
    const line = parseRecordLine(text, lineNo);
    if (batch[0] && (batch[0].collection !== line.collection || batch.length >= batchSize))
      await flush();
    batch.push(line);
  }
  await flush();
  return counts;
}
