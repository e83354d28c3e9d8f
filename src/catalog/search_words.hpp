// The catalog's search words: the vocabulary a shopper's search is corrected against (typos, compounds),
// made from a snapshot, and whether a patched snapshot would make the same one (then it is kept).
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "catalog/listing.hpp"
#include "catalog/query_words.hpp"

namespace brilliant::catalog {

// The snapshot's words: titles, workshops, and the names of categories, metals and stones in both
// languages (`words(locale, key)` names them, as the storefront's messages do).
std::shared_ptr<const SearchVocabulary> vocabulary_of(
    const Snapshot& snapshot,
    const std::function<std::string(const std::string&, const std::string&)>& words);

// Whether `after` makes `before`'s vocabulary, when the cards of the pieces `ids` are the only ones that may
// differ: those pieces have the same titles and workshop names in both (or are listed in neither), and the
// categories, metals and stones listed are the same. An edit of a piece's stock, price or photos (the stock
// table's every save) keeps the words, and their rebuild from every title is spared (at 100,000 pieces,
// most of a patch).
bool same_words(const Snapshot& before, const Snapshot& after, const std::vector<long long>& ids);

}  // namespace brilliant::catalog
