import type { H264MP4Encoder } from 'h264-mp4-encoder';

type CreateEncoder = () => Promise<H264MP4Encoder>;
interface Loaded {
  createH264MP4Encoder?: CreateEncoder;
}

let loaded: Promise<CreateEncoder> | null = null;

/**
 * h264-mp4-encoder, loaded on first use. It is a WebAssembly build of minih264 and mp4v2
 * (no native code, nothing to install), and its Node build installs process-wide handlers
 * for uncaught errors: load it only in a worker thread (the pixel workers), never on the
 * server's main thread.
 */
function encoderFactory(): Promise<CreateEncoder> {
  loaded ??= import('h264-mp4-encoder').then((module) => {
    // A CommonJS bundle: Node's loader puts its exports on `default`, tsx's on the module.
    const exports: Loaded & { default?: Loaded } = module;
    const create = exports.createH264MP4Encoder ?? exports.default?.createH264MP4Encoder;
    if (!create) throw new Error('h264-mp4-encoder has no createH264MP4Encoder');
    return create;
  });
  return loaded;
}

/** Output names in the encoder's in-memory file system, which all its encoders share. */
let clips = 0;

export interface ClipFormat {
  /** Even numbers, as H.264's 4:2:0 sampling needs. */
  width: number;
  height: number;
  fps: number;
}

/**
 * Encodes RGBA frames (width × height × 4 bytes each) as an H.264 MP4 that browsers play:
 * Baseline profile, a keyframe every second so a player can seek.
 */
export async function encodeH264(
  format: ClipFormat,
  frames: Iterable<Uint8Array>,
): Promise<Uint8Array> {
  const encoder = await (await encoderFactory())();
  try {
    encoder.outputFilename = `clip-${++clips}.mp4`;
    encoder.width = format.width;
    encoder.height = format.height;
    encoder.frameRate = format.fps;
    encoder.groupOfPictures = format.fps;
    encoder.speed = 10;
    encoder.quantizationParameter = 28;
    encoder.initialize();
    for (const frame of frames) encoder.addFrameRgba(frame);
    encoder.finalize();
    const mp4 = encoder.FS.readFile(encoder.outputFilename);
    encoder.FS.unlink(encoder.outputFilename);
    return mp4;
  } finally {
    encoder.delete();
  }
}
