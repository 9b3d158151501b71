import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '@kenshu/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import yauzl from 'yauzl';
import type { ScormLimits } from '../../config.ts';

/**
 * Each way a package can be refused. The API names the problem and its facts (the path, the
 * limits, the version); the web app words each problem in Japanese and English.
 */
export type ScormProblem =
  | 'not_zip'
  | 'no_manifest'
  | 'manifest_unreadable'
  | 'launch_missing'
  | 'unsupported_version'
  | 'unsafe_path'
  | 'over_limit';

/** A refused package: 422 naming the problem, with an English message for logs and API users. */
export function packageProblem(
  problem: ScormProblem,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError('SCORM_PACKAGE_INVALID', message, { problem, ...details });
}

/** What the manifest declares, shown before saving and stored with the package. */
export interface ScormManifest {
  scormVersion: '1.2' | '2004';
  title: string;
  /** The SCO to launch, relative to the package root (with its query, if any). */
  launchPath: string;
  /** 1.2: adlcp:masteryscore (0–100); 2004: minNormalizedMeasure (-1…1); null: none. */
  passingScore: number | null;
}

export interface ScormPackageInfo extends ScormManifest {
  fileCount: number;
  unpackedBytes: number;
}

interface PackageEntry {
  entry: yauzl.Entry;
  path: string;
}

const MANIFEST = 'imsmanifest.xml';
const MANIFEST_MAX_BYTES = 2 * 1024 * 1024;
/** Files smaller than this may compress very well (text, blank images) without being a bomb. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error || !zip) {
          reject(packageProblem('not_zip', 'The file is not a zip archive'));
          return;
        }
        resolve(zip);
      },
    );
  });
}

function decodeName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  // Bit 11: the name is UTF-8. Older tools wrote the local code page; latin1 keeps every byte.
  return (entry.generalPurposeBitFlag & 0x800) !== 0
    ? raw.toString('utf8')
    : raw.toString('latin1');
}

/**
 * The entry's path if it stays inside the package folder. Names are Kenshu's to place: refuse
 * absolute paths, drive letters, backslashes, `..` and empty segments, control characters.
 */
function safeEntryPath(name: string): string {
  const unsafe = (why: string) =>
    packageProblem(
      'unsafe_path',
      `The package holds an unsafe path (${why}): ${JSON.stringify(name.slice(0, 200))}`,
      {
        path: name.slice(0, 200),
      },
    );
  if (name.includes('\\')) throw unsafe('backslash');
  if (name.startsWith('/')) throw unsafe('absolute path');
  if (/^[A-Za-z]:/.test(name)) throw unsafe('drive letter');
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) throw unsafe('control character');
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..')) throw unsafe('parent folder');
  if (segments.some((s) => s === '' || s === '.')) throw unsafe('empty segment');
  return segments.join('/');
}

/** Reads the central directory, checking every name and the limits before anything is unpacked. */
async function listEntries(zip: yauzl.ZipFile, limits: ScormLimits): Promise<PackageEntry[]> {
  const entries: PackageEntry[] = [];
  let total = 0;
  const overLimit = (message: string) => packageProblem('over_limit', message, { limits });
  await new Promise<void>((resolve, reject) => {
    zip.on('error', () => reject(packageProblem('not_zip', 'The zip archive is damaged')));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        const name = decodeName(entry);
        const path = safeEntryPath(name);
        const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
        if (mode === S_IFLNK) {
          throw packageProblem('unsafe_path', `The package holds a symbolic link: ${name}`, {
            path: name.slice(0, 200),
          });
        }
        if (!name.endsWith('/')) {
          entries.push({ entry, path });
          total += entry.uncompressedSize;
          if (entries.length > limits.files) {
            throw overLimit(`The package holds more than ${limits.files} files`);
          }
          if (total > limits.unpackedBytes) {
            throw overLimit(`The package unpacks to more than ${limits.unpackedBytes} bytes`);
          }
          if (
            entry.uncompressedSize > RATIO_FLOOR_BYTES &&
            entry.uncompressedSize > entry.compressedSize * limits.compressionRatio
          ) {
            throw overLimit(
              `${name} unpacks to more than ${limits.compressionRatio} times its compressed size`,
            );
          }
        }
        zip.readEntry();
      } catch (error) {
        reject(error);
      }
    });
    zip.readEntry();
  });
  return entries;
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(packageProblem('not_zip', 'The zip archive is damaged'));
      else resolve(stream);
    });
  });
}

