// The photo coach (issue 13): what a product photo does for selling and what sales channels reject,
// measured with libvips on a copy shrunk to 800 px: blur (the variance of the Laplacian of the grey
// image, over the piece's box), exposure (the piece's mean brightness and clipped highlights), a
// background that is not white (the border's mean and its colour cast), a piece too small in the frame
// (its box against the frame) or cut off at the edge, and a photo smaller than the channels' 1000 px.
// Each finding comes with its measure, so that advice can say how far off a photo is. Thread safe.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "media/blob_store.hpp"
#include "media/photos.hpp"

namespace brilliant::media {

struct PhotoFinding {
  std::string code;  // blurry, too_dark, overexposed, background_not_white, piece_too_small,
                     // piece_cut_off, low_resolution
  double measure = 0;
  double limit = 0;  // the threshold the measure crossed
};

struct PhotoReport {
  int width = 0, height = 0;  // the original's
  double sharpness = 0;       // Laplacian variance over the piece
  double brightness = 0;      // the piece's mean, 0-255
  double clipped = 0;         // share of the piece's pixels at 250 or more
  double background = 0;      // the border's mean, 0-255
  double cast = 0;            // the border's largest channel difference, 0-255
  double fill = 0;            // the piece's longer side over the frame's
  bool cut_off = false;       // the piece touches an edge
  std::vector<PhotoFinding> findings;
  bool good() const { return findings.empty(); }
};

// Errors on field "photo": not an image. width, height: the original's size when `photo` is a smaller
// rendition of it (for the resolution finding); 0: the photo's own.
Result<PhotoReport> assess_photo(std::string_view photo, int width = 0, int height = 0);

// The reports of stored photos, each assessed once from its largest uncropped JPEG rendition and kept by that
// rendition's hash (a hash's bytes never change). Bounded; thread safe.
class Coach {
 public:
  explicit Coach(const BlobStore& blobs, size_t max_kept = 5000) : blobs_(blobs), max_kept_(max_kept) {}
  // Nothing when the photo has no JPEG rendition or its bytes are missing or unreadable.
  std::optional<PhotoReport> of(const StoredPhoto& photo);

 private:
  const BlobStore& blobs_;
  const size_t max_kept_;
  std::mutex mutex_;
  std::unordered_map<std::string, PhotoReport> kept_;
};

// Views the shoot list asks for that a piece's photos lack, when fewer than `wanted` photos exist
// ("front", "side", "back", "detail", "worn" in order, from the count alone).
std::vector<std::string> missing_views(size_t photos);

}  // namespace brilliant::media
