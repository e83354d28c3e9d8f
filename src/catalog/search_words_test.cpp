// The catalog's search words: what a snapshot's vocabulary holds, and when a patched snapshot keeps it.
#include "catalog/search_words.hpp"

#include <gtest/gtest.h>

namespace brilliant::catalog {
namespace {

Card card(long long id, const std::string& title, const std::string& category,
          std::vector<std::string> stones = {}) {
  Card c;
  c.id = id;
  c.slug = "piece-" + std::to_string(id);
  c.title_ko = "반지";
  c.title_en = title;
  c.category = category;
  c.metal = "silver";
  c.workshop_ko = "달빛공방";
  c.workshop_en = "Moonlight Atelier";
  c.stone_kinds = std::move(stones);
  c.published_at = "2026-11-2" + std::to_string(id);
  return c;
}

Snapshot listed(std::vector<Card> cards) { return patched(Snapshot{}, {}, std::move(cards)); }

std::string name(const std::string& locale, const std::string& key) { return locale + "-" + key.substr(8); }

TEST(SearchWords, AVocabularyHoldsTitlesWorkshopsAndTheNamesOfWhatIsListed) {
  const auto words = vocabulary_of(listed({card(1, "Aurora band", "ring", {"ruby"})}), name);
  for (const std::string w : {"aurora", "band", "반지", "moonlight", "atelier", "달빛공방"})
    EXPECT_TRUE(words->contains(w)) << w;
  EXPECT_FALSE(words->contains("necklace"));
}

TEST(SearchWords, APatchKeepsTheWordsOnlyWhileTitlesWorkshopsAndTheListedNamesStay) {
  const auto before = listed({card(1, "Aurora band", "ring"), card(2, "Plain chain", "necklace")});
  auto priced = card(1, "Aurora band", "ring");
  priced.price = 99000;
  priced.in_stock = true;
  EXPECT_TRUE(same_words(before, patched(before, {1}, {priced}), {1}));
  EXPECT_TRUE(same_words(before, before, {7}));  // a piece listed in neither
  auto renamed = priced;
  renamed.title_en = "Aurora ring";
  EXPECT_FALSE(same_words(before, patched(before, {1}, {renamed}), {1}));
  auto moved = priced;
  moved.workshop_en = "Starlight Atelier";
  EXPECT_FALSE(same_words(before, patched(before, {1}, {moved}), {1}));
  EXPECT_FALSE(same_words(before, patched(before, {2}, {}), {2}));                                // unlisted
  EXPECT_FALSE(same_words(before, patched(before, {3}, {card(3, "Aurora band", "ring")}), {3}));  // new
  auto ruby = priced;  // the same title, but a stone no piece listed had
  ruby.stone_kinds = {"ruby"};
  EXPECT_FALSE(same_words(before, patched(before, {1}, {ruby}), {1}));
  auto recategorised = card(2, "Plain chain", "bracelet");  // the last necklace gone, a bracelet listed
  EXPECT_FALSE(same_words(before, patched(before, {2}, {recategorised}), {2}));
}

}  // namespace
}  // namespace brilliant::catalog