async function readEntryText(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  if (entry.uncompressedSize > MANIFEST_MAX_BYTES) {
    throw packageProblem('manifest_unreadable', 'imsmanifest.xml is larger than 2 MB');
  }
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await openEntry(zip, entry)) chunks.push(chunk as Buffer);
  } catch {
    throw packageProblem('not_zip', 'The zip archive is damaged');
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

type XmlNode = Record<string, unknown>;
const asNodes = (v: unknown): XmlNode[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (n): n is XmlNode => typeof n === 'object' && n !== null,
  );
const textOf = (v: unknown): string | null => {
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  if (typeof v === 'object' && v !== null && '#text' in v) return textOf((v as XmlNode)['#text']);
  return null;
};
const attr = (node: XmlNode, name: string): string | null => textOf(node[`@_${name}`]);

function firstItemWithResource(items: XmlNode[]): XmlNode | undefined {
  for (const item of items) {
    if (attr(item, 'identifierref')) return item;
    const child = firstItemWithResource(asNodes(item.item));
    if (child) return child;
  }
  return undefined;
}

function detectVersion(manifest: XmlNode, xml: string): '1.2' | '2004' {
  const metadata = asNodes(manifest.metadata)[0];
  const schemaVersion = metadata ? textOf(metadata.schemaversion) : null;
  if (schemaVersion !== null) {
    if (schemaVersion === '1.2') return '1.2';
    if (/^(2004\b|CAM 1\.3$)/.test(schemaVersion)) return '2004';
    throw packageProblem(
      'unsupported_version',
      `SCORM version "${schemaVersion.slice(0, 50)}" is not supported (SCORM 1.2 and 2004 are)`,
      { schemaVersion: schemaVersion.slice(0, 50) },
    );
  }
  if (xml.includes('adlcp_rootv1p2')) return '1.2';
  if (xml.includes('adlcp_v1p3')) return '2004';
  throw packageProblem(
    'unsupported_version',
    'The manifest names no SCORM version (metadata/schemaversion); SCORM 1.2 and 2004 are supported',
  );
}

/** Reads what Kenshu needs from imsmanifest.xml: version, title, launch file, passing score. */
export function readManifest(xml: string): ScormManifest {
  if (XMLValidator.validate(xml) !== true) {
    throw packageProblem('manifest_unreadable', 'imsmanifest.xml is not well-formed XML');
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    processEntities: false,
  }).parse(xml) as XmlNode;
  const manifest = asNodes(parsed.manifest)[0];
  if (!manifest) throw packageProblem('manifest_unreadable', 'imsmanifest.xml has no <manifest>');
  const scormVersion = detectVersion(manifest, xml);
  const organizations = asNodes(manifest.organizations)[0];
  const orgs = organizations ? asNodes(organizations.organization) : [];
  const chosen = organizations ? attr(organizations, 'default') : null;
  const org = orgs.find((o) => attr(o, 'identifier') === chosen) ?? orgs[0];
  const item = org && firstItemWithResource(asNodes(org.item));
  const resources = asNodes(asNodes(manifest.resources)[0]?.resource);
  const resource =
    item && resources.find((r) => attr(r, 'identifier') === attr(item, 'identifierref'));
  const href = resource && attr(resource, 'href');
  if (!org || !item || !resource || !href) {
    throw packageProblem(
      'manifest_unreadable',
      'imsmanifest.xml names no launchable item (organization → item → resource with href)',
    );
  }
  const base = [attr(asNodes(manifest.resources)[0] ?? {}, 'base'), attr(resource, 'base')]
    .filter((b): b is string => !!b)
    .join('');
  const parameters = attr(item, 'parameters') ?? '';
  const title = textOf(org.title) || textOf(item.title) || attr(manifest, 'identifier') || 'SCORM';
  let passingScore: number | null = null;
  if (scormVersion === '1.2') {
    const mastery = textOf(item.masteryscore);
    passingScore = mastery && Number.isFinite(Number(mastery)) ? Number(mastery) : null;
  } else {
    const primary = asNodes(
      asNodes(asNodes(item.sequencing)[0]?.objectives)[0]?.primaryObjective,
    )[0];
    const measure = primary && textOf(primary.minNormalizedMeasure);
    if (primary && attr(primary, 'satisfiedByMeasure') === 'true' && measure) {
      const value = Number(measure);
      passingScore = Number.isFinite(value) ? value : null;
    }
  }
  return {
    scormVersion,
    title: title.slice(0, 300),
    launchPath: `${base}${href}${parameters && !href.includes('?') ? parameters : ''}`,
    passingScore,
  };
}

