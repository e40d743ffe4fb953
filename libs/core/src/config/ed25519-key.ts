import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys as configuration gives them: PEM (PKCS#8 private, SPKI public) or the same DER as one
 * line of base64 (`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`), which fits an
 * environment file. Null when the text is not such a key.
 */
export function parseEd25519PrivateKey(text: string): KeyObject | null {
  return ed25519(() => {
    const trimmed = text.trim();
    return trimmed.startsWith('-----BEGIN')
      ? createPrivateKey({ key: trimmed, format: 'pem' })
      : createPrivateKey({ key: base64Der(trimmed), format: 'der', type: 'pkcs8' });
  }, 'private');
}

export function parseEd25519PublicKey(text: string): KeyObject | null {
  return ed25519(() => {
    const trimmed = text.trim();
    return trimmed.startsWith('-----BEGIN')
      ? createPublicKey({ key: trimmed, format: 'pem' })
      : createPublicKey({ key: base64Der(trimmed), format: 'der', type: 'spki' });
  }, 'public');
}

/** `SHA256:` and the base64 of the SHA-256 of the public key's SPKI DER: short enough to compare by eye. */
export function keyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

export function publicKeyPem(publicKey: KeyObject): string {
  return (publicKey.export({ format: 'pem', type: 'spki' }) as string).trim();
}

function base64Der(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new Error('not base64');
  return Buffer.from(text, 'base64');
}

function ed25519(parse: () => KeyObject, type: 'private' | 'public'): KeyObject | null {
  try {
    const key = parse();
    return key.type === type && key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}
