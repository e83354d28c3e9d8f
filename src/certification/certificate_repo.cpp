// The certification repository's certificates, their events, status lists and product claims (the rest
// of repo.hpp: schemes, applications, evidence, audits, is in repo.cpp).
#include "certification/repo.hpp"

#include "db/database.hpp"

#include "certification/repo_rows.hpp"

namespace brilliant::certification::repo {
using db::row_int;
using db::row_text;

namespace {

constexpr char certificate_columns[] =
    "SELECT c.id, c.number, c.workshop_id, w.slug, w.name, w.name_en, c.application_id, c.version, c.level, "
    "c.score, c.scope, c.claims, c.status, c.status_index, c.valid_from, c.valid_until, c.suspended_until, "
    "c.reminded_days, c.credential, c.credential_sha256, c.created_at FROM certificates c "
    "JOIN workshops w ON w.id = c.workshop_id ";

Certificate certificate_from(const soci::row& r) {
  Certificate c;
  c.id = row_int(r, 0);
  c.number = row_text(r, 1);
  c.workshop = {row_int(r, 2), row_text(r, 3), row_text(r, 4), row_text(r, 5)};
  c.application_id = row_int(r, 6);
  c.version = static_cast<int>(row_int(r, 7));
  c.level = static_cast<int>(row_int(r, 8));
  c.score = static_cast<int>(row_int(r, 9));
  c.scope = row_text(r, 10);
  c.claims = split_words(row_text(r, 11));
  c.status = certificate_status(row_text(r, 12)).value_or(CertificateStatus::withdrawn);
  c.status_index = row_int(r, 13);
  c.valid_from = row_text(r, 14);
  c.valid_until = row_text(r, 15);
  c.suspended_until = row_text(r, 16);
  c.reminded_days = static_cast<int>(row_int(r, 17));
  c.credential = row_text(r, 18);
  c.credential_sha256 = row_text(r, 19);
  c.created_at = row_text(r, 20);
  return c;
}

}  // namespace

long long next_status_index(soci::session& sql) {
  long long top = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(status_index) FROM certificates", soci::into(top, ind);
  return ind == soci::i_null ? 0 : top + 1;
}

long long insert_certificate(soci::session& sql, const Certificate& c) {
  long long id = 0;
  const auto claims = join_words(c.claims);
  const auto status = to_string(c.status);
  sql << "INSERT INTO certificates (number, workshop_id, application_id, version, level, score, scope, "
         "claims, status, status_index, valid_from, valid_until, credential, credential_sha256, created_at) "
         "VALUES (:n, :w, :a, :v, :l, :s, :scope, :claims, :status, :idx, :from, :until, :cred, :sha, :at) "
         "RETURNING id",
      soci::use(c.number), soci::use(c.workshop.id), soci::use(c.application_id), soci::use(c.version),
      soci::use(c.level), soci::use(c.score), soci::use(c.scope), soci::use(claims), soci::use(status),
      soci::use(c.status_index), soci::use(c.valid_from), soci::use(c.valid_until), soci::use(c.credential),
      soci::use(c.credential_sha256), soci::use(c.created_at), soci::into(id);
  return id;
}

std::optional<Certificate> certificate(soci::session& sql, const std::string& number) {
  return first(select<Certificate>(sql, std::string(certificate_columns) + "WHERE c.number = :n",
                                   certificate_from, number));
}

std::optional<Certificate> certificate_by_id(soci::session& sql, long long id) {
  return first(
      select<Certificate>(sql, std::string(certificate_columns) + "WHERE c.id = :id", certificate_from, id));
}

std::vector<Certificate> certificates_of(soci::session& sql, long long workshop_id) {
  return select<Certificate>(sql,
                             std::string(certificate_columns) + "WHERE c.workshop_id = :w ORDER BY c.id DESC",
                             certificate_from, workshop_id);
}

std::vector<Certificate> registry(soci::session& sql, const std::string& q, int limit) {
  const std::string like = "%" + q + "%";
  std::vector<Certificate> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << std::string(certificate_columns) +
                  "WHERE (w.name LIKE :q OR LOWER(w.name_en) LIKE LOWER(:q2) OR c.number LIKE UPPER(:q3) "
                  "OR c.scope LIKE :q4) ORDER BY CASE c.status WHEN 'active' THEN 0 WHEN 'suspended' "
                  "THEN 1 ELSE 2 END, c.level DESC, c.id DESC LIMIT " +
                  std::to_string(limit),
       soci::use(like), soci::use(like), soci::use(like), soci::use(like));
  for (const auto& r : rows) out.push_back(certificate_from(r));
  return out;
}

std::vector<Certificate> certificates_with_status(soci::session& sql,
                                                  const std::vector<std::string>& statuses) {
  return select<Certificate>(sql,
                             std::string(certificate_columns) + "WHERE c.status IN (" + in_list(statuses) +
                                 ") AND c.id > :k ORDER BY c.id",
                             certificate_from, 0LL);
}

