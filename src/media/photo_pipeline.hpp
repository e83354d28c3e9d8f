// The photo pipeline (issue 4): an upload is checked by decoding it with libvips (never by its name or
// MIME type), with limits on bytes and pixels (decompression bombs are refused from the header alone);
// then, on a worker pool: auto-orient, sRGB, metadata stripped (EXIF GPS, camera serials), renditions
// thumb 320 / listing 640 / detail 1600 / zoom 2400 in WebP and JPEG, a square 1000 px JPEG on white for
// other channels, the original kept, all in the content-addressed blob store, plus a 64-bit DCT
// perceptual hash for later matching (packing vs return photos).
// Thread safe; libvips headers stay in photo_pipeline.cpp.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/result.hpp"
#include "media/blob_store.hpp"

namespace vips {
class VImage;
}

namespace brilliant::media {

// Starts libvips once per process (idempotent, thread safe); everything here that decodes calls it.
void start_libvips();

struct PhotoLimits {
  size_t max_bytes = 40 * 1024 * 1024;
  long long max_pixels = 100'000'000;  // 100 megapixels
};

struct Rendition {
  std::string name;    // thumb, listing, detail, zoom, square
  std::string format;  // webp, jpeg
  int width = 0;
  int height = 0;
  std::string hash;  // blob
  size_t bytes = 0;
};

struct ProcessedPhoto {
  std::string original_hash;
  std::string source_format;  // jpeg, png, webp, heif
  int width = 0;              // after orientation
  int height = 0;
  std::vector<Rendition> renditions;
  uint64_t perceptual_hash = 0;
};

inline constexpr std::pair<const char*, int> rendition_sizes[] = {
    {"thumb", 320}, {"listing", 640}, {"detail", 1600}, {"zoom", 2400}};
inline constexpr int square_size = 1000;

// Hamming distance between two perceptual hashes: 0 is the same picture; under about 10, the same
// picture re-encoded or resized; over about 20, different pictures.
int hash_distance(uint64_t a, uint64_t b);

class PhotoPipeline {
 public:
  // workers: threads that process photos (0: one per core).
  PhotoPipeline(BlobStore& blobs, PhotoLimits limits, int workers = 0);
  ~PhotoPipeline();

  // Processes on the calling thread. Errors (field "photo"): photo_too_large, not_an_image,
  // unsupported_format, too_many_pixels, photo_corrupt. No rendition is stored unless all succeed (from the
  // pool, submit(), the original is stored once it has decoded).
  Result<ProcessedPhoto> process(std::string_view bytes);
  // An evidence photo (the studio's): checked as process() checks, the original stored and a JPEG
  // thumbnail, with the perceptual hash; none of the sales renditions. Much quicker at a station.
  Result<ProcessedPhoto> evidence(std::string_view bytes);
  // Queues the work on the pool.
  std::future<Result<ProcessedPhoto>> submit(std::string bytes);
  size_t queued() const;

 private:
  void work();
  Result<vips::VImage> checked(std::string_view bytes, ProcessedPhoto& out) const;
  // process() of bytes the pool owns (`owned`, which `bytes` views): the original is stored as soon as it
  // has decoded and its memory given back before the encoders take theirs (a fifth of the peak).
  Result<ProcessedPhoto> process(std::string_view bytes, std::string* owned);
  BlobStore& blobs_;
  PhotoLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

}  // namespace brilliant::media
