#include "catalog/query_words.hpp"

#include <gtest/gtest.h>

namespace brilliant::catalog {
namespace {

// A catalog's words as the demo has them: titles, then category, metal and stone names.
SearchVocabulary demo() {
  return SearchVocabulary({"달빛 14K 금 반지", "물방울 925 은 목걸이", "하트 18K 금 귀걸이", "별 은 팔찌",
                           "솔잎 14K 금 다이아몬드 반지", "Moonlight 14K gold ring", "Heart silver earrings",
                           "커플 반지 세트", "진주 귀걸이"});
}

TEST(QueryWords, SplitsAtSpacesAndPunctuationAndLowerCases) {
  EXPECT_EQ(query_words("  Gold, RING! 반지/목걸이 "),
            (std::vector<std::string>{"gold", "ring", "반지", "목걸이"}));
  EXPECT_TRUE(query_words(" .,- ").empty());
}

TEST(QueryWords, KoreanTyposFindTheCatalogsWord) {
  const auto v = demo();
  for (const auto& [typed, meant] :
       std::vector<std::pair<std::string, std::string>>{{"목걸리", "목걸이"},
                                                        {"목거리", "목걸이"},
                                                        {"귀거리", "귀걸이"},
                                                        {"팔지", "팔찌"},
                                                        {"빈지", "반지"},
                                                        {"다이야몬드", "다이아몬드"}})
    EXPECT_EQ(rewrite_query(typed, v, {}), meant) << typed;
}

TEST(QueryWords, CompoundsSplitIntoCatalogWords) {
  const auto v = demo();
  EXPECT_EQ(rewrite_query("금반지", v, {}), "금 반지");
  EXPECT_EQ(rewrite_query("은목걸이", v, {}), "은 목걸이");
  EXPECT_EQ(v.split_compound("반지"), std::vector<std::string>{});  // a word is not split
}

TEST(QueryWords, SynonymsComeFirstAndKnownWordsStay) {
  const auto v = demo();
  auto synonyms = parse_synonyms("# the operator's list\n커플링 = 커플 반지\n\n다이야 = 다이아몬드\n");
  ASSERT_TRUE(synonyms.ok());
  EXPECT_EQ(rewrite_query("커플링", v, *synonyms), "커플 반지");
  EXPECT_EQ(rewrite_query("다이야 반지", v, *synonyms), "다이아몬드 반지");
  EXPECT_EQ(rewrite_query("Gold RING", v, *synonyms), "gold ring");
  EXPECT_EQ(rewrite_query("ring", v, {}), "ring");  // not "earrings"
  EXPECT_EQ(rewrite_query("목걸", v, {}), "목걸");  // the start of a word is searched as typed
}

TEST(QueryWords, EnglishTyposNeedFourLetters) {
  const auto v = demo();
  EXPECT_EQ(rewrite_query("earings", v, {}), "earrings");  // one letter away
  EXPECT_EQ(rewrite_query("earring", v, {}), "earring");   // inside "earrings": searched as typed
  EXPECT_EQ(rewrite_query("earigs", v, {}), "earigs");     // two letters: too far for six letters
  EXPECT_EQ(rewrite_query("silvr", v, {}), "silver");
  EXPECT_EQ(rewrite_query("rin", v, {}), "rin");  // too short to guess
}

TEST(QueryWords, SynonymLinesAreCheckedWithTheirNumber) {
  auto bad = parse_synonyms("커플링 = 커플 반지\n그냥 한 줄\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "search_synonyms");
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos);
  EXPECT_FALSE(parse_synonyms("두 단어 = 반지").ok());
  EXPECT_FALSE(parse_synonyms("반지 =").ok());
}

}  // namespace
}  // namespace brilliant::catalog
