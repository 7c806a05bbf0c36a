// Why the cloud refused: each cloud's documented codes read from its provider's table; the way out the
// cloud names (Force for an image instances use, Alibaba only); nothing for local or unknown codes.
import { strict as assert } from 'assert';
import { ProviderError, errorReasonOf, wayOutOf } from '../../../../src/providers';

const err = (cloud: ProviderError['cloud'], code: string): ProviderError => new ProviderError({ cloud, code, message: 'm' });

describe('errorReasonOf', () => {
  it("reads Alibaba's documented DeleteImage codes", () => {
    assert.deepEqual(
      ['ImageUsingByInstance', 'ImageUseShared', 'ImageIsCreating', 'ImageIsImporting', 'ImageIsExporting', 'OperationDenied.ImageCopying'].map((c) => errorReasonOf(err('alibaba', c))),
      ['imageInUse', 'imageShared', 'imageCreating', 'imageImporting', 'imageExporting', 'imageCopying'],
    );
  });

  it('offers Force only for an image instances use', () => {
    assert.equal(wayOutOf(errorReasonOf(err('alibaba', 'ImageUsingByInstance'))), 'force');
    assert.equal(wayOutOf(errorReasonOf(err('alibaba', 'ImageUseShared'))), undefined);
  });

  it('leaves unknown codes, other clouds without the code, and local errors to their kind', () => {
    assert.equal(errorReasonOf(err('alibaba', 'SomethingElse')), undefined);
    assert.equal(errorReasonOf(err('alibaba', 'toString')), undefined, 'not a property of the table object');
    assert.equal(errorReasonOf(err('qingcloud', 'ImageUsingByInstance')), undefined);
    assert.equal(errorReasonOf(err('local', 'ImageUsingByInstance')), undefined);
  });
});
