// Product photos: uploads run through the PhotoPipeline on its workers and are recorded against a
// product; renditions are served by hash. Who may upload is the caller's business (routes check
// workshop ownership). Thread safe.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
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

class Photos {
 public:
  Photos(db::Database& db, BlobStore& blobs, PhotoPipeline& pipeline, const Clock& clock);

  // Processes and records a photo for a product. Uploading the same bytes again returns the photo
  // already recorded. Errors as PhotoPipeline::process.
  Result<StoredPhoto> add(long long product_id, std::string bytes, long long user_id,
                          const std::string& alt_ko, const std::string& alt_en);
  std::vector<StoredPhoto> of_product(long long product_id);
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
