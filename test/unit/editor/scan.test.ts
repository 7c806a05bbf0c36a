// Recognising image IDs in text: each cloud's shape, Huawei UUIDs only as the value of an image key
// (same line, CLI flag, YAML list, multi-line HCL/JSON list), and nothing inside longer tokens.
import { strict as assert } from 'assert';
import { findImageIds, keyBefore, scanImageIds, WINDOW_CHARS } from '../../../src/editor/scan';
import { ProviderError } from '../../../src/providers/core/errors';
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

describe('Image ID scanning in windows and slices', () => {
  /** The plain reading: every regex over the whole text at once (no window edges). */
  function reference(text: string): string[] {
    const shapes: [string, RegExp][] = [
      ['alibaba', /(?<![0-9A-Za-z_-])m-[0-9a-z]{16,24}(?![0-9A-Za-z_-])/g],
      ['batchcompute', /(?<![0-9A-Za-z_-])img-[0-9a-z]{16,32}(?![0-9A-Za-z_-])/g],
      ['qingcloud', /(?<![0-9A-Za-z_-])img-[0-9a-z]{8}(?![0-9A-Za-z_-])/g],
    ];
    return shapes
      .flatMap(([cloud, re]) => [...text.matchAll(re)].map((m) => ({ at: m.index, s: `${cloud}:${m[0]}@${m.index}` })))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.s);
  }

  function withOffsets(text: string): string[] {
    return findImageIds(text)
      .filter((m) => m.cloud !== 'huawei')
      .map((m) => `${m.cloud}:${m.id}@${m.start}`);
  }

  it('finds an ID across every window edge exactly as a reading of the whole text would', () => {
    for (const id of [ALI, QC, BC]) {
      for (let shift = -id.length - 1; shift <= 1; shift++) {
        const at = WINDOW_CHARS + shift;
        const text = 'x'.repeat(Math.max(0, at - 1)) + ' ' + id + ' tail';
        assert.deepEqual(withOffsets(text), reference(text), `${id} at ${at}`);
      }
      // Glued to a token across the edge: not an ID on either side.
      const glued = 'y'.repeat(WINDOW_CHARS - 3) + 'ab' + id;
      assert.deepEqual(withOffsets(glued), []);
    }
  });

  it('covers every ID of a long one-line text (10,000 IDs of three clouds, three windows and more)', () => {
    const ids = Array.from({ length: 10_000 }, (_, n) => {
      const tail = n.toString(36).padStart(6, '0');
      return n % 3 === 0 ? `m-bp1g7004ksh0oe${tail}` : n % 3 === 1 ? `img-6a1f0c9e2b7d4e8f0a${tail}` : `img-4x${tail}`;
    });
    const text = ids.map((id, n) => `{"k${n}":"${id}"}`).join(',');
    assert.ok(text.length > 3 * WINDOW_CHARS);
    const found = findImageIds(text);
    assert.deepEqual(found.map((m) => m.id), ids);
    assert.deepEqual(found.map((m) => `${m.cloud}:${m.id}@${m.start}`), reference(text));
  });

  it('keeps the key check of a Huawei UUID on a line far longer than a window', () => {
    const line = `${'{"a":1},'.repeat(20_000)}{"image_id":"${HW}","request_id":"${PLAIN}"}`;
    assert.deepEqual(ids(line), [`huawei:${HW}`]);
  });

  it('scans in slices to the same result, giving the thread back, and stops when the signal aborts', async () => {
    const text = `image_id = "${ALI}"\n`.repeat(20_000);
    let clock = 0;
    let gaveBack = 0;
    // Every reading of the clock costs 1 ms: the work must give the thread back many times.
    const sliced = await scanImageIds(text, { sliceMs: 4, now: () => clock++, yieldNow: () => Promise.resolve(void gaveBack++) });
    assert.deepEqual(sliced, findImageIds(text));
    assert.ok(gaveBack >= 5, `gave the thread back ${gaveBack} times`);

    const controller = new AbortController();
    let windows = 0;
    const scan = scanImageIds(text, {
      signal: controller.signal,
      sliceMs: 0,
      yieldNow: () => {
        if (++windows === 2) {
          controller.abort();
        }
        return Promise.resolve();
      },
    });
    await assert.rejects(scan, (err: unknown) => ProviderError.isAbort(err));
    assert.equal(windows, 2, 'nothing read after the abort');
  });
});
