import * as fs from 'fs';

/**
 * Names of the entries of a zip file (a jar), read from its central directory.
 * Plain Node instead of `unzip -Z1` or `jar tf`: users need neither tool, and a
 * JRE has no `jar`.
 */
export function zipEntryNames(file: string): string[] {
  const buf = fs.readFileSync(file);
  // End of central directory: at most 64 KiB of comment after it.
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  let entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  // ZIP64 archives mark the real values in another record; jars that large do not occur here.
  if (entries === 0xffff || offset === 0xffffffff) throw new Error(`${file} is a ZIP64 archive, which is not supported`);
  const names: string[] = [];
  while (entries-- > 0) {
    if (buf.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: corrupt central directory`);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
