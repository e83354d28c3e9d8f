// Search in the database (declared in catalog/repo.hpp): the text each product is found by, and the
// query over it, FTS5 trigram on SQLite and pg_trgm on PostgreSQL.
#include <algorithm>

#include "catalog/repo.hpp"
#include "core/text.hpp"

namespace brilliant::catalog::repo {

using db::row_int;

void index_for_search(soci::session& sql, db::Backend backend, long long product_id,
                      const std::string& body) {
  sql << "DELETE FROM product_search WHERE product_id = :id", soci::use(product_id);
  sql << "INSERT INTO product_search (product_id, body) VALUES (:id, :b)", soci::use(product_id),
      soci::use(body);
  if (backend == db::Backend::sqlite) {
    sql << "DELETE FROM product_fts WHERE rowid = :id", soci::use(product_id);
    sql << "INSERT INTO product_fts (rowid, body) VALUES (:id, :b)", soci::use(product_id), soci::use(body);
  }
}

namespace {

// FTS5 query: every trigram of the (lower-cased) query as a phrase, OR'ed; bm25 ranks products that
// share more trigrams first, so one typo still finds the word.
std::string fts_trigram_query(const std::string& q) {
  std::vector<std::string> chars;  // code points
  for (size_t i = 0; i < q.size();) {
    size_t len = 1;
    const auto c = static_cast<unsigned char>(q[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    chars.push_back(q.substr(i, len));
    i += len;
  }
  std::string out;
  for (size_t i = 0; i + 3 <= chars.size(); ++i) {
    std::string gram = chars[i] + chars[i + 1] + chars[i + 2];
    if (gram.find('"') != std::string::npos) continue;
    out += (out.empty() ? "" : " OR ") + ("\"" + gram + "\"");
  }
  return out;
}

std::string escaped_like(const std::string& q) {
  std::string out;
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string like_pattern(const std::string& q) { return "%" + escaped_like(q) + "%"; }
// q as a whole word of a text with a space added at both ends.
std::string word_pattern(const std::string& q) { return "% " + escaped_like(q) + " %"; }

std::vector<long long> run_ids(soci::rowset<soci::row>&& rows) {
  std::vector<long long> ids;
  for (const auto& r : rows) ids.push_back(row_int(r, 0));
  return ids;
}

// Runs a search statement whose placeholders are `params` in order, then the limit.
std::vector<long long> ids_of(soci::session& sql, const std::string& text,
                              const std::vector<std::string>& params, int limit) {
  std::string named;  // "?" becomes ":p0", ":p1", ... (SOCI rewrites named placeholders for PostgreSQL)
  int n = 0;
  for (char c : text) named += c == '?' ? ":p" + std::to_string(n++) : std::string(1, c);
  auto statement = (sql.prepare << named);
  for (const auto& p : params) statement, soci::use(p);
  statement, soci::use(limit);
  return run_ids(soci::rowset<soci::row>(statement));
}

}  // namespace

std::vector<long long> search(soci::session& sql, db::Backend backend, const std::string& raw, int limit) {
  const std::string q = ascii_lower(trim(raw));
  std::vector<std::string> words;  // every word must be found (at most eight are read)
  for (size_t start = 0; start < q.size() && words.size() < 8;) {
    auto end = q.find(' ', start);
    if (end == std::string::npos) end = q.size();
    if (end > start) words.push_back(q.substr(start, end - start));
    start = end + 1;
  }
  if (words.empty()) return {};
  std::vector<std::string> params;
  if (backend == db::Backend::postgresql) {
    // Each word as a substring, or (three characters and more) close by trigram word similarity
    // (pg_trgm) for a typo the catalog's words did not catch; more substrings first.
    std::string where, order;
    for (const auto& w : words) {
      if (utf8_length(w) == 1) {  // one syllable (금, 은): the word itself, never inside another (금세공방)
        params.push_back(word_pattern(w));
        where += " AND (' ' || LOWER(s.body) || ' ') LIKE ?";
        continue;
      }
      params.push_back(like_pattern(w));
      params.push_back(w);
      where += " AND (LOWER(s.body) LIKE ? OR word_similarity(?, LOWER(s.body)) > 0.3)";
    }
    for (const auto& w : words) {
      params.push_back(like_pattern(w));
      order +=
          (order.empty() ? "" : " + ") + std::string("(CASE WHEN LOWER(s.body) LIKE ? THEN 1 ELSE 0 END)");
    }
    return ids_of(sql,
                  "SELECT s.product_id FROM product_search s JOIN products p ON p.id = s.product_id "
                  "WHERE p.status = 'published'" +
                      where + " ORDER BY " + order + " DESC, p.popularity DESC LIMIT ?",
                  params, limit);
  }
  // SQLite: words of three characters and more through the FTS5 trigram index (ranked by bm25), shorter
  // ones (two Korean syllables: 반지, 금) as substrings. When that finds little, any shared trigram of the
  // long words, which forgives a typo.
  std::string long_words, short_clauses;
  std::vector<std::string> short_params;
  for (const auto& w : words) {
    if (utf8_length(w) >= 3 && w.find('"') == std::string::npos) {
      long_words += (long_words.empty() ? "" : " AND ") + ("\"" + w + "\"");
    } else if (utf8_length(w) == 1) {  // one syllable (금, 은): the word itself, not inside 금세공방
      short_params.push_back(word_pattern(w));
      short_clauses += " AND (' ' || LOWER(s.body) || ' ') LIKE ? ESCAPE '\\'";
    } else {
      short_params.push_back(like_pattern(w));
      short_clauses += " AND LOWER(s.body) LIKE ? ESCAPE '\\'";
    }
  }
  if (long_words.empty())
    return ids_of(sql,
                  "SELECT s.product_id FROM product_search s JOIN products p ON p.id = s.product_id "
                  "WHERE p.status = 'published'" +
                      short_clauses + " ORDER BY p.popularity DESC LIMIT ?",
                  short_params, limit);
  const std::string fts =
      "SELECT f.rowid FROM product_fts f JOIN products p ON p.id = f.rowid JOIN product_search s ON "
      "s.product_id = f.rowid WHERE product_fts MATCH ? AND p.status = 'published'" +
      short_clauses + " ORDER BY bm25(product_fts) LIMIT ?";
  params = {long_words};
  params.insert(params.end(), short_params.begin(), short_params.end());
  auto ids = ids_of(sql, fts, params, limit);
  if (ids.size() >= 5) return ids;
  std::string any_trigram;
  for (const auto& w : words)
    if (utf8_length(w) >= 3) {
      const auto grams = fts_trigram_query(w);
      if (!grams.empty()) any_trigram += (any_trigram.empty() ? "" : " OR ") + grams;
    }
  if (any_trigram.empty()) return ids;
  params[0] = any_trigram;
  for (long long id : ids_of(sql, fts, params, limit))
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  return ids;
}

}  // namespace brilliant::catalog::repo
