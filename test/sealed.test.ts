import { Sealer } from '../platform/access/sealed';

describe('sealed values (personal data one part of the hub hands another through an event)', () => {
  const secret = 'a-hub-secret-of-at-least-thirty-two-characters';
  const sealer = new Sealer(secret);

  it('open with the same secret and purpose, and never show the value', async () => {
    const sealed = await sealer.seal('wechat-binding', '{"openId":"oWEFT_sealed_0001"}');
    expect(sealed).not.toContain('oWEFT_sealed_0001');
    expect(Buffer.from(sealed.split('.')[3] ?? '', 'base64url').toString()).not.toContain('oWEFT');
    await expect(sealer.open('wechat-binding', sealed)).resolves.toBe('{"openId":"oWEFT_sealed_0001"}');
  });

  it('do not open for another purpose, with another secret, or altered', async () => {
    const sealed = await sealer.seal('wechat-binding', 'value');
    await expect(sealer.open('share-link', sealed)).resolves.toBeNull();
    await expect(new Sealer(`${secret}-other`).open('wechat-binding', sealed)).resolves.toBeNull();
    const parts = sealed.split('.');
    parts[3] = `${parts[3][0] === 'A' ? 'B' : 'A'}${parts[3].slice(1)}`;
    await expect(sealer.open('wechat-binding', parts.join('.'))).resolves.toBeNull();
    await expect(sealer.open('wechat-binding', 'not a sealed value')).resolves.toBeNull();
  });
});
