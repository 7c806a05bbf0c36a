// ModifyImageAttributes in the sandbox: `image` (one), `image_name`, `description`; whatever the image's
// status, as the API reference says; the account's own images only. The reference gives no length limits:
// the sandbox refuses only what the provider refuses too (its rules), with 1100.
import { QINGCLOUD_EDIT_RULES } from '../../providers/qingcloud/rules';
import type { EmulatorResponse } from '../types';
import { ok, parameterError, type Params } from './params';
import { isResponse, ownImage, zoneScope, type QingcloudWorld } from './world';

export function modifyImageAttributes(world: QingcloudWorld, params: Params): EmulatorResponse {
  const scope = zoneScope(world, params);
  if (isResponse(scope)) {
    return scope;
  }
  const imageId = params['image'];
  if (!imageId) {
    return parameterError('the parameter [image] is required');
  }
  const image = ownImage(scope, imageId);
  if (isResponse(image)) {
    return image;
  }
  const name = params['image_name'];
  const description = params['description'];
  if (name !== undefined && QINGCLOUD_EDIT_RULES.checkName(name)) {
    return parameterError(`invalid image_name [${name}]`);
  }
  if (description !== undefined && QINGCLOUD_EDIT_RULES.checkDescription(description)) {
    return parameterError('invalid description');
  }
  if (name !== undefined) {
    image.image_name = name;
  }
  if (description !== undefined) {
    image['description'] = description;
  }
  return ok('ModifyImageAttributes');
}
