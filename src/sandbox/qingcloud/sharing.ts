// QingCloud image sharing in the sandbox: GrantImageToUsers, RevokeImageFromUsers, DescribeImageUsers.
// Only one's own images can be shared; users are "usr-" and eight letters or digits.
import type { EmulatorResponse } from '../types';
import { isoSecond, listParam, ok, paged, parameterError, type Params } from './params';
import { isResponse, ownImage, zoneScope, type QingcloudWorld } from './world';

const USER_ID = /^usr-[A-Za-z0-9]{8}$/;
/** users.N per Grant/Revoke call. */
export const MAX_USERS = 100;

interface Grant {
  readonly user_id: string;
  readonly create_time: string;
}

export class QingcloudSharing {
  /** `zone/image_id` -> the users it is shared with, in grant order. */
  private readonly grants = new Map<string, Grant[]>();

  constructor(private readonly world: QingcloudWorld) {}

  grantImageToUsers(params: Params): EmulatorResponse {
    return this.change('GrantImageToUsers', params, (list, users) => {
      const created = isoSecond(this.world.now());
      for (const user_id of users) {
        if (!list.some((g) => g.user_id === user_id)) {
          list.push({ user_id, create_time: created });
        }
      }
      return list;
    });
  }

  revokeImageFromUsers(params: Params): EmulatorResponse {
    return this.change('RevokeImageFromUsers', params, (list, users) => list.filter((g) => !users.includes(g.user_id)));
  }

  describeImageUsers(params: Params): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const imageId = params['image_id'];
    if (!imageId) {
      return parameterError('the parameter [image_id] is required');
    }
    const image = ownImage(scope, imageId);
    if (isResponse(image)) {
      return image;
    }
    const set = (this.grants.get(`${scope.zone}/${imageId}`) ?? []).map((g) => ({
      image_id: imageId,
      user: { user_id: g.user_id, email: `${g.user_id}@sandbox.invalid` },
      create_time: g.create_time,
    }));
    return paged(params, 'DescribeImageUsers', 'image_user_set', set);
  }

  private change(action: string, params: Params, update: (list: Grant[], users: readonly string[]) => Grant[]): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const imageId = params['image'];
    if (!imageId) {
      return parameterError('the parameter [image] is required');
    }
    const users = listParam(params, 'users');
    if (!users.length) {
      return parameterError('the parameter [users] is required');
    }
    if (users.length > MAX_USERS) {
      return parameterError(`at most ${MAX_USERS} users per request`);
    }
    const bad = users.find((u) => !USER_ID.test(u) || u === this.world.userId);
    if (bad !== undefined) {
      return parameterError(`invalid user [${bad}]`);
    }
    const image = ownImage(scope, imageId);
    if (isResponse(image)) {
      return image;
    }
    const key = `${scope.zone}/${imageId}`;
    this.grants.set(key, update(this.grants.get(key) ?? [], users));
    return ok(action);
  }
}
