// X.509 signing: a filer's certificate and key (a PKCS#12 file, or a PEM key with its certificate
// chain), the detached CMS signatures (RFC 5652, CAdES-detached with ESS signing-certificate-v2)
// that sign the PDF and the bundle's manifest, and their verification against a trust register.
// node-forge reads and writes PKCS#12, certificates and CMS; node:crypto checks every signature.
// Loaded only by a signed build, verify and ingest: nothing of it is on validate's path.
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Forge from 'node-forge';

const forge = createRequire(import.meta.url)('node-forge') as typeof Forge;
const { asn1, pki } = forge;

/** The subject attribute that carries a Japanese company's 法人番号 (serialNumber, 2.5.4.5), unless a trusted issuer says another. */
export const CORPORATE_NUMBER_FIELD = '2.5.4.5';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
};

/** Who signs: a private key and its certificate, the signer's first, then the chain up to (not always including) the root. */
export interface Signer {
  key: Forge.pki.rsa.PrivateKey;
  chain: Forge.pki.Certificate[];
}

/** What a certificate says of its holder, as verify reports it. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** SHA-256 of the certificate's DER, hex, colon-free */
  fingerprint: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** the 法人番号 in the subject's serialNumber field, where there is one */
  corporateNumber?: string;
  selfSigned: boolean;
}

export class SigningError extends Error {
  constructor(
    readonly reason: 'password' | 'noKey' | 'notRsa' | 'unreadable' | 'noCertificate' | 'keyMismatch',
    detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'SigningError';
  }
}

const binary = (bytes: Uint8Array) => Buffer.from(bytes).toString('binary');
const fromBinary = (text: string) => Buffer.from(text, 'binary');

export function certificateDer(cert: Forge.pki.Certificate): Buffer {
  return fromBinary(asn1.toDer(pki.certificateToAsn1(cert)).getBytes());
}

/** A filer's signer from a PKCS#12 file (.p12, .pfx) and its password. */
export function signerFromPkcs12(der: Buffer, password: string): Signer {
  let p12: Forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(binary(der)), false, password);
  } catch (error) {
    const message = (error as Error).message;
    throw new SigningError(/mac|password|decrypt|invalid/i.test(message) ? 'password' : 'unreadable', message);
  }
  const keys = [
    ...(p12.getBags({ bagType: pki.oids.pkcs8ShroudedKeyBag! })[pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: pki.oids.keyBag! })[pki.oids.keyBag!] ?? []),
  ];
  const certs = (p12.getBags({ bagType: pki.oids.certBag! })[pki.oids.certBag!] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  const key = keys.find((b) => b.key)?.key as Forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SigningError('noKey');
  return orderChain(key, certs);
}

/** A filer's signer from a PEM private key and a PEM file of its certificate and chain. */
export function signerFromPem(keyPem: string, chainPem: string): Signer {
  let key: Forge.pki.rsa.PrivateKey;
  try {
    key = pki.privateKeyFromPem(keyPem) as Forge.pki.rsa.PrivateKey;
  } catch (error) {
    throw new SigningError('notRsa', (error as Error).message);
  }
  const certs = (chainPem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []).map((pem) =>
    pki.certificateFromPem(pem),
  );
  return orderChain(key, certs);
}

