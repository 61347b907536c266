import { deflate, deflateAsync } from '@gfx/zopfli';

/**
 * Raw DEFLATE for the generated data, by zopfli (@gfx/zopfli, Google's compressor as WebAssembly):
 * 5–16 % smaller than zlib at level 9 on our JSON and model fields, in the same format, so the run
 * time inflates it as before (fflate) and only the build pays (seconds). Deterministic.
 */
const OPTIONS = { numiterations: 15 };

// The WebAssembly module starts asynchronously; once it has, `deflate` calls back synchronously,
// which keeps the generators synchronous. Awaited here, so every importer gets a ready compressor.
await deflateAsync(new Uint8Array([0]), OPTIONS);

export function deflateBest(bytes: Uint8Array): Uint8Array {
  let out: Uint8Array | undefined;
  deflate(bytes, OPTIONS, (error, result) => {
    if (error) throw error;
    out = result;
  });
  // A library upgrade that made the callback asynchronous must fail the build, not write nothing.
  if (out === undefined) throw new Error('@gfx/zopfli did not compress synchronously');
  return out;
}
