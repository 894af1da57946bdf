/** The metrics reducers add every part of the money waterfall, wherever a sale counts. */
import { describe, expect, it } from 'vitest';
import type { SalesChannel } from '../../src/model/channel.js';
import { Flows, LEDGER_PARTS } from '../../src/model/flows.js';
import { Metrics } from '../../src/model/metrics.js';
import type { ProductState } from '../../src/model/products.js';
import { Sale } from '../../src/model/sales.js';

describe('a recorded sale', () => {
  it('adds every ledger part to the day, the product and each group it counts toward', () => {
    const group = new Flows();
    const product = { flows: new Flows(), shop: undefined } as unknown as ProductState;
    const channel = { anchor: undefined, groups: [group] } as unknown as SalesChannel;
    const sale = new Sale();
    sale.channel = channel;
    sale.product = product;
    LEDGER_PARTS.forEach((part, index) => (sale[part] = 100 * (index + 1)));
    const metrics = new Metrics();
    metrics.recordSale(sale, 0);
    for (const flows of [metrics.today, product.flows, group]) {
      LEDGER_PARTS.forEach((part, index) => expect(flows[part], part).toBe(100 * (index + 1)));
    }
  });
});
