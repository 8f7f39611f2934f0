import { CBV_TERM_FORMS } from './cbv';
import { gs1CheckDigit } from './epcis';
import { CAPTURE_LIMITS } from './epcis-capture';

/**
 * The CBV 2.0 "EPCIS event hash ID" (CBV 2.0, section 8.9): the id a repository gives an event
 * that came without one, so that capturing it twice keeps it once and its sender can compute
 * the same id. This builds the algorithm's pre-hash string from an event in EPCIS 2.0 JSON:
 * `eventType=…` then the standard fields in the algorithm's canonical order, each `name=value`,
 * lists sorted, times in UTC at millisecond precision, numbers without trailing zeros, CBV terms
 * as GS1 Web URIs, EPC URNs and Digital Link URIs as canonical `https://id.gs1.org/…` URIs, then
 * the remaining (extension) fields, sorted; `eventID`, `recordTime` and `certificationInfo` are
 * left out. The hash itself is SHA-256 over its UTF-8 bytes, written
 * `ni:///sha-256;<hex>?ver=CBV2.0` (gateway/epcis-capture.ts). Pure, no I/O; every pattern is
 * linear, and a value longer than a capture admits (CAPTURE_LIMITS.stringChars) is refused with a
 * RangeError rather than read, so the work is bounded by the event's size.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A value's text in the pre-hash string, as String() writes it — for a nested list its items joined
 * by commas, for an object "[object Object]": the event hash IDs already issued were computed so.
 */
function textOf(value: unknown): string {
  return String(value);
}
type Order = readonly (readonly [string, Order | null])[];

const QUANTITY: Order = [
  ['epcClass', null],
  ['quantity', null],
  ['uom', null],
];
const SENSOR_METADATA: Order = [
  'time',
  'startTime',
  'endTime',
  'deviceID',
  'deviceMetadata',
  'rawData',
  'dataProcessingMethod',
  'bizRules',
].map((name) => [name, null] as const);
const SENSOR_REPORT: Order = [
  'type',
  'exception',
  'deviceID',
  'deviceMetadata',
  'rawData',
  'dataProcessingMethod',
  'time',
  'microorganism',
  'chemicalSubstance',
  'value',
  'component',
  'stringValue',
  'booleanValue',
  'hexBinaryValue',
  'uriValue',
  'minValue',
  'maxValue',
  'meanValue',
  'sDev',
  'percRank',
  'percValue',
  'uom',
  'coordinateReferenceSystem',
].map((name) => [name, null] as const);

/** The canonical order of an event's standard fields; a list's elements are named as in EPCIS XML (epc, quantityElement, sensorElement). */
const EVENT_ORDER: Order = [
  ['eventTime', null],
  ['eventTimeZoneOffset', null],
  ['epcList', null],
  ['parentID', null],
  ['inputEPCList', null],
  ['childEPCs', null],
  ['quantityList', QUANTITY],
  ['childQuantityList', QUANTITY],
  ['inputQuantityList', QUANTITY],
  ['outputEPCList', null],
  ['outputQuantityList', QUANTITY],
  ['action', null],
  ['transformationID', null],
  ['bizStep', null],
  ['disposition', null],
  [
    'persistentDisposition',
    [
      ['set', null],
      ['unset', null],
    ],
  ],
  ['readPoint', [['id', null]]],
  ['bizLocation', [['id', null]]],
  ['bizTransactionList', null],
  ['sourceList', null],
  ['destinationList', null],
  [
    'sensorElementList',
    [
      ['sensorMetadata', SENSOR_METADATA],
      ['sensorReport', SENSOR_REPORT],
    ],
  ],
];
const EPC_LISTS = new Set(['epcList', 'inputEPCList', 'childEPCs', 'outputEPCList']);
/** Typed list entries (`{ type, bizTransaction }` …): XML's element text with its type attribute. */
const TYPED_LISTS: Record<string, { value: string; prefix: string }> = {
  bizTransactionList: { value: 'bizTransaction', prefix: CBV_TERM_FORMS.btt.web },
  sourceList: { value: 'source', prefix: CBV_TERM_FORMS.sdt.web },
  destinationList: { value: 'destination', prefix: CBV_TERM_FORMS.sdt.web },
};
const IGNORED = new Set(['type', 'eventID', 'recordTime', 'certificationInfo', '@context']);