/** The file a launch path names, without its query or fragment, if it is inside the package. */
function launchFile(launchPath: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(launchPath) || launchPath.startsWith('//')) return null;
  const file = decodeURI(launchPath.split(/[?#]/)[0] ?? '');
  try {
    return safeEntryPath(file);
  } catch {
    return null;
  }
}

/**
 * Checks an uploaded zip completely (names, limits, manifest, launch file) without unpacking it,
 * then, if `unpackTo` is given, unpacks it there. Throws a package problem for anything wrong.
 */
export async function readScormPackage(
  zipPath: string,
  limits: ScormLimits,
  unpackTo?: string,
): Promise<ScormPackageInfo> {
  const zip = await openZip(zipPath);
  try {
    const entries = await listEntries(zip, limits);
    const manifestEntry = entries.find((e) => e.path === MANIFEST);
    if (!manifestEntry) {
      throw packageProblem('no_manifest', 'The package has no imsmanifest.xml at its top level');
    }
    const manifest = readManifest(await readEntryText(zip, manifestEntry.entry));
    const launch = launchFile(manifest.launchPath);
    if (!launch || !entries.some((e) => e.path === launch)) {
      throw packageProblem(
        'launch_missing',
        `The launch file ${JSON.stringify(manifest.launchPath.slice(0, 200))} is not in the package`,
        { launchPath: manifest.launchPath.slice(0, 200) },
      );
    }
    const info = {
      ...manifest,
      fileCount: entries.length,
      unpackedBytes: entries.reduce((sum, e) => sum + e.entry.uncompressedSize, 0),
    };
    if (unpackTo) await unpack(zip, entries, unpackTo, limits);
    return info;
  } finally {
    zip.close();
  }
}

/**
 * Unpacks into a fresh folder beside the target, then renames it into place, so a half-written
 * package is never served. Counts the bytes actually written against the limit too (a zip may
 * lie about sizes; yauzl also checks each entry against its declared size).
 */
async function unpack(
  zip: yauzl.ZipFile,
  entries: PackageEntry[],
  target: string,
  limits: ScormLimits,
): Promise<void> {
  const partial = `${target}.partial`;
  await mkdir(partial, { recursive: true, mode: 0o750 });
  let written = 0;
  try {
    for (const { entry, path } of entries) {
      const destination = join(partial, ...path.split('/'));
      await mkdir(dirname(destination), { recursive: true });
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          written += chunk.byteLength;
          if (written > limits.unpackedBytes) {
            done(
              packageProblem(
                'over_limit',
                `The package unpacks to more than ${limits.unpackedBytes} bytes`,
                {
                  limits,
                },
              ),
            );
          } else done(null, chunk);
        },
      });
      await pipeline(
        await openEntry(zip, entry),
        counter,
        createWriteStream(destination, { flags: 'wx' }),
      );
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    throw packageProblem('not_zip', 'The zip archive is damaged');
  }
}

/** Removes an unpacked package (when the database did not take it). */
export async function removeUnpacked(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}
