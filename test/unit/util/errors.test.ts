// A refusal the cloud's reasons table does not name (Alibaba OperationDenied.*, an HTTP 409) is said neutrally
// with the cloud's own words quoted, never as a state of the image the cloud did not give; a named one keeps
// its reason.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before util/errors (it imports `vscode`)

import { ProviderError } from '../../../src/providers/core/errors';
import { inChinese } from '../helpers/zhWords';

type Errors = typeof import('../../../src/util/errors');
let errors: Errors;

describe('Refusals in words', () => {
  before(async () => {
    errors = await import('../../../src/util/errors');
  });

  it('says an unnamed OperationDenied code neutrally, with the cloud\'s words quoted', () => {
    const err = new ProviderError({ cloud: 'alibaba', code: 'OperationDenied.NoStock', message: 'The resource is out of stock.', httpStatus: 403 });
    assert.equal(errors.explain(err), 'The cloud refused this change now.');
    assert.equal(errors.userMessage(err), 'The cloud refused this change now. The cloud says: "OperationDenied.NoStock: The resource is out of stock."');
    assert.doesNotMatch(errors.userMessage(err), /state/);
  });

  it('says an HTTP 409 of a code no table names neutrally', () => {
    const err = new ProviderError({ cloud: 'huawei', code: 'IMG.9999', message: 'Conflict.', httpStatus: 409 });
    assert.equal(errors.explain(err), 'The cloud refused this change now.');
    inChinese(() => assert.match(errors.userMessage(err), /云端返回：“IMG\.9999: Conflict\.”$/));
  });

  it('keeps the reason of a code the table names', () => {
    const err = new ProviderError({ cloud: 'alibaba', code: 'IncorrectImageStatus', message: 'The image status is wrong.', httpStatus: 403 });
    assert.match(errors.explain(err), /^The image's status does not allow this now/);
    assert.match(errors.userMessage(err), /The cloud says: IncorrectImageStatus/);
  });
});
