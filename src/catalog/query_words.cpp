#include "catalog/query_words.hpp"

#include <algorithm>
#include <set>

#include "core/hangul.hpp"
#include "core/text.hpp"

namespace brilliant::catalog {

std::vector<std::string> query_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  const std::string lower = ascii_lower(text);
  for (size_t i = 0; i <= lower.size(); ++i) {
    const unsigned char c = i < lower.size() ? static_cast<unsigned char>(lower[i]) : ' ';
    // ASCII punctuation and spaces end a word; any byte of a multi-byte character belongs to it.
    const bool part = c >= 0x80 || std::isalnum(c);
    if (part) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  return out;
}

SearchVocabulary::SearchVocabulary(const std::vector<std::string>& texts) {
  for (const auto& text : texts) {
    std::set<std::string> seen;
    for (auto& w : query_words(text))
      if (seen.insert(w).second) ++weight_[w];
  }
  for (const auto& [word, _] : weight_) {
    words_.push_back(word);
    jamo_.push_back(to_jamo(word));
  }
}

bool SearchVocabulary::inside_a_word(const std::string& word) const {
  return std::any_of(words_.begin(), words_.end(),
                     [&word](const std::string& w) { return w.find(word) != std::string::npos; });
}

std::string SearchVocabulary::nearest(const std::string& word) const {
  const auto jamo = to_jamo(word);
  // Allowance: none under four letters (jamo), one up to eight, two beyond.
  const size_t allowance = jamo.size() < 4 ? 0 : jamo.size() <= 8 ? 1 : 2;
  if (allowance == 0) return "";
  size_t best_distance = allowance + 1;
  int best_weight = -1;
  std::string best;
  for (size_t i = 0; i < words_.size(); ++i) {
    const size_t d = edit_distance(jamo, jamo_[i], allowance);
    if (d > allowance || d == 0) continue;
    const int w = weight_.at(words_[i]);
    if (d < best_distance ||
        (d == best_distance && (w > best_weight || (w == best_weight && words_[i] < best)))) {
      best_distance = d;
      best_weight = w;
      best = words_[i];
    }
  }
  return best;
}

std::vector<std::string> SearchVocabulary::split_compound(const std::string& word) const {
  const auto points = utf8_decode(word);
  if (points.size() < 2 || points.size() > 16) return {};
  // Byte offsets of each code point, so parts are cut on character boundaries.
  std::vector<size_t> at;
  for (size_t i = 0; i < word.size(); ++i)
    if ((static_cast<unsigned char>(word[i]) & 0xc0) != 0x80) at.push_back(i);
  at.push_back(word.size());
  // Fewest parts wins (longest words first): best[i] is the shortest split of the first i characters.
  const size_t n = points.size();
  std::vector<int> parts(n + 1, 1 << 20), from(n + 1, -1);
  parts[0] = 0;
  for (size_t end = 1; end <= n; ++end)
    for (size_t start = 0; start < end; ++start) {
      if (parts[start] >= (1 << 20) || (start == 0 && end == n)) continue;  // a split has 2+ parts
      if (!contains(word.substr(at[start], at[end] - at[start]))) continue;
      if (parts[start] + 1 < parts[end]) {
        parts[end] = parts[start] + 1;
        from[end] = static_cast<int>(start);
      }
    }
  if (from[n] < 0) return {};
  std::vector<std::string> out;
  for (size_t end = n; end > 0; end = static_cast<size_t>(from[end]))
    out.push_back(word.substr(at[from[end]], at[end] - at[from[end]]));
  std::reverse(out.begin(), out.end());
  return out;
}

Result<Synonyms> parse_synonyms(const std::string& text) {
  Synonyms out;
  size_t line_no = 0, start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line(trim(std::string_view(text).substr(start, end - start)));
    ++line_no;
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    const std::string term = eq == std::string::npos ? "" : std::string(trim(line.substr(0, eq)));
    const std::string meaning = eq == std::string::npos ? "" : std::string(trim(line.substr(eq + 1)));
    if (term.empty() || meaning.empty() || query_words(term).size() != 1)
      return Error::invalid("search_synonyms", "synonym_invalid",
                            "search_synonyms line " + std::to_string(line_no) +
                                " must read \"word = words it means\" (for example 커플링 = 커플 반지)");
    out.emplace_back(ascii_lower(term), ascii_lower(meaning));
  }
  if (out.size() > 500)
    return Error::invalid("search_synonyms", "synonym_invalid", "search_synonyms may hold at most 500 lines");
  return out;
}

std::string rewrite_query(const std::string& query, const SearchVocabulary& vocabulary,
                          const Synonyms& synonyms) {
  std::string out;
  auto add = [&out](const std::string& word) { out += (out.empty() ? "" : " ") + word; };
  for (const auto& word : query_words(query)) {
    auto synonym =
        std::find_if(synonyms.begin(), synonyms.end(), [&](const auto& s) { return s.first == word; });
    if (synonym != synonyms.end()) {
      add(synonym->second);
    } else if (vocabulary.contains(word) || vocabulary.inside_a_word(word)) {
      add(word);
    } else if (auto parts = vocabulary.split_compound(word); !parts.empty()) {
      for (const auto& p : parts) add(p);
    } else if (auto near = vocabulary.nearest(word); !near.empty()) {
      add(near);
    } else {
      add(word);  // unknown: searched as typed (it may be inside a longer word)
    }
  }
  return out;
}

}  // namespace brilliant::catalog
