import { hkdfSync } from 'node:crypto';
import { compactDecrypt, CompactEncrypt } from 'jose';

/**
 * Personal data one part of the hub hands another through an event — which the bus keeps, its
 * log retains and webhooks forward — sealed so that only the hub's own parts can open it: AES-256-GCM
 * (a JWE, `dir`) under a key derived from the hub's secret for one purpose, so a value sealed
 * for one purpose opens for no other. Events stay ids and codes to everyone else.
 */
export class Sealer {
  private readonly keys = new Map<string, Uint8Array>();

  constructor(private readonly secret: string) {}

  private keyFor(purpose: string): Uint8Array {
    let key = this.keys.get(purpose);
    if (!key) {
      key = new Uint8Array(hkdfSync('sha256', this.secret, 'weft-sealed', `weft:${purpose}`, 32));
      this.keys.set(purpose, key);
    }
    return key;
  }

  seal(purpose: string, value: string): Promise<string> {
    return new CompactEncrypt(new TextEncoder().encode(value))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: purpose })
      .encrypt(this.keyFor(purpose));
  }

  /** The sealed value, or null when it was sealed for another purpose, with another secret, or altered. */
  async open(purpose: string, sealed: string): Promise<string | null> {
    try {
      const { plaintext, protectedHeader } = await compactDecrypt(sealed, this.keyFor(purpose), {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      return protectedHeader.cty === purpose ? new TextDecoder().decode(plaintext) : null;
    } catch {
      return null;
    }
  }
}
