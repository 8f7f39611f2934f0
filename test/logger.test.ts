import { Writable } from 'node:stream';
import pino from 'pino';
import { demoCustomer } from '../demo/customers';
import { LOGGER_OPTIONS } from '../platform/base/logger';

/** The hub's logger censors personal data and credentials that reach it by mistake. */
describe('the logger', () => {
  it('censors customers, openids, tokens and authorization headers, and keeps ids', () => {
    const lines: string[] = [];
    const log = pino(
      { ...LOGGER_OPTIONS, level: 'debug' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const customer = demoCustomer(3);
    log.debug(
      {
        orderId: 'ord_1',
        customer,
        token: 'eyJ.secret-token',
        input: { wechatOpenId: 'oDEMO_moyun_0004', phone: customer.contact, address: customer.address },
        request: { headers: { authorization: 'Bearer eyJ.other-token' } },
        message: { touser: 'oDEMO_moyun_0004' },
      },
      'what a careless line would carry',
    );
    const output = lines.join('');
    expect(output).toContain('"orderId":"ord_1"');
    expect(output).toContain('[redacted]');
    for (const value of [customer.name, customer.contact, customer.address, 'oDEMO_moyun_0004', 'secret-token', 'other-token'])
      expect(output).not.toContain(value);
  });
});
