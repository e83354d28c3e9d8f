#include "vendors/joining/application_files.hpp"

#include "db/database.hpp"

#include "core/text.hpp"
#include "media/documents.hpp"

namespace brilliant::vendors {
namespace {

constexpr char columns[] =
    "SELECT id, applicant_id, kind, name, content_type, hash, preview_hash, bytes, pages, created_at FROM "
    "application_files ";

ApplicationFile from_row(const soci::row& r) {
  return {db::row_int(r, 0),  db::row_int(r, 1),  db::row_text(r, 2),
          db::row_text(r, 3), db::row_text(r, 4), db::row_text(r, 5),
          db::row_text(r, 6), db::row_int(r, 7),  static_cast<int>(db::row_int(r, 8)),
          db::row_text(r, 9)};
}

template <class Key>
std::vector<ApplicationFile> select(soci::session& sql, const std::string& where, const Key& key) {
  std::vector<ApplicationFile> out;
  soci::rowset<soci::row> rows = (sql.prepare << std::string(columns) + where, soci::use(key));
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

// Files can change until the operator has approved or rejected the applicant's application.
Result<void> still_open(soci::session& sql, long long applicant_id) {
  std::string status;
  sql << "SELECT status FROM workshop_applications WHERE applicant_id = :a ORDER BY id DESC LIMIT 1",
      soci::use(applicant_id), soci::into(status);
  if (sql.got_data() && (status == "approved" || status == "rejected"))
    return Error::conflict("file", "application_decided", "the application is already " + status);
  return {};
}

}  // namespace

bool has_mark(soci::session& sql, long long applicant_id) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM application_files WHERE applicant_id = :a AND kind = 'mark'",
      soci::use(applicant_id), soci::into(n);
  return n > 0;
}

ApplicationFiles::ApplicationFiles(db::Database& db, media::BlobStore& blobs, const Clock& clock)
    : db_(db), blobs_(blobs), clock_(clock) {}

Result<ApplicationFile> ApplicationFiles::add(long long applicant_id, const std::string& kind,
                                              const std::string& raw_name, std::string_view bytes) {
  if (kind != "mark" && kind != "document")
    return Error::invalid("kind", "file_kind_unknown", "kind is mark or document");
  auto checked = TRY(media::check_file(
      bytes, kind == "document" ? media::Accepts::images_and_pdf : media::Accepts::images, kind));
  // Blobs first (content-addressed, idempotent): a crash after this leaves an unreferenced blob, never
  // a row without its bytes.
  const auto hash = blobs_.put(bytes);
  const auto preview = checked.preview_png.empty() ? std::string() : blobs_.put(checked.preview_png);
  const auto name = clean_file_name(raw_name, "file");
  const auto now = format_utc(clock_.now());
  const long long size = static_cast<long long>(bytes.size());
  return db_.write([&](soci::session& sql) -> Result<ApplicationFile> {
    TRY(still_open(sql, applicant_id));
    if (kind == "document") {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM application_files WHERE applicant_id = :a AND kind = 'document'",
          soci::use(applicant_id), soci::into(n);
      if (n >= static_cast<long long>(max_documents))
        return Error::rule_broken(
            "document", "too_many_documents",
            "at most " + std::to_string(max_documents) + " documents; remove one first");
    } else {
      sql << "DELETE FROM application_files WHERE applicant_id = :a AND kind = 'mark'",
          soci::use(applicant_id);
    }
    long long id = 0;
    sql << "INSERT INTO application_files (applicant_id, kind, name, content_type, bytes, hash, "
           "preview_hash, "
           "pages, created_at) VALUES (:a, :k, :n, :t, :b, :h, :p, :pages, :now) RETURNING id",
        soci::use(applicant_id), soci::use(kind), soci::use(name), soci::use(checked.content_type),
        soci::use(size), soci::use(hash), soci::use(preview), soci::use(checked.pages), soci::use(now),
        soci::into(id);
    return select(sql, "WHERE id = :id", id).front();
  });
}

std::vector<ApplicationFile> ApplicationFiles::of(long long applicant_id) {
  return db_.read([&](soci::session& sql) {
    return select(sql, "WHERE applicant_id = :a ORDER BY CASE kind WHEN 'mark' THEN 0 ELSE 1 END, id",
                  applicant_id);
  });
}

std::optional<ApplicationFile> ApplicationFiles::find(long long id) {
  return db_.read([&](soci::session& sql) -> std::optional<ApplicationFile> {
    auto found = select(sql, "WHERE id = :id", id);
    if (found.empty()) return std::nullopt;
    return found.front();
  });
}

Result<void> ApplicationFiles::remove(long long applicant_id, long long id) {
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto found = select(sql, "WHERE id = :id", id);
    if (found.empty() || found.front().applicant_id != applicant_id) return Error::not_found("file");
    TRY(still_open(sql, applicant_id));
    sql << "DELETE FROM application_files WHERE id = :id", soci::use(id);
    return {};
  });
}

std::optional<std::string> ApplicationFiles::content(const ApplicationFile& file, bool preview) {
  if (preview && !file.preview_hash.empty()) return blobs_.get(file.preview_hash);
  return blobs_.get(file.hash);
}

}  // namespace brilliant::vendors