/** CBV terms given as bare words (as in EPCIS JSON) or as their old URNs, as GS1 Web URIs. */
const CBV_PREFIX: Record<string, string> = {
  bizStep: CBV_TERM_FORMS.bizStep.web,
  disposition: CBV_TERM_FORMS.disposition.web,
  set: CBV_TERM_FORMS.disposition.web,
  unset: CBV_TERM_FORMS.disposition.web,
};
const CBV_URNS = Object.values(CBV_TERM_FORMS).map((form) => [form.urn, form.web] as const);

const isUri = (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text);
const isObject = (value: Json | undefined): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A GS1 key from its company prefix and reference, the indicator (or extension) digit first, with its check digit. */
function keyWithIndicator(prefix: string, reference: string): string {
  const body = reference.slice(0, 1) + prefix + reference.slice(1);
  return body + gs1CheckDigit(body);
}
const withCheck = (body: string) => body + gs1CheckDigit(body);

/** EPC pure-identity URNs (TDS 2.0) as canonical GS1 Digital Link URIs; null for what is not one. */
function digitalLinkOfUrn(urn: string): string | null {
  const match = /^urn:epc:(?:id|class|idpat):([a-z0-9]+):(.+)$/i.exec(urn);
  if (!match) return null;
  const [, scheme, rest] = match;
  const parts = rest.split('.');
  const dl = (path: string) => `https://id.gs1.org/${path}`;
  switch (scheme.toLowerCase()) {
    case 'sgtin':
      return parts.length === 3
        ? parts[2] === '*'
          ? dl(`01/${keyWithIndicator(parts[0], parts[1])}`)
          : dl(`01/${keyWithIndicator(parts[0], parts[1])}/21/${parts[2]}`)
        : null;
    case 'lgtin':
      return parts.length === 3 ? dl(`01/${keyWithIndicator(parts[0], parts[1])}/10/${parts[2]}`) : null;
    case 'sscc':
      return parts.length === 2 ? dl(`00/${keyWithIndicator(parts[0], parts[1])}`) : null;
    case 'sgln': {
      if (parts.length !== 3) return null;
      const gln = withCheck(parts[0] + parts[1]);
      return dl(parts[2] === '0' ? `414/${gln}` : `414/${gln}/254/${parts[2]}`);
    }
    case 'pgln':
      return parts.length === 2 ? dl(`417/${withCheck(parts[0] + parts[1])}`) : null;
    case 'grai':
      return parts.length === 3 ? dl(`8003/0${withCheck(parts[0] + parts[1])}${parts[2]}`) : null;
    case 'giai':
      return parts.length === 2 ? dl(`8004/${parts[0]}${parts[1]}`) : null;
    case 'gsrn':
      return parts.length === 2 ? dl(`8018/${withCheck(parts[0] + parts[1])}`) : null;
    case 'sgcn':
      return parts.length === 3 ? dl(`255/${withCheck(parts[0] + parts[1])}${parts[2]}`) : null;
    default:
      return null;
  }
}

/** The primary keys' application identifiers a Digital Link path starts at. */
const DIGITAL_LINK_KEYS = new Set(['00', '01', '253', '255', '401', '402', '414', '417', '8003', '8004', '8006', '8010', '8017', '8018']);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A Digital Link URI on any host, as its canonical form on id.gs1.org without a query string:
 * the path from its first `/<key AI>/<value>` after the path's first segment on (failing that,
 * from the path's start). Read by scanning, not by one pattern: a pattern that searches the path
 * for that segment backtracks over every split of a long path.
 */
