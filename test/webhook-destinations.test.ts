import type { ResolveHost } from '../platform/base/settings';
import { checkDestination, DestinationRefused, isPublicAddress } from '../subgraphs/notifications/destinations';

/**
 * Where webhooks may go, decided on addresses as data: nothing here connects anywhere, and the
 * resolver is the test's own (no name is looked up).
 */
describe('webhook destinations', () => {
  it('calls public only what no special-purpose range holds', () => {
    const notPublic = [
      '127.0.0.1', // loopback
      '127.255.255.254',
      '0.0.0.0', // "this host": Linux connects it to loopback
      '10.0.0.1', // private
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254', // link-local: AWS, GCP and Azure metadata
      '100.100.100.200', // carrier-grade NAT: Alibaba Cloud metadata
      '192.0.0.192', // IETF protocol assignments: Oracle Cloud metadata
      '198.18.0.1', // benchmarking
      '192.0.2.10', // documentation
      '224.0.0.1', // multicast
      '255.255.255.255',
      '240.0.0.1',
      '::1',
      '::',
      '::ffff:127.0.0.1', // IPv4-mapped: judged as the IPv4 address
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      'fe80::1', // link-local
      'fd00:ec2::254', // unique-local: AWS's IPv6 metadata
      'fc00::1',
      '64:ff9b::a00:1', // NAT64 of 10.0.0.1
      '2002:a00:1::1', // 6to4 of 10.0.0.1
      '2001::1', // Teredo
      '2001:db8::1', // documentation
      '::a00:1', // IPv4-compatible, outside global unicast
      'ff02::1', // multicast
      'localhost', // not an address at all
      '',
    ];
    expect(notPublic.filter((address) => isPublicAddress(address))).toEqual([]);
    const publicOnes = ['1.1.1.1', '8.8.4.4', '::ffff:1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001::200e'];
    expect(publicOnes.filter((address) => !isPublicAddress(address))).toEqual([]);
  });

  const answers =
    (table: Record<string, string[]>): ResolveHost =>
    async (hostname) => {
      if (!table[hostname]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return table[hostname].map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
  const resolveHost = answers({
    'loopback.weft.test': ['127.0.0.1'],
    'both.weft.test': ['1.1.1.1', '127.0.0.1'],
    'v6.weft.test': ['::1'],
    'empty.weft.test': [],
  });
  const reasonFor = async (url: string, allowPrivate = false) => {
    try {
      await checkDestination(new URL(url), { allowPrivate, resolveHost }, AbortSignal.timeout(1000));
      return 'ACCEPTED';
    } catch (error) {
      if (error instanceof DestinationRefused) return error.reason;
      throw error;
    }
  };

  it('refuses a URL whose host is, or resolves to, anything but public addresses', async () => {
    const refused: Record<string, string> = {};
    for (const url of [
      'http://127.0.0.1:8080/hooks',
      'http://2130706433/hooks', // 127.0.0.1 in one number: the URL parser makes it 127.0.0.1
      'http://0x7f.1/hooks',
      'http://[::1]/hooks',
      'http://[::ffff:7f00:1]/hooks',
      'https://loopback.weft.test/hooks',
      'https://both.weft.test/hooks', // one private answer is enough: the connection might pick it
      'https://v6.weft.test/hooks',
    ])
      refused[url] = await reasonFor(url);
    expect(Object.values(refused)).toEqual(Array(8).fill('NOT_PUBLIC'));
    expect(await reasonFor('https://missing.weft.test/hooks')).toBe('UNRESOLVED');
    expect(await reasonFor('https://empty.weft.test/hooks')).toBe('UNRESOLVED');
  });

  it('allows them when private destinations are allowed, and hands back the addresses checked', async () => {
    expect(await reasonFor('http://127.0.0.1:8080/hooks', true)).toBe('ACCEPTED');
    expect(await reasonFor('https://loopback.weft.test/hooks', true)).toBe('ACCEPTED');
    expect(await reasonFor('https://missing.weft.test/hooks', true)).toBe('UNRESOLVED');
    const checked = await checkDestination(new URL('http://[::1]:9/x'), { allowPrivate: true, resolveHost }, AbortSignal.timeout(1000));
    expect(checked.addresses).toEqual([{ address: '::1', family: 6 }]);
  });

  it('gives up on a name that takes longer to resolve than the deadline', async () => {
    const never: ResolveHost = () => new Promise(() => undefined);
    await expect(
      checkDestination(new URL('https://slow.weft.test/'), { allowPrivate: false, resolveHost: never }, AbortSignal.timeout(50)),
    ).rejects.toEqual(new DestinationRefused('UNRESOLVED'));
  });
});