/** The signer's certificate first (the one whose public key is the key's), then the rest of the chain. */
function orderChain(key: Forge.pki.rsa.PrivateKey, certs: Forge.pki.Certificate[]): Signer {
  if (certs.length === 0) throw new SigningError('noCertificate');
  if (!('n' in key)) throw new SigningError('notRsa');
  const own = certs.find((c) => {
    const pub = c.publicKey as Forge.pki.rsa.PublicKey;
    return 'n' in pub && pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!own) throw new SigningError('keyMismatch');
  return { key, chain: [own, ...certs.filter((c) => c !== own)] };
}

function attributeValue(name: Forge.pki.CertificateField[], oid: string): string | undefined {
  const field = name.find((a) => a.type === oid);
  return typeof field?.value === 'string' ? field.value : undefined;
}

/** A distinguished name as RFC 4514 would write it, most specific first; UTF-8 values decoded. */
function distinguishedName(cert: X509Certificate, which: 'subject' | 'issuer'): string {
  return cert[which].split('\n').reverse().join(', ');
}

/** What verify says of a certificate. */
export function certificateInfo(der: Buffer, corporateNumberField = CORPORATE_NUMBER_FIELD): CertificateInfo {
  const cert = new X509Certificate(der);
  const parsed = pki.certificateFromAsn1(asn1.fromDer(binary(der)));
  const corporateNumber = attributeValue(parsed.subject.attributes, corporateNumberField);
  return {
    subject: distinguishedName(cert, 'subject'),
    issuer: distinguishedName(cert, 'issuer'),
    fingerprint: createHash('sha256').update(der).digest('hex'),
    serialNumber: cert.serialNumber,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    ...(corporateNumber ? { corporateNumber } : {}),
    selfSigned: cert.checkIssued(cert) && cert.verify(cert.publicKey),
  };
}

/**
 * A self-signed certificate for a filer without a corporate certificate: its subject names the
 * company (CN, O) and carries its 法人番号 (serialNumber), valid for `years` from `now`; RSA 2048,
 * SHA-256. Returned as a PKCS#12 file sealed with `password` (AES-256), and the certificate as PEM.
 */
export function selfSignedPkcs12(
  filer: { name: string; corporateNumber: string },
  password: string,
  now: Date,
  years = 3,
): { p12: Buffer; certificatePem: string; info: CertificateInfo } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as Forge.pki.rsa.PrivateKey;
  const cert = pki.createCertificate();
  cert.publicKey = pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${createHash('sha256').update(`${filer.corporateNumber}${now.toISOString()}`).digest('hex').slice(0, 30)}`;
  cert.validity.notBefore = now;
  cert.validity.notAfter = new Date(now.getTime() + years * 365 * 86_400_000);
  const name = [
    { type: '2.5.4.6', value: 'JP' },
    { type: '2.5.4.10', value: filer.name, valueTagClass: asn1.Type.UTF8 },
    { type: '2.5.4.3', value: filer.name, valueTagClass: asn1.Type.UTF8 },
    { type: CORPORATE_NUMBER_FIELD, value: filer.corporateNumber },
  ] as Forge.pki.CertificateField[];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, {
    algorithm: 'aes256',
    friendlyName: filer.name.replace(/[^\x20-\x7e]/g, '') || 'taisei',
  });
  const der = fromBinary(asn1.toDer(p12).getBytes());
  return { p12: der, certificatePem: pki.certificateToPem(cert), info: certificateInfo(certificateDer(cert)) };
}

const seq = (items: Forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, binary(bytes));

/** ESS signing-certificate-v2 (RFC 5035): binds the signature to the signer's certificate by its SHA-256. */
function signingCertificateV2(cert: Forge.pki.Certificate): Forge.asn1.Asn1 {
  const hash = createHash('sha256').update(certificateDer(cert)).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires
  return seq([seq([seq([octets(hash)])])]);
}

const set = (items: Forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const integer = (hex: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, forge.util.hexToBytes(hex));
const algorithm = (value: string) => seq([oid(value), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]);
const der = (node: Forge.asn1.Asn1) => fromBinary(asn1.toDer(node).getBytes());

/** A SET OF as DER requires it: its elements in the order of their encodings. */
function setOf(items: Forge.asn1.Asn1[]): Forge.asn1.Asn1 {
  return set([...items].sort((a, b) => Buffer.compare(der(a), der(b))));
}

/**
 * A detached CMS SignedData over `content` (RFC 5652): SHA-256 and RSA PKCS#1 v1.5 (node:crypto),
 * the signer's chain included, signed attributes contentType, messageDigest, ESS
 * signing-certificate-v2 and, unless `pades` (a PDF signature says its time in /M, as PAdES
 * wants), signingTime. DER. The same content, key and time give the same bytes.
 */
export function signDetached(content: Uint8Array, signer: Signer, signingTime: Date, pades = false): Buffer {
  const cert = signer.chain[0]!;
  const attribute = (type: string, value: Forge.asn1.Asn1) => seq([oid(type), set([value])]);
  const time =
    signingTime.getUTCFullYear() < 2050
      ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(signingTime))
      : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(signingTime));
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    ...(pades ? [] : [attribute(OID.signingTime, time)]),
    attribute(OID.signingCertificateV2, signingCertificateV2(cert)),
  ];
  const signedAttrs = setOf(attributes);
  const key = createPrivateKey(pki.privateKeyToPem(signer.key));
  const signature = cryptoSign('sha256', der(signedAttrs), key);
  // stored as [0] IMPLICIT: the same bytes but the tag
  const implicitAttrs = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttrs.value as Forge.asn1.Asn1[]);
  const certAsn1 = pki.certificateToAsn1(cert);
  const issuer = (certAsn1.value as Forge.asn1.Asn1[])[0]!.value as Forge.asn1.Asn1[];
  // tbsCertificate: [0] version, serialNumber, signature, issuer, …
  const tbs = issuer[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? issuer.slice(1) : issuer;
  const signerInfo = seq([
    integer('01'),
    seq([tbs[2]!, tbs[0]!]),
    algorithm(OID.sha256),
    implicitAttrs,
    algorithm('1.2.840.113549.1.1.1'),
    octets(signature),
  ]);
  const signedData = seq([
    integer('01'),
    setOf([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(
      asn1.Class.CONTEXT_SPECIFIC,
      0,
      true,
      signer.chain.map((c) => pki.certificateToAsn1(c)),
    ),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/** What a detached CMS signature proves of `content`. */
export interface CmsCheck {
  /** the signature is intact and made by the certificate it names over exactly `content` */
  valid: boolean;
  /** why not, where not */
  problem?: 'malformed' | 'digest' | 'signature' | 'noCertificate';
  /** the signer's certificate, DER */
  signer?: Buffer;
  /** the other certificates the signature carries, DER */
  chain: Buffer[];
  /** the signed signingTime attribute, where there is one */
  signingTime?: Date;
}

const DIGESTS: Record<string, string> = {
  [OID.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

/**
 * Checks a detached CMS SignedData over `content` with node:crypto: the message digest in its
 * signed attributes is the content's, and the signature over those attributes is the certificate's.
 */
export function verifyDetached(cms: Buffer, content: Uint8Array): CmsCheck {
  let signed: Forge.asn1.Asn1;
  try {
    const top = asn1.fromDer(binary(cms), { strict: false } as never);
    const values = top.value as Forge.asn1.Asn1[];
    if (asn1.derToOid(values[0]!.value as string) !== OID.signedData) return { valid: false, problem: 'malformed', chain: [] };
    signed = (values[1]!.value as Forge.asn1.Asn1[])[0]!;
  } catch {
    return { valid: false, problem: 'malformed', chain: [] };
  }
  try {
    const parts = signed.value as Forge.asn1.Asn1[];
    const certsNode = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const certs = ((certsNode?.value as Forge.asn1.Asn1[] | undefined) ?? []).map((c) => fromBinary(asn1.toDer(c).getBytes()));
    const signerInfos = parts[parts.length - 1]!.value as Forge.asn1.Asn1[];
    if (signerInfos.length !== 1) return { valid: false, problem: 'malformed', chain: certs };
    const info = signerInfos[0]!.value as Forge.asn1.Asn1[];
    // version, sid (issuerAndSerialNumber), digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature
    const sid = info[1]!;
    const digestOid = asn1.derToOid((info[2]!.value as Forge.asn1.Asn1[])[0]!.value as string);
    const attrsNode = info.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const signature = fromBinary(info[info.length - 1]!.value as string);
    const digestName = DIGESTS[digestOid];
    if (!attrsNode || !digestName) return { valid: false, problem: 'malformed', chain: certs };
    const serial = Buffer.from((sid.value as Forge.asn1.Asn1[])[1]!.value as string, 'binary').toString('hex');
    const signerDer = certs.find((der) => {
      const cert = new X509Certificate(der);
      return BigInt(`0x${cert.serialNumber}`) === BigInt(`0x${serial || '0'}`);
    });
    if (!signerDer) return { valid: false, problem: 'noCertificate', chain: certs };
    let digest: Buffer | undefined;
    let signingTime: Date | undefined;
    for (const attr of attrsNode.value as Forge.asn1.Asn1[]) {
      const [typeNode, valuesNode] = attr.value as Forge.asn1.Asn1[];
      const type = asn1.derToOid(typeNode!.value as string);
      const value = (valuesNode!.value as Forge.asn1.Asn1[])[0]!;
      if (type === OID.messageDigest) digest = fromBinary(value.value as string);
      if (type === OID.signingTime)
        signingTime =
          value.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(value.value as string) : asn1.generalizedTimeToDate(value.value as string);
    }
    const chain = certs.filter((c) => c !== signerDer);
    if (!digest || !createHash(digestName).update(content).digest().equals(digest))
      return { valid: false, problem: 'digest', signer: signerDer, chain, ...(signingTime ? { signingTime } : {}) };
    // the signature is over the signed attributes as a SET (tag 0x31), not as the [0] they are stored as
    const attrsDer = fromBinary(asn1.toDer(attrsNode).getBytes());
    attrsDer[0] = 0x31;
    const ok = verifySignature(digestName, attrsDer, new X509Certificate(signerDer).publicKey, signature);
    return {
      valid: ok,
      ...(ok ? {} : { problem: 'signature' as const }),
      signer: signerDer,
      chain,
      ...(signingTime ? { signingTime } : {}),
    };
  } catch (error) {
    if (process.env.TAISEI_DEBUG_CMS) console.error(error);
    return { valid: false, problem: 'malformed', chain: [] };
  }
}

function verifySignature(digest: string, data: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return cryptoVerify(digest, data, key, signature);
  } catch {
    return false;
  }
}

/** Whether a certificate is a CA's (basicConstraints CA:TRUE). */
export function isCertificateAuthority(der: Buffer): boolean {
  return new X509Certificate(der).ca;
}

/**
 * How a certificate stands in a trust register: a CA's as a trusted issuer; any other pinned for
 * `pin`, or else the 法人番号 its subject carries (none: it cannot be pinned).
 */
export function trustEntryOf(
  der: Buffer,
  pin?: string,
): { kind: 'issuer' } | { kind: 'pinned'; corporateNumber: string } | { kind: 'unpinnable' } {
  if (isCertificateAuthority(der)) return { kind: 'issuer' };
  const number = pin ?? certificateInfo(der).corporateNumber;
  return number ? { kind: 'pinned', corporateNumber: number } : { kind: 'unpinnable' };
}

/** A certificate (PEM or DER file contents) as DER; every certificate of a PEM bundle. */
export function certificatesOf(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  const pems = text.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g);
  if (pems) return pems.map((pem) => Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64'));
  new X509Certificate(bytes);
  return [bytes];
}

/** The serial numbers a CRL lists as revoked (its signature checked against `issuer`), or undefined if it is not one of the issuer's. */
export function revokedSerials(
  crlBytes: Buffer,
  issuers: readonly Buffer[],
): { issuer: Buffer; serials: Set<string>; thisUpdate?: Date } | undefined {
  const text = crlBytes.toString('latin1');
  const der = /-----BEGIN X509 CRL-----/.test(text) ? Buffer.from(text.replace(/-----[^-]+-----|\s+/g, ''), 'base64') : crlBytes;
  let list: Forge.asn1.Asn1[];
  try {
    list = asn1.fromDer(binary(der)).value as Forge.asn1.Asn1[];
  } catch {
    return undefined;
  }
  const [tbs, algorithm, signatureNode] = list;
  if (!tbs || !algorithm || !signatureNode) return undefined;
  const tbsDer = fromBinary(asn1.toDer(tbs).getBytes());
  const signature = fromBinary((signatureNode.value as string).slice(1));
  const sigOid = asn1.derToOid((algorithm.value as Forge.asn1.Asn1[])[0]!.value as string);
  const digest = {
    '1.2.840.113549.1.1.11': 'sha256',
    '1.2.840.113549.1.1.12': 'sha384',
    '1.2.840.113549.1.1.13': 'sha512',
    '1.2.840.113549.1.1.5': 'sha1',
  }[sigOid];
  if (!digest) return undefined;
  const issuer = issuers.find((der) => verifySignature(digest, tbsDer, new X509Certificate(der).publicKey, signature));
  if (!issuer) return undefined;
  const fields = tbs.value as Forge.asn1.Asn1[];
  // version (optional), signature, issuer, thisUpdate, nextUpdate (optional), revokedCertificates (optional), [0] extensions
  const start = fields[0]!.type === asn1.Type.INTEGER ? 1 : 0;
  const serials = new Set<string>();
  const rest = fields.slice(start + 3);
  const thisUpdateNode = fields[start + 2];
  const revoked = rest.find(
    (f) =>
      f.tagClass === asn1.Class.UNIVERSAL &&
      f.type === asn1.Type.SEQUENCE &&
      Array.isArray(f.value) &&
      (f.value as Forge.asn1.Asn1[]).every((e) => Array.isArray(e.value)),
  );
  for (const entry of (revoked?.value as Forge.asn1.Asn1[] | undefined) ?? []) {
    const serial = Buffer.from((entry.value as Forge.asn1.Asn1[])[0]!.value as string, 'binary').toString('hex');
    serials.add(BigInt(`0x${serial || '0'}`).toString(16));
  }
  const thisUpdate =
    thisUpdateNode?.type === asn1.Type.UTCTIME
      ? asn1.utcTimeToDate(thisUpdateNode.value as string)
      : thisUpdateNode?.type === asn1.Type.GENERALIZEDTIME
        ? asn1.generalizedTimeToDate(thisUpdateNode.value as string)
        : undefined;
  return { issuer, serials, ...(thisUpdate ? { thisUpdate } : {}) };
}

/** Where a signer's certificate stands with a trust register: trusted, or why not. */
export type TrustVerdict =
  | { trusted: true; via: 'pinned' | 'issuer'; issuer?: Buffer }
  | { trusted: false; reason: 'untrusted' | 'expired' | 'notYetValid' | 'revoked' | 'otherFiler' | 'noCorporateNumber'; detail?: string };

export interface TrustRegister {
  /** CA certificates whose certificates speak for the 法人番号 in their subjects */
  issuers: Buffer[];
  /** certificates that speak for one filer, by its 法人番号 */
  pinned: { corporateNumber: string; certificate: Buffer }[];
  /** CRLs the regulator supplies */
  crls: Buffer[];
}

/**
 * Whether `signer` (with the `chain` the signature carries) speaks for the filer numbered
 * `corporateNumber` at `at`: pinned for that number, or issued by a trusted issuer with the number
 * in its subject; valid at that time; not revoked by a CRL of its issuer.
 */
export function trustOf(
  signer: Buffer,
  chain: readonly Buffer[],
  corporateNumber: string,
  at: Date,
  register: TrustRegister,
): TrustVerdict {
  const cert = new X509Certificate(signer);
  const info = certificateInfo(signer);
  if (at.getTime() < Date.parse(cert.validFrom)) return { trusted: false, reason: 'notYetValid', detail: info.notBefore };
  if (at.getTime() > Date.parse(cert.validTo)) return { trusted: false, reason: 'expired', detail: info.notAfter };
  const pinnedFor = register.pinned.filter((p) => p.certificate.equals(signer)).map((p) => p.corporateNumber);
  if (pinnedFor.length > 0) {
    if (!pinnedFor.includes(corporateNumber)) return { trusted: false, reason: 'otherFiler', detail: pinnedFor.join(', ') };
    return { trusted: true, via: 'pinned' };
  }
  // the issuer: a trusted CA that signed it, directly or through the intermediates the signature carries
  const candidates = [...chain, ...register.issuers];
  let current = cert;
  let anchor: Buffer | undefined;
  for (let depth = 0; depth < 6 && !anchor; depth++) {
    const trusted = register.issuers.find((der) => {
      const ca = new X509Certificate(der);
      return current.checkIssued(ca) && current.verify(ca.publicKey);
    });
    if (trusted) {
      anchor = trusted;
      break;
    }
    const next = candidates.find((der) => {
      const ca = new X509Certificate(der);
      return !der.equals(Buffer.from(current.raw)) && current.checkIssued(ca) && current.verify(ca.publicKey);
    });
    if (!next) break;
    current = new X509Certificate(next);
  }
  if (!anchor) return { trusted: false, reason: 'untrusted', detail: info.issuer };
  if (!info.corporateNumber) return { trusted: false, reason: 'noCorporateNumber' };
  if (info.corporateNumber !== corporateNumber) return { trusted: false, reason: 'otherFiler', detail: info.corporateNumber };
  for (const crl of register.crls) {
    const revoked = revokedSerials(crl, [anchor, ...chain]);
    if (revoked?.serials.has(BigInt(`0x${cert.serialNumber}`).toString(16))) return { trusted: false, reason: 'revoked' };
  }
  return { trusted: true, via: 'issuer', issuer: anchor };
}
