// Ed25519 keys for signing bundles (node:crypto). The key id is the SHA-256 of the public key's
// DER encoding (SubjectPublicKeyInfo), in hex.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputOutputError, errnoReason } from '../errors.js';

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export function generateKeys(): { privatePem: string; publicPem: string; id: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    id: keyId(publicKey),
  };
}

function readPem(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputOutputError('input.unreadable', { path, reason: errnoReason(error) }, 'input.unreadable.hint');
  }
}

/** The kind of a PEM private key (ed25519, rsa, ec …), or undefined where it is none. */
export function readPrivateKeyKind(pem: string): string | undefined {
  try {
    return createPrivateKey(pem).asymmetricKeyType;
  } catch {
    return undefined;
  }
}

export function readPrivateKey(path: string): KeyObject {
  try {
    const key = createPrivateKey(readPem(path));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return key;
  } catch (error) {
    if ((error as Error).name === 'InputOutputError') throw error;
    throw new InputOutputError('bundle.badKey', { path }, 'bundle.badKey.hint');
  }
}

export function readPublicKey(path: string): KeyObject {
  try {
    const key = createPublicKey(readPem(path));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return key;
  } catch (error) {
    if ((error as Error).name === 'InputOutputError') throw error;
    throw new InputOutputError('bundle.badKey', { path }, 'bundle.badKey.hint');
  }
}

export interface Signature {
  algorithm: 'Ed25519';
  keyId: string;
  signature: string;
}

export function signBytes(bytes: Uint8Array, privateKey: KeyObject): Signature {
  return { algorithm: 'Ed25519', keyId: keyId(createPublicKey(privateKey)), signature: sign(null, bytes, privateKey).toString('base64') };
}

export function verifyBytes(bytes: Uint8Array, signature: Signature, publicKey: KeyObject): boolean {
  try {
    return verify(null, bytes, publicKey, Buffer.from(signature.signature, 'base64'));
  } catch {
    return false;
  }
}