function canonicalDigitalLink(uri: string): string | null {
  const scheme = uri.startsWith('https://') ? 8 : uri.startsWith('http://') ? 7 : 0;
  if (!scheme) return null;
  const pathStart = uri.indexOf('/', scheme);
  if (pathStart <= scheme) return null;
  let pathEnd = uri.length;
  for (let index = pathStart; index < uri.length; index += 1)
    if (uri[index] === '?' || uri[index] === '#') {
      pathEnd = index;
      break;
    }
  // A query or fragment runs to the end of the line (what is not one URI is not canonicalised).
  if (LINE_BREAK.test(uri.slice(pathEnd))) return null;
  /** `/<key AI>/` and at least one character of its value in the path, at `start`. */
  const keyAt = (start: number) => {
    const next = uri.indexOf('/', start + 1);
    return next > start && next + 1 < pathEnd && DIGITAL_LINK_KEYS.has(uri.slice(start + 1, next));
  };
  let start = uri.indexOf('/', pathStart + 1);
  while (start > 0 && start < pathEnd && !keyAt(start)) start = uri.indexOf('/', start + 1);
  if (start < 0 || start >= pathEnd) start = keyAt(pathStart) ? pathStart : -1;
  return start < 0 ? null : `https://id.gs1.org${uri.slice(start, pathEnd)}`;
}

/** A number without leading "+" or trailing zeros; what is not a number stays as it is. */
function canonicalNumber(text: string): string {
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return text;
  return String(Number(text));
}

/** A value the hash reads: never longer than a capture admits (the gateway refuses such documents before hashing). */
function bounded(text: string): string {
  if (text.length > CAPTURE_LIMITS.stringChars)
    throw new RangeError(`A value of ${text.length} characters is longer than the ${CAPTURE_LIMITS.stringChars} the event hash reads`);
  return text;
}

function canonicalValue(text: string): string {
  let value = bounded(text).trim();
  for (const [urn, web] of CBV_URNS) if (value.startsWith(urn)) value = web + value.slice(urn.length);
  value = canonicalNumber(value);
  return digitalLinkOfUrn(value) ?? canonicalDigitalLink(value) ?? value;
}

/** A date-time in UTC at millisecond precision (the fourth decimal rounds), with "Z"; what is not one stays as it is (trimmed). */
function canonicalTime(raw: string): string {
  const text = bounded(raw).trim();
  // The time of day follows the last "T" (a date holds none): one anchored match there, no search.
  const at = text.lastIndexOf('T');
  const match =
    at < 0 || LINE_BREAK.test(text.slice(0, at)) ? null : /^T\d{2}:\d{2}:\d{2}(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(text.slice(at));
  if (!match) return text;
  const [, fraction = '', zone] = match;
  const whole = text.slice(0, at + 9);
  const millis = Math.round(Number(`0.${fraction || '0'}`) * 1000);
  const time = new Date(`${whole}${zone}`).getTime() + millis;
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}

/** `name=value`, with the canonical forms its name calls for. */
function field(name: string, value: Json): string {
  if (value === null) return '';
  const text = textOf(value).trim();
  if (!text) return '';
  const lower = name.toLowerCase();
  if (lower.indexOf('time') > 0 && !lower.includes('offset')) return `${name}=${canonicalTime(text)}`;
  if (CBV_PREFIX[name] && !isUri(text)) return `${name}=${CBV_PREFIX[name]}${text}`;
  return `${name}=${canonicalValue(text)}`;
}

/** An extension's name as its expanded IRI (`{namespace}local`) where the document's @context names its prefix. */
function expandedName(name: string, namespaces: Record<string, string>): string {
  const colon = name.indexOf(':');
  if (colon <= 0) return name;
  const namespace = namespaces[name.slice(0, colon)];
  return namespace ? `{${namespace}}${name.slice(colon + 1)}` : name;
}

/** Fields outside the canonical order (extensions, ilmd, errorDeclaration …), each with its children, sorted. */
function remaining(object: Record<string, Json>, skip: (name: string) => boolean, namespaces: Record<string, string>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(object)) {
    if (skip(name)) continue;
    const key = expandedName(name, namespaces);
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isObject(item)) parts.push(key + remaining(item, () => false, namespaces));
      else if (item !== null && textOf(item).trim() !== '') parts.push(`${key}=${canonicalValue(textOf(item))}`);
      else parts.push(key);
    }
  }
  return parts.sort().join('');
}

