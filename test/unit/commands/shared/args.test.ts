// The mark the Images view's keybindings pass ({ "fromView": true } in package.json): only that shape is the
// mark; the palette's missing argument and whatever a script or another extension passes are not.
import { strict as assert } from 'assert';
import { fromViewArg } from '../../../../src/commands/shared/args';

describe('fromViewArg', () => {
  it('is the keybindings’ { fromView: true }', () => {
    assert.equal(fromViewArg({ fromView: true }), true);
  });

  it('is nothing else: no argument, a fromView that is not true, other objects, arrays, strings', () => {
    for (const v of [undefined, null, {}, { fromView: 'true' }, { fromView: 1 }, { fromView: false }, [{ fromView: true }], 'fromView', true]) {
      assert.equal(fromViewArg(v), false, String(JSON.stringify(v)));
    }
  });
});
