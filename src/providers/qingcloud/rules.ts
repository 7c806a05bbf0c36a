// QingCloud IaaS input rules: tags are names (CreateTag: "fewer than 15 characters", i.e. 1 to 14; found
// again by DescribeTags search_word, attached and detached by id); members are users (usr-xxxxxxxx); no
// export. The AccessKey ID is 20 capital letters and digits.
import { ownImagesIn, OWN_IMAGES } from '../rules/images';
import { type ImageRules } from '../core/rules';
import type { CopyRules } from '../core/rules';
import type { EditRules } from '../core/rules';
import { checkText } from '../rules/text';
import { type TextRule } from '../core/rules';
import { type CloudRules, type TagRules } from '../core/rules';
import { type KeyShape } from '../core/rules';
import { type MemberRules } from '../core/rules';
import type { Tag } from '../core/model';

export const QINGCLOUD_KEY_SHAPE: KeyShape = { min: 20, max: 20, upperOnly: true, example: 'QY' };

/** CreateTag: "标签名称少于15个字符" — fewer than 15 characters. */
export const QINGCLOUD_TAG_NAME_MAX = 14;

const TAG_NAME: TextRule = { field: 'tagName', min: 1, max: QINGCLOUD_TAG_NAME_MAX };

function checkName(tag: Tag): ReturnType<TagRules['checkTag']> {
  return tag.value ? { code: 'valueNotAllowed' } : checkText(tag.key, TAG_NAME);
}

export const QINGCLOUD_TAG_RULES: TagRules = {
  // 10 tags x 10 images = 100 pairs: one AttachTags call per batch the UI makes.
  limits: { maxKeyLength: QINGCLOUD_TAG_NAME_MAX, maxValueLength: 0, maxTagsPerCall: 10, maxResourcesPerCall: 10, namesOnly: true },
  checkTag: checkName,
  checkUntagKey: (name) => checkText(name, TAG_NAME),
  checkFilterTag: checkName,
};

/** DescribeImages `os_family`: the documented words are one lower-case name each (centos, ubuntu, debian, fedora, windows, ...). */
const OS_FAMILY: TextRule = { field: 'osFamily', min: 1, max: 32, charset: { name: 'noSpaces', test: (f) => !/\s/.test(f) } };

export function checkOsFamily(family: string): ReturnType<TagRules['checkTag']> {
  return checkText(family, OS_FAMILY);
}

/** A QingCloud user id: "usr-" and eight letters or digits. */
export const QINGCLOUD_USER_ID = /^usr-[A-Za-z0-9]{8}$/;

/** Users per Grant/RevokeImageToUsers call (QingCloud's usual list ceiling), and so per Share or Unshare. */
export const QINGCLOUD_USERS_PER_CALL = 100;

export const QINGCLOUD_MEMBER_RULES: MemberRules = { format: 'qingcloudUser', pattern: QINGCLOUD_USER_ID, maxPerAction: QINGCLOUD_USERS_PER_CALL };

/**
 * An image name and description (CloneImages image_name, ModifyImageAttributes image_name / description): the
 * API reference gives no limits. What is refused here is this extension's choice: an empty name, white space
 * around it, control characters, and over 255 characters. A clone stays in its zone and takes no description.
 */
export const QINGCLOUD_TEXT_MAX = 255;
const IMAGE_NAME: TextRule = { field: 'imageName', min: 1, max: QINGCLOUD_TEXT_MAX };
const IMAGE_DESCRIPTION: TextRule = { field: 'imageDescription', min: 0, max: QINGCLOUD_TEXT_MAX, noOuterSpace: false };

export const QINGCLOUD_COPY_RULES: CopyRules = {
  crossRegion: false,
  checkName: (name) => checkText(name, IMAGE_NAME),
};

export const QINGCLOUD_EDIT_RULES: EditRules = {
  checkName: (name) => checkText(name, IMAGE_NAME),
  checkDescription: (description) => checkText(description, IMAGE_DESCRIPTION),
};

export const QINGCLOUD_RULES: CloudRules = {
  accessKeyId: QINGCLOUD_KEY_SHAPE,
  tags: QINGCLOUD_TAG_RULES,
  members: QINGCLOUD_MEMBER_RULES,
  copying: QINGCLOUD_COPY_RULES,
  editing: QINGCLOUD_EDIT_RULES,
};

/**
 * Which images each command applies to: only the account's own (provider self) images; DeleteImages
 * wants an available one with no transition under way. No export on QingCloud.
 */
export const QINGCLOUD_IMAGE_RULES: ImageRules = {
  tag: OWN_IMAGES,
  share: OWN_IMAGES,
  delete: ownImagesIn('available'),
  // CloneImages clones the account's own images, available ones.
  copy: ownImagesIn('available'),
  // ModifyImageAttributes changes the account's own images.
  edit: OWN_IMAGES,
};