/** One element of an ordered structure: its ordered children, then what else it holds. */
function ordered(
  object: Record<string, Json>,
  order: Order,
  namespaces: Record<string, string>,
  ignored: ReadonlySet<string> = new Set(),
): string {
  let text = '';
  for (const [name, children] of order) {
    const value = object[name];
    if (value === undefined || value === null) continue;
    text += part(name, value, children, namespaces);
  }
  const known = new Set(order.map(([name]) => name));
  return text + remaining(object, (name) => known.has(name) || ignored.has(name), namespaces);
}

function part(name: string, value: Json, children: Order | null, namespaces: Record<string, string>): string {
  if (EPC_LISTS.has(name) && Array.isArray(value)) {
    const epcs = value
      .map((epc) => field('epc', epc))
      .filter(Boolean)
      .sort();
    return epcs.length ? name + epcs.join('') : '';
  }
  const typed = TYPED_LISTS[name];
  if (typed && Array.isArray(value)) {
    const entries = value
      .filter(isObject)
      .map((entry) => {
        const type = entry.type === undefined || entry.type === null ? '' : textOf(entry.type).trim();
        const typeText = type ? `type=${isUri(type) ? canonicalValue(type) : typed.prefix + type}` : '';
        return field(typed.value, entry[typed.value] ?? null) + typeText;
      })
      .filter(Boolean)
      .sort();
    return entries.length ? name + entries.join('') : '';
  }
  if (name === 'sensorElementList' && Array.isArray(value) && children) {
    const elements = value
      .filter(isObject)
      .map((element) => {
        const metadata = isObject(element.sensorMetadata)
          ? `sensorMetadata${ordered(element.sensorMetadata, SENSOR_METADATA, namespaces)}`
          : '';
        const reports = (Array.isArray(element.sensorReport) ? element.sensorReport : [])
          .filter(isObject)
          .map((report) => `sensorReport${ordered(sensorTerms(report), SENSOR_REPORT, namespaces)}`)
          .sort();
        const rest = remaining(element, (key) => key === 'sensorMetadata' || key === 'sensorReport', namespaces);
        return `sensorElement${metadata}${reports.join('')}${rest}`;
      })
      .sort();
    return elements.length ? name + elements.join('') : '';
  }
  if (children === QUANTITY && Array.isArray(value)) {
    const elements = value
      .filter(isObject)
      .map((element) => `quantityElement${ordered(element, QUANTITY, namespaces)}`)
      .sort();
    return elements.length ? name + elements.join('') : '';
  }
  if (children && isObject(value)) {
    const inner = children
      .map(([child]) =>
        (Array.isArray(value[child]) ? value[child] : value[child] === undefined ? [] : [value[child]])
          .map((item) => field(child, item))
          .filter(Boolean)
          .sort()
          .join(''),
      )
      .join('');
    const rest = remaining(value, (key) => children.some(([child]) => child === key), namespaces);
    return inner || rest ? name + inner + rest : '';
  }
  return field(name, value);
}

/** A sensor report's bare measurement type is a GS1 Web Vocabulary term. */
function sensorTerms(report: Record<string, Json>): Record<string, Json> {
  const type = report.type;
  return typeof type === 'string' && !isUri(type) ? { ...report, type: `https://gs1.org/voc/${type}` } : report;
}

/** The namespaces a document's @context declares (`{ "example": "https://ns.example.com/epcis/" }`). */
export function contextNamespaces(context: unknown): Record<string, string> {
  const namespaces: Record<string, string> = {};
  for (const entry of Array.isArray(context) ? (context as unknown[]) : [context]) {
    if (entry && typeof entry === 'object')
      for (const [prefix, uri] of Object.entries(entry)) if (typeof uri === 'string') namespaces[prefix] = uri;
  }
  return namespaces;
}

/** The pre-hash string of one event (what the event hash ID is the SHA-256 of). */
export function eventHashPreimage(event: Record<string, unknown>, namespaces: Record<string, string> = {}): string {
  return `eventType=${textOf(event.type ?? '')}${ordered(event as Record<string, Json>, EVENT_ORDER, namespaces, IGNORED)}`;
}
