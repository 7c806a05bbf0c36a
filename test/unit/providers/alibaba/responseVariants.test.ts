// Every form Alibaba publishes for the answers the provider reads, mapped the same (docs/response-variants.md):
// a Boolean as JSON true or as the string an XML-to-JSON answer gives ("true"), here IsSubscribed, which
// marks an image of a Marketplace subscription that ExportImage refuses.
import { strict as assert } from 'assert';
import { alibabaExportChoice } from '../../../../src/providers/alibaba/exportChoice';
import type { Image } from '../../../../src/providers/core/model';

function own(raw: Record<string, unknown>): Image {
  return { id: 'm-1', name: 'n', regionId: 'cn-hangzhou', status: 'Available', owner: 'self', tags: [], raw };
}

describe('Alibaba response variants', () => {
  it('reads IsSubscribed as a Boolean or a string', () => {
    for (const v of [true, 'true', 'True']) {
      assert.deepEqual(alibabaExportChoice(own({ IsSubscribed: v })).block, { code: 'marketplace' }, String(v));
    }
    for (const v of [false, 'false', undefined, null]) {
      assert.equal(alibabaExportChoice(own({ IsSubscribed: v })).block, undefined, String(v));
    }
  });
});
