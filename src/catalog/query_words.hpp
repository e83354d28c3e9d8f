// What a shopper typed, read against the catalog's own words before the database is asked: an
// operator's synonyms (커플링 -> 커플 반지), compounds split into words the catalog uses (금반지 -> 금
// 반지), and typos corrected to the nearest catalog word by jamo edit distance (목걸리 -> 목걸이, 팔지
// -> 팔찌). Pure: no I/O.
#pragma once
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace brilliant::catalog {

class SearchVocabulary {
 public:
  SearchVocabulary() = default;
  // Every word of these texts (titles, category, metal and stone names, workshop names, tags), lower-cased.
  explicit SearchVocabulary(const std::vector<std::string>& texts);
  bool contains(const std::string& word) const { return weight_.contains(word); }
  // True when some catalog word holds `word` (a shopper typing the start of one: 은하 for 은하수).
  bool inside_a_word(const std::string& word) const;
  // The catalog word nearest to `word` within the typo allowance for its length; "" when none.
  std::string nearest(const std::string& word) const;
  // `word` as catalog words it is made of, longest first ("금반지" -> {"금", "반지"}); empty when it is not.
  std::vector<std::string> split_compound(const std::string& word) const;
  size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;
  std::vector<std::u32string> jamo_;
  std::unordered_map<std::string, int> weight_;  // how many texts use the word
};

// term -> the words it means. One synonym a line: "커플링 = 커플 반지"; blank lines and lines starting
// with '#' are skipped. Errors name the field search_synonyms and the line.
using Synonyms = std::vector<std::pair<std::string, std::string>>;
Result<Synonyms> parse_synonyms(const std::string& text);

// The words to search for, space-separated and lower-cased (ASCII); words the catalog knows stay as they are.
std::string rewrite_query(const std::string& query, const SearchVocabulary& vocabulary,
                          const Synonyms& synonyms);

// Lower-cased words of a text, split at spaces and punctuation (Hangul, letters and digits kept).
std::vector<std::string> query_words(const std::string& text);

}  // namespace brilliant::catalog
