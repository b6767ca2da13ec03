import { maxUploadBytes } from '@genhub/core';
import { brokenImage, type SampleImages } from './broken-images';
import type { Rng } from './create-rng';
import type { HttpCase } from './fuzz-case';
import { hostileString } from './hostile-value';
import { multipartBody, type Part } from './multipart-body';

const target = 'POST /api/assets';
const imageTypes = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/octet-stream',
  'text/html',
  '',
];
const fieldNames = ['image', 'files', '', 'FILE', 'file[]', '__proto__', 'file\u0000'];
const fileNames = [
  'reference.png',
  '../../../../etc/passwd',
  '..\\..\\secret.key',
  'a\u0000.png',
  'a".png',
  '\u202egnp.exe',
  'x'.repeat(5000),
  '',
];

function upload(
  label: string,
  parts: Part[],
  extra: Partial<HttpCase> = {},
  closing = true,
): HttpCase {
  return {
    kind: 'http',
    label: `upload: ${label}`,
    target,
    method: 'POST',
    path: '/api/assets',
    headers: { 'content-type': 'multipart/form-data; boundary=fuzzboundary' },
    body: multipartBody('fuzzboundary', parts, { closing }),
    ...extra,
  };
}

/** A valid PNG with junk after IEND: still a valid image if cut anywhere past its end. */
function paddedPng(png: Buffer, size: number): Buffer {
  return Buffer.concat([png, Buffer.alloc(size - png.length, 0x20)]);
}

/** `POST /api/assets`: broken images, wrong fields and framing, lying sizes, the edge. */
export function uploadCases(rng: Rng, images: SampleImages): HttpCase[] {
  const cases: HttpCase[] = [];
  const file = (data: Buffer, type = 'image/png', filename = 'reference.png'): Part => ({
    name: 'file',
    filename,
    type,
    data,
  });
  for (let i = 0; i < 30; i++) {
    const broken = brokenImage(rng, images);
    cases.push(upload(broken.name, [file(broken.bytes, rng.pick(imageTypes))]));
  }
  for (const [format, bytes] of Object.entries(images)) {
    cases.push(upload(`valid ${format}`, [file(bytes as Buffer, `image/${format}`)]));
  }
  for (const name of fieldNames) {
    cases.push(upload(`field "${name}"`, [{ ...file(images.png), name }]));
  }
  const several = 2 + rng.int(4);
  cases.push(
    upload(
      `${several} files`,
      Array.from({ length: several }, () => file(images.png)),
    ),
  );
  cases.push(
    upload('text field, then file', [
      { name: 'note', data: Buffer.from(hostileString(rng)) },
      file(images.png),
    ]),
  );
  cases.push(upload('text field only', [{ name: 'file', data: images.png }]));
  cases.push(upload('no parts', []));
  cases.push(upload('no closing boundary', [file(images.png)], {}, false));
  for (const filename of fileNames) {
    cases.push(
      upload(`file name ${JSON.stringify(filename.slice(0, 30))}`, [
        file(images.jpeg, 'image/png', filename),
      ]),
    );
  }
  const framed = multipartBody('fuzzboundary', [file(images.png)]);
  const framing: [string, Record<string, string>, Buffer][] = [
    ['no boundary', { 'content-type': 'multipart/form-data' }, framed],
    ['wrong boundary', { 'content-type': 'multipart/form-data; boundary=other' }, framed],
    ['empty boundary', { 'content-type': 'multipart/form-data; boundary=' }, framed],
    [
      'boundary of 200 chars',
      { 'content-type': `multipart/form-data; boundary=${'b'.repeat(200)}` },
      framed,
    ],
    ['multipart/mixed', { 'content-type': 'multipart/mixed; boundary=fuzzboundary' }, framed],
    ['JSON body', { 'content-type': 'application/json' }, Buffer.from('{"file":"iVBORw0KGgo="}')],
    ['malformed JSON body', { 'content-type': 'application/json' }, Buffer.from('{"file":')],
    ['raw PNG body', { 'content-type': 'image/png' }, images.png],
    ['form body', { 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from('file=x')],
    ['text body', { 'content-type': 'text/plain' }, Buffer.from('file')],
    ['no content type', {}, framed],
    [
      'empty body',
      { 'content-type': 'multipart/form-data; boundary=fuzzboundary' },
      Buffer.alloc(0),
    ],
  ];
  for (const [label, headers, body] of framing) {
    cases.push({
      kind: 'http',
      label: `upload: ${label}`,
      target,
      method: 'POST',
      path: '/api/assets',
      headers,
      body,
    });
  }
  cases.push({
    ...upload('Content-Length of 10 GB, body short', [file(images.png)]),
    headers: {
      'content-type': 'multipart/form-data; boundary=fuzzboundary',
      'content-length': '10737418240',
    },
    incomplete: true,
  });
  for (const over of [1, 1 + rng.int(4096)]) {
    cases.push({
      ...upload(`${over} byte(s) over the limit`, [
        file(paddedPng(images.png, maxUploadBytes + over)),
      ]),
      mustFail: 'a file over the upload limit was stored',
    });
  }
  cases.push({
    ...upload('from a foreign Origin', [file(images.png)]),
    headers: {
      'content-type': 'multipart/form-data; boundary=fuzzboundary',
      origin: 'https://evil.example',
    },
    mustFail: 'an upload from a foreign Origin was stored',
  });
  cases.push({
    ...upload('for a foreign Host', [file(images.png)]),
    headers: {
      'content-type': 'multipart/form-data; boundary=fuzzboundary',
      host: 'attacker.example',
    },
    mustFail: 'an upload for a foreign Host was stored',
  });
  return cases;
}
