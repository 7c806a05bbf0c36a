// ModifyImageAttribute in the sandbox: ImageName and Description (the cloud's rules, the ones the provider
// checks too), and Status=Deprecated / Available. Own custom images only; a shared image must be unshared
// before it is deprecated; only an Available image can be deprecated and only a Deprecated one restored.
import { ALIBABA_EDIT_RULES } from '../../providers/alibaba/rules';
import type { EmulatorResponse } from '../types';
import { alibabaError, dryRun, invalid, isResponse, ok, type Params } from './params';
import type { EcsWorld } from './world';

const STATUSES = ['Deprecated', 'Available'];

export function modifyImageAttribute(world: EcsWorld, params: Params): EmulatorResponse {
  const target = world.regionAndOwnImage(params);
  if (isResponse(target)) {
    return target;
  }
  const { region, image } = target;
  const name = params['ImageName'];
  const description = params['Description'];
  const status = params['Status'];
  if (name !== undefined && ALIBABA_EDIT_RULES.checkName(name)) {
    return alibabaError(400, 'InvalidImageName.Malformed', 'The specified ImageName is not valid.');
  }
  if (description !== undefined && ALIBABA_EDIT_RULES.checkDescription(description)) {
    return alibabaError(400, 'InvalidDescription.Malformed', 'The specified Description is not valid.');
  }
  if (status !== undefined) {
    if (!STATUSES.includes(status)) {
      return invalid('Status');
    }
    if (status !== image.Status && image.Status !== (status === 'Deprecated' ? 'Available' : 'Deprecated')) {
      return alibabaError(403, 'IncorrectImageStatus', `The current status of the image (${image.Status}) does not support this operation.`);
    }
    if (status === 'Deprecated' && world.sharesOf(region.RegionId, image).length) {
      return alibabaError(403, 'ImageUseShared', 'The specified image has been shared to others. Cancel the sharing before deprecating it.');
    }
  }
  const dry = dryRun(params);
  if (dry) {
    return dry;
  }
  if (name !== undefined) {
    image['ImageName'] = name;
  }
  if (description !== undefined) {
    image['Description'] = description;
  }
  if (status !== undefined) {
    image.Status = status;
  }
  return ok();
}
