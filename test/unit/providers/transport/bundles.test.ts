// The provider stack is a bundle of its own (dist/providers.js), so the extension and the stack each
// carry a copy of the provider core's small modules. An error made by one copy must still be a
// ProviderError to the other (messages, cancellation and retries depend on it).
import { strict as assert } from 'assert';
import * as path from 'path';
import { ProviderError, abortError } from '../../../../src/providers/core/errors';
import { ProxyError } from '../../../../src/providers/transport/proxyError';
import { redact } from '../../../../src/providers/transport/redact';

/** A second copy of the errors module, as the other bundle has it. */
function otherCopy(): typeof import('../../../../src/providers/core/errors') {
  const file = require.resolve(path.join(__dirname, '../../../../src/providers/core/errors'));
  const saved = require.cache[file];
  delete require.cache[file];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as typeof import('../../../../src/providers/core/errors');
  } finally {
    require.cache[file] = saved;
  }
}

describe('Provider errors across bundles', () => {
  it('an error of the other copy is a ProviderError here, and a cancellation is one too', () => {
    const other = otherCopy();
    assert.notEqual(other.ProviderError, ProviderError, 'really two copies');
    const err = new other.ProviderError({ cloud: 'alibaba', code: 'Throttling.User', message: 'slow down', retryable: true });
    assert.ok(err instanceof ProviderError);
    assert.ok(new ProviderError({ cloud: 'local', code: 'X', message: 'x' }) instanceof other.ProviderError);
    assert.ok(ProviderError.isAbort(other.abortError('huawei')));
    assert.ok(other.ProviderError.isAbort(abortError('local')));
    assert.ok(!(new Error('plain') instanceof ProviderError));
    assert.ok(!(Object.create(null) instanceof ProviderError));
  });

  it('a subclass is told apart across copies too: a proxy failure is a ProxyError, another error is not', () => {
    const other = otherCopy();
    const proxyFailure = new ProxyError('proxy.example:3128', { reason: 'unreachable', code: 'ECONNREFUSED' });
    assert.ok(proxyFailure instanceof ProxyError && proxyFailure instanceof ProviderError);
    assert.ok(proxyFailure instanceof other.ProviderError, 'a ProviderError to the other copy');
    assert.ok(!(new other.ProviderError({ cloud: 'local', code: 'X', message: 'x' }) instanceof ProxyError), 'not every error is a proxy failure');
    assert.ok(!(new ProviderError({ cloud: 'local', code: 'X', message: 'x' }) instanceof ProxyError));
  });

  it('a credential the provider stack registers is redacted by the extension\u2019s copy too', () => {
    const file = require.resolve(path.join(__dirname, '../../../../src/providers/transport/redact'));
    const saved = require.cache[file];
    delete require.cache[file];
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const stackCopy = require(file) as typeof import('../../../../src/providers/transport/redact');
      stackCopy.registerSecrets('QYBUNDLEKEY0000000001');
      assert.equal(redact('key QYBUNDLEKEY0000000001 in a log line'), 'key *** in a log line');
    } finally {
      require.cache[file] = saved;
    }
  });
});
