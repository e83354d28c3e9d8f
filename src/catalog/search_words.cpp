#include "catalog/search_words.hpp"

#include <algorithm>
#include <tuple>

namespace brilliant::catalog {

std::shared_ptr<const SearchVocabulary> vocabulary_of(
    const Snapshot& snapshot,
    const std::function<std::string(const std::string&, const std::string&)>& words) {
  std::vector<std::string> texts;
  texts.reserve(snapshot.cards.size() * 2 + 64);
  for (const auto& c : snapshot.cards) {
    texts.push_back(c.title_ko + " " + c.workshop_ko);
    texts.push_back(c.title_en + " " + c.workshop_en);
  }
  for (const std::string locale : {"ko", "en"}) {
    for (const auto dim : {Dim::category, Dim::metal})
      for (const auto& value : snapshot.index.vocab[at(dim)])
        texts.push_back(
            words(locale, std::string("catalog.") + (dim == Dim::category ? "category." : "metal.") + value));
    for (const auto& stone : snapshot.index.stones) texts.push_back(words(locale, "catalog.stone." + stone));
  }
  return std::make_shared<const SearchVocabulary>(texts);
}

bool same_words(const Snapshot& before, const Snapshot& after, const std::vector<long long>& ids) {
  for (const auto dim : {Dim::category, Dim::metal})
    if (before.index.vocab[at(dim)] != after.index.vocab[at(dim)]) return false;
  if (before.index.stones != after.index.stones) return false;
  return std::all_of(ids.begin(), ids.end(), [&](long long id) {
    const auto was = before.by_id.find(id), is = after.by_id.find(id);
    if (was == before.by_id.end() || is == after.by_id.end())
      return was == before.by_id.end() && is == after.by_id.end();
    const Card &x = before.cards[was->second], &y = after.cards[is->second];
    return std::tie(x.title_ko, x.title_en, x.workshop_ko, x.workshop_en) ==
           std::tie(y.title_ko, y.title_en, y.workshop_ko, y.workshop_en);
  });
}

}  // namespace brilliant::catalog