void set_certificate_status(soci::session& sql, long long id, CertificateStatus status,
                            const std::string& suspended_until) {
  const auto name = to_string(status);
  sql << "UPDATE certificates SET status = :s, suspended_until = :u WHERE id = :id", soci::use(name),
      soci::use(suspended_until), soci::use(id);
}

void set_reminded(soci::session& sql, long long id, int days) {
  sql << "UPDATE certificates SET reminded_days = :d WHERE id = :id", soci::use(days), soci::use(id);
}

void insert_event(soci::session& sql, long long certificate_id, const std::string& kind,
                  const std::string& reason, long long actor_id, long long log_index, const std::string& at) {
  soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO certificate_events (certificate_id, kind, reason, actor_id, log_index, created_at) "
         "VALUES (:c, :k, :r, :a, :l, :at)",
      soci::use(certificate_id), soci::use(kind), soci::use(reason), soci::use(actor_id, actor_ind),
      soci::use(log_index), soci::use(at);
}

std::vector<CertificateEvent> events(soci::session& sql, long long certificate_id) {
  return select<CertificateEvent>(
      sql,
      "SELECT kind, reason, log_index, created_at FROM certificate_events WHERE certificate_id = :c ORDER BY "
      "id",
      [](const soci::row& r) {
        return CertificateEvent{row_text(r, 0), row_text(r, 1), row_int(r, 2), row_text(r, 3)};
      },
      certificate_id);
}

std::vector<long long> status_indexes(soci::session& sql, const std::string& status) {
  return select<long long>(
      sql, "SELECT status_index FROM certificates WHERE status = :s ORDER BY status_index",
      [](const soci::row& r) { return row_int(r, 0); }, status);
}

std::vector<ProductClaim> claims_of(soci::session& sql, long long product_id) {
  return select<ProductClaim>(
      sql, "SELECT product_id, claim, evidence FROM product_claims WHERE product_id = :p ORDER BY claim",
      [](const soci::row& r) {
        return ProductClaim{row_int(r, 0), row_text(r, 1), row_text(r, 2)};
      },
      product_id);
}

void set_claims(soci::session& sql, long long product_id, const std::vector<ProductClaim>& claims,
                const std::string& now) {
  sql << "DELETE FROM product_claims WHERE product_id = :p", soci::use(product_id);
  for (const auto& c : claims)
    sql << "INSERT INTO product_claims (product_id, claim, evidence, created_at) VALUES (:p, :c, :e, :n)",
        soci::use(product_id), soci::use(c.claim), soci::use(c.evidence), soci::use(now);
}

std::vector<ProductClaim> workshop_claims(soci::session& sql, long long workshop_id) {
  return select<ProductClaim>(
      sql,
      "SELECT pc.product_id, pc.claim, pc.evidence FROM product_claims pc JOIN products p ON p.id = "
      "pc.product_id WHERE p.workshop_id = :w ORDER BY pc.product_id, pc.claim",
      [](const soci::row& r) {
        return ProductClaim{row_int(r, 0), row_text(r, 1), row_text(r, 2)};
      },
      workshop_id);
}

std::vector<std::pair<long long, std::string>> workshop_products(soci::session& sql, long long workshop_id) {
  return select<std::pair<long long, std::string>>(
      sql, "SELECT id, metal FROM products WHERE workshop_id = :w ORDER BY id",
      [](const soci::row& r) {
        return std::pair{row_int(r, 0), row_text(r, 1)};
      },
      workshop_id);
}

std::optional<Workshop> workshop(soci::session& sql, long long id) {
  return first(select<Workshop>(
      sql, "SELECT id, slug, name, name_en FROM workshops WHERE id = :id",
      [](const soci::row& r) {
        return Workshop{row_int(r, 0), row_text(r, 1), row_text(r, 2), row_text(r, 3)};
      },
      id));
}

namespace {
ProductBrief brief_from(const soci::row& r) {
  return {row_int(r, 0),  row_int(r, 1),  row_text(r, 2), row_text(r, 3),
          row_text(r, 4), row_text(r, 5), row_text(r, 6), split_words(row_text(r, 7))};
}
constexpr char brief_columns[] =
    "SELECT id, workshop_id, slug, title_ko, title_en, metal, status, eco_claims FROM products ";
}  // namespace

std::optional<ProductBrief> product_brief(soci::session& sql, const std::string& slug) {
  return first(select<ProductBrief>(sql, std::string(brief_columns) + "WHERE slug = :s", brief_from, slug));
}

std::optional<ProductBrief> product_brief(soci::session& sql, long long id) {
  return first(select<ProductBrief>(sql, std::string(brief_columns) + "WHERE id = :id", brief_from, id));
}

std::vector<std::string> workshop_emails(soci::session& sql, long long workshop_id) {
  return select<std::string>(
      sql,
      "SELECT u.email FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'vendor_staff' AND "
      "r.workshop_id = :w AND u.status = 'active' ORDER BY u.id",
      [](const soci::row& r) { return row_text(r, 0); }, workshop_id);
}

}  // namespace brilliant::certification::repo
