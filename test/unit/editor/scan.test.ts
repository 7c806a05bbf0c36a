// Recognising image IDs in text: each cloud's shape, Huawei UUIDs only as the value of an image key
// (same line, CLI flag, YAML list, multi-line HCL/JSON list), and nothing inside longer tokens.
import { strict as assert } from 'assert';
import { findImageIds, keyBefore } from '../../../src/editor/scan';
import { isImageKey } from '../../../src/providers/rules/imageIds';

const ALI = 'm-bp1g7004ksh0oeuco9v0';
const QC = 'img-4x9kq2m7';
const BC = 'img-6a1f0c9e2b7d4e8f0a1b2c3d';
const HW = '8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f';
const PLAIN = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';

function ids(text: string): string[] {
  return findImageIds(text).map((m) => `${m.cloud}:${m.id}`);
}

describe('Image ID recognition', () => {
  it('recognises Alibaba, QingCloud and BatchCompute IDs anywhere, with their offsets', () => {
    const text = `image_id = "${ALI}"\n# built from ${QC} and ${BC}\n`;
    const found = findImageIds(text);
    assert.deepEqual(found.map((m) => `${m.cloud}:${m.id}`), [`alibaba:${ALI}`, `qingcloud:${QC}`, `batchcompute:${BC}`]);
    for (const m of found) {
      assert.equal(text.slice(m.start, m.end), m.id);
    }
  });

  it('takes a Huawei UUID only where its key names an image', () => {
    const cases: [string, boolean][] = [
      [`image_id = "${HW}"`, true],
      [`  imageRef: ${HW}`, true],
      [`"ImageId": "${HW}",`, true],
      [`export SOURCE_IMAGE=${HW}`, true],
      [`ARG BASE_IMAGE_ID=${HW}`, true],
      [`hcloud ecs create --image-id ${HW} --flavor s6`, true],
      [`ims show --image=${HW}`, true],
      [`image_ids = ["${PLAIN}x", "${HW}"]`, true],
      [`request_id: ${PLAIN}`, false],
      [`trace = "${PLAIN}"`, false],
      [`${PLAIN}`, false],
      [`# see ${PLAIN} for details`, false],
      [`project_id = "${PLAIN}" # image_id`, false],
    ];
    for (const [text, expected] of cases) {
      const found = ids(text).filter((i) => i.startsWith('huawei:'));
      assert.equal(found.length, expected ? 1 : 0, text);
    }
  });

  it('follows a UUID in a list back to the key that holds the list', () => {
    const yaml = `source_images:\n  # the golden ones\n  - ${HW}\n  - "${PLAIN}"\nrequest_ids:\n  - ${PLAIN}\n`;
    assert.deepEqual(ids(yaml), [`huawei:${HW}`, `huawei:${PLAIN}`]);
    const hcl = `locals {\n  image_ids = [\n    "${HW}",\n    "${PLAIN}",\n  ]\n  subnet_ids = [\n    "${PLAIN}",\n  ]\n}\n`;
    assert.deepEqual(ids(hcl), [`huawei:${HW}`, `huawei:${PLAIN}`]);
    const flat = `images:\n- ${HW}\nother:\n  key: value\n  - ${PLAIN}\n`;
    assert.deepEqual(ids(flat), [`huawei:${HW}`]);
    assert.equal(keyBefore(`x = 1\n  - ${HW}`, 10), undefined);
  });

  it('leaves IDs that are part of a longer token alone', () => {
    assert.deepEqual(ids(`xm-bp1g7004ksh0oeuco9v0 m-bp1g7004ksh0oeuco9v0xxxxxx img-4x9kq2m7z pre-img-4x9kq2m7 m-short`), []);
    assert.deepEqual(ids(`https://ecs.console.aliyun.com/image/${ALI}/detail`), [`alibaba:${ALI}`]);
    assert.deepEqual(ids(`img-4x9kq2m7k1`), [], 'neither QingCloud (8) nor BatchCompute (16+)');
  });

  it('knows the keys that name an image', () => {
    for (const key of ['image_id', 'imageId', 'ImageId', 'IMAGE_ID', 'source_image', 'image-ref', 'baseImage']) {
      assert.ok(isImageKey(key), key);
    }
    for (const key of ['id', 'request_id', 'project', 'img']) {
      assert.ok(!isImageKey(key), key);
    }
  });
});
