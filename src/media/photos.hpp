// Product photos: uploads run through the PhotoPipeline on its workers and are recorded against a
// product; renditions are served by hash. Who may upload is the caller's business (routes check
// workshop ownership). Thread safe.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "media/photo_pipeline.hpp"

namespace brilliant::media {

struct StoredPhoto {
  long long id = 0;
  long long product_id = 0;
  int position = 0;
  int width = 0, height = 0;
  std::string perceptual_hash;  // hex
  std::string alt_ko, alt_en;
  std::vector<Rendition> renditions;
};

inline constexpr size_t max_alt_chars = 250;
// Alt text: valid UTF-8, at most max_alt_chars characters, trimmed. Errors name `field`.
Result<std::string> check_alt(std::string_view text, const std::string& field);
// A new order of a product's photos must name each of its photos exactly once. Errors on "order".
Result<void> check_order(const std::vector<long long>& current, const std::vector<long long>& requested);
// The order with `id` first (the cover), or moved one place earlier (delta -1) or later (+1).
std::vector<long long> with_cover(std::vector<long long> order, long long id);
std::vector<long long> moved(std::vector<long long> order, long long id, int delta);

class Photos {
 public:
  Photos(db::Database& db, BlobStore& blobs, PhotoPipeline& pipeline, const Clock& clock);

  // Processes and records a photo for a product. Uploading the same bytes again returns the photo
  // already recorded. Errors as PhotoPipeline::process.
  Result<StoredPhoto> add(long long product_id, std::string bytes, long long user_id,
                          const std::string& alt_ko, const std::string& alt_en);
  std::vector<StoredPhoto> of_product(long long product_id);
  // The product's photos in this order (the first is the cover). All or nothing; a photo of another
  // product is not found.
  Result<void> reorder(long long product_id, const std::vector<long long>& order);
  Result<void> set_alt(long long product_id, long long photo_id, const std::string& alt_ko,
                       const std::string& alt_en);
  // Takes the photo off the product. Its blobs stay: they are content-addressed, may be shared and are
  // evidence (DESIGN.md: nothing of evidence is deleted).
  Result<void> remove(long long product_id, long long photo_id);
  // Processes a photo that is not a product's (a workshop's profile) and makes its renditions servable
  // by rendition(); the caller records where it belongs. Errors as PhotoPipeline::process.
  Result<ProcessedPhoto> add_public(std::string bytes);
  // A rendition's bytes and content type by blob hash; nullopt for unknown hashes and for originals,
  // which stay private.
  std::optional<std::pair<std::string, std::string>> rendition(const std::string& hash);

 private:
  db::Database& db_;
  BlobStore& blobs_;
  PhotoPipeline& pipeline_;
  const Clock& clock_;
};

std::string hex64(uint64_t value);

}  // namespace brilliant::media
