// The maker's mark and documents an applicant attaches to joining the joint brand. Files belong to the
// applicant (they may be added before or after submitting, until the application is decided); the
// operator sees them with the application. One mark (a new one replaces it), up to eight documents.
// Bytes live in the blob store; only the applicant and operators may read them. Thread safe.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "media/blob_store.hpp"

namespace brilliant::vendors {

struct ApplicationFile {
  long long id = 0;
  long long applicant_id = 0;
  std::string kind;  // mark | document
  std::string name, content_type, hash, preview_hash;
  long long bytes = 0;
  int pages = 0;
  std::string created_at;
};

class ApplicationFiles {
 public:
  static constexpr size_t max_documents = 8;
  ApplicationFiles(db::Database& db, media::BlobStore& blobs, const Clock& clock);

  // Errors: kind unknown, file refused (media::check_file), too many documents, the application is
  // already approved or rejected (conflict).
  Result<ApplicationFile> add(long long applicant_id, const std::string& kind, const std::string& name,
                              std::string_view bytes);
  std::vector<ApplicationFile> of(long long applicant_id);
  std::optional<ApplicationFile> find(long long id);
  Result<void> remove(long long applicant_id, long long id);
  // The bytes to send: the PNG preview of a mark when asked and present, else the file as uploaded.
  std::optional<std::string> content(const ApplicationFile& file, bool preview);

 private:
  db::Database& db_;
  media::BlobStore& blobs_;
  const Clock& clock_;
};

// Whether the applicant has uploaded a maker's mark (approval needs one).
bool has_mark(soci::session& sql, long long applicant_id);

}  // namespace brilliant::vendors
