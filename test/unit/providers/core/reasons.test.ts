// Why the cloud refused: each cloud's documented codes read from its provider's table; the way out the
// cloud's words name (Force, Stop Sharing, Accept, wait, Fast Export: per reason, as data); nothing for local or unknown codes.
// Each table's codes are those the clouds document for the operations the product performs.
import { strict as assert } from 'assert';
import { ProviderError, errorReasonOf, waitOf, wayOutOf } from '../../../../src/providers';

const err = (cloud: ProviderError['cloud'], code: string): ProviderError => new ProviderError({ cloud, code, message: 'm' });

describe('errorReasonOf', () => {
  it("reads Alibaba's documented DeleteImage codes", () => {
    assert.deepEqual(
      ['ImageUsingByInstance', 'ImageUseShared', 'ImageIsCreating', 'ImageIsImporting', 'ImageIsExporting', 'OperationDenied.ImageCopying'].map((c) => errorReasonOf(err('alibaba', c))),
      ['imageInUse', 'imageShared', 'imageCreating', 'imageImporting', 'imageExporting', 'imageCopying'],
    );
  });

  it("reads Huawei IMS's documented codes (API reference, error codes ims_03_0908)", () => {
    const documented: Record<string, string> = {
      'IMG.0027': 'imageNotFound', 'IMG.0086': 'imageNotFound', 'IMG.0144': 'imageNotFound',
      'IMG.0028': 'imageProtected', 'IMG.0091': 'imageProtected', 'IMG.0090': 'imageCreating', 'IMG.0046': 'imageStatus', 'IMG.0148': 'imageExporting',
      'IMG.0047': 'notOwner', 'IMG.0092': 'notOwner', 'IMG.0106': 'notOwner',
      'IMG.0083': 'publicImage', 'IMG.0089': 'publicImage',
      'IMG.0077': 'cloudPublicImage', 'IMG.0094': 'cloudPublicImage', 'IMG.0078': 'marketplaceImage', 'IMG.0093': 'marketplaceImage', 'IMG.0107': 'marketplaceImage',
      'IMG.0015': 'imageQuota', 'IMG.0088': 'sharedQuota', 'IMG.0076': 'shareSelf',
      'IMG.0098': 'encryptedImage', 'IMG.0143': 'encryptedImage', 'IMG.0197': 'encryptedImage',
      'IMG.0128': 'wholeImage', 'IMG.0130': 'wholeImage', 'IMG.0135': 'wholeImage', 'IMG.0152': 'wholeImageOneZone', 'IMG.0176': 'backupNotDeleted',
      'IMG.0071': 'notExportable', 'IMG.0079': 'notExportable', 'IMG.0080': 'notExportable', 'IMG.0081': 'notExportable', 'IMG.0160': 'exportTooLarge',
      'IMG.0070': 'objectExists', 'IMG.0057': 'importFile', 'IMG.0121': 'objectNotFound', 'IMG.0059': 'fileTooLarge', 'IMG.0058': 'bucketRegion', 'IMG.0069': 'bucketAccess',
      'IMG.0095': 'kmsKeyNotFound', 'IMG.0101': 'kmsKeyNotFound', 'IMG.0097': 'kmsKeyDisabled', 'IMG.0102': 'kmsKeyDisabled', 'IMG.0099': 'kmsKeyAccess', 'IMG.0103': 'kmsKeyAccess',
      'IMG.0115': 'tagInvalid', 'IMG.0116': 'tagQuota', 'IMG.0009': 'nameExists',
      'IMG.0002': 'nameInvalid', 'IMG.0003': 'nameInvalid', 'IMG.0062': 'nameInvalid', 'IMG.0004': 'descriptionInvalid', 'IMG.0054': 'descriptionInvalid',
      'IMG.0060': 'tooManyTasks', 'IMG.0149': 'tooManyTasks', 'IMG.0194': 'tooManyTasks', 'IMG.0196': 'notAccepted',
    };
    for (const [code, reason] of Object.entries(documented)) {
      assert.equal(errorReasonOf(err('huawei', code)), reason, code);
    }
    // Codes of operations the product does not perform, and the sandbox's own picks, keep their kind.
    for (const code of ['IMG.0001', 'IMG.0005', 'IMG.0056', 'IMG.0999', 'IMG.1001', 'APIGW.0308']) {
      assert.equal(errorReasonOf(err('huawei', code)), undefined, code);
    }
  });

  it("reads QingCloud's documented ret_codes that say more than their kind (error_code.md)", () => {
    assert.deepEqual(
      ['2110', '2400', '2500', '5200', '5300'].map((c) => errorReasonOf(err('qingcloud', c))),
      ['alreadyExists', 'balance', 'quotaOrRequests', 'resourcesShort', 'serviceUpdating'],
    );
    for (const code of ['1100', '1200', '1300', '1400', '2100', '5000', '5100', 'IMG.0015']) {
      assert.equal(errorReasonOf(err('qingcloud', code)), undefined, code);
    }
  });

  it("offers the way out the cloud's words name, per reason, for every cloud that has the code", () => {
    const way = (cloud: ProviderError['cloud'], code: string): string | undefined => wayOutOf(errorReasonOf(err(cloud, code)));
    assert.equal(way('alibaba', 'ImageUsingByInstance'), 'force');
    assert.equal(way('alibaba', 'ImageUseShared'), 'stopSharing');
    assert.equal(way('huawei', 'IMG.0196'), 'accept');
    assert.equal(way('huawei', 'IMG.0160'), 'fastExport');
    for (const [cloud, code] of [['alibaba', 'ImageIsCreating'], ['alibaba', 'ImageIsImporting'], ['alibaba', 'ImageIsExporting'], ['alibaba', 'OperationDenied.ImageCopying'], ['huawei', 'IMG.0090'], ['huawei', 'IMG.0148'], ['huawei', 'IMG.0060'], ['huawei', 'IMG.0149'], ['huawei', 'IMG.0194']] as const) {
      assert.equal(way(cloud, code), 'wait', code);
    }
  });

  it('says what a wait waits for: the image, its job, or a job of the region', () => {
    const wait = (cloud: ProviderError['cloud'], code: string): string | undefined => waitOf(errorReasonOf(err(cloud, code)));
    assert.deepEqual(
      ['ImageIsCreating', 'ImageIsImporting', 'OperationDenied.ImageCopying', 'ImageIsExporting'].map((c) => wait('alibaba', c)),
      ['image', 'image', 'image', 'imageJob'],
    );
    assert.deepEqual(['IMG.0090', 'IMG.0148', 'IMG.0060'].map((c) => wait('huawei', c)), ['image', 'imageJob', 'regionJobs']);
    assert.equal(wait('alibaba', 'ImageUsingByInstance'), undefined, 'only a wait has something to wait for');
  });

  it('offers nothing where the cloud names no way out the product can take', () => {
    // A protected image, someone else's image, a quota, a bad name: what to do is not a button.
    for (const code of ['IMG.0028', 'IMG.0106', 'IMG.0015', 'IMG.0003', 'IMG.0128', 'IMG.0046']) {
      assert.equal(wayOutOf(errorReasonOf(err('huawei', code))), undefined, code);
    }
    for (const code of ['IncorrectImageStatus', 'QuotaExceed.ShareImageUser', 'InvalidOSSBucket.NotFound', 'SomethingElse']) {
      assert.equal(wayOutOf(errorReasonOf(err('alibaba', code))), undefined, code);
    }
    assert.equal(wayOutOf(undefined), undefined);
    assert.equal(waitOf(undefined), undefined);
  });

  it('leaves unknown codes, other clouds without the code, and local errors to their kind', () => {
    assert.equal(errorReasonOf(err('alibaba', 'SomethingElse')), undefined);
    assert.equal(errorReasonOf(err('alibaba', 'toString')), undefined, 'not a property of the table object');
    assert.equal(errorReasonOf(err('qingcloud', 'ImageUsingByInstance')), undefined);
    assert.equal(errorReasonOf(err('alibaba', 'IMG.0106')), undefined);
    assert.equal(errorReasonOf(err('local', 'ImageUsingByInstance')), undefined);
  });
});
