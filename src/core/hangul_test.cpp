#include "core/hangul.hpp"

#include <gtest/gtest.h>

namespace brilliant {
namespace {

TEST(Particles, FollowTheLastSyllablesFinalConsonant) {
  EXPECT_EQ(with_particle("돌반지", Particle::object), "돌반지를");
  EXPECT_EQ(with_particle("은 세공", Particle::object), "은 세공을");
  EXPECT_EQ(with_particle("용안 금속공예", Particle::topic), "용안 금속공예는");
  EXPECT_EQ(with_particle("서동 금방", Particle::topic), "서동 금방은");
  EXPECT_EQ(with_particle("반지", Particle::subject), "반지가");
  EXPECT_EQ(with_particle("목걸이", Particle::with), "목걸이와");
  EXPECT_EQ(with_particle("팔찌", Particle::copula_or), "팔찌나");
  EXPECT_EQ(with_particle("귀걸이 세트", Particle::copula_or), "귀걸이 세트나");
  EXPECT_EQ(with_particle("금", Particle::with), "금과");
}

TEST(Particles, DirectionTakesRoAfterRieulAndAfterVowels) {
  EXPECT_EQ(with_particle("서울", Particle::direction), "서울로");
  EXPECT_EQ(with_particle("익산", Particle::direction), "익산으로");
  EXPECT_EQ(with_particle("부산 바다", Particle::direction), "부산 바다로");
}

TEST(Particles, DigitsAndLettersAreReadAloud) {
  EXPECT_EQ(with_particle("18K", Particle::object), "18K를");      // 케이
  EXPECT_EQ(with_particle("PT950", Particle::object), "PT950을");  // 영
  EXPECT_EQ(with_particle("925", Particle::topic), "925는");       // 오
  EXPECT_EQ(with_particle("14K 골드(로즈)", Particle::subject), "14K 골드(로즈)가");
  EXPECT_EQ(with_particle("7", Particle::direction), "7로");    // 칠
  EXPECT_EQ(with_particle("3", Particle::direction), "3으로");  // 삼
  EXPECT_TRUE(ends_in_consonant("Brilliant Studio 1"));
  EXPECT_FALSE(ends_in_consonant(""));
}

TEST(Jamo, SplitsSyllablesAndKeepsOtherText) {
  EXPECT_EQ(to_jamo("반지"), U"ㅂㅏㄴㅈㅣ");
  EXPECT_EQ(to_jamo("14K 금"), U"14K ㄱㅡㅁ");
  EXPECT_EQ(to_jamo("닭"), U"ㄷㅏㄺ");  // a double final stays one letter
  EXPECT_EQ(to_jamo("힣"), U"ㅎㅣㅎ");
}

TEST(Jamo, CommonKoreanTyposAreOneJamoAway) {
  const auto d = [](const char* a, const char* b) { return edit_distance(to_jamo(a), to_jamo(b), 3); };
  EXPECT_EQ(d("목걸리", "목걸이"), 1u);
  EXPECT_EQ(d("목거리", "목걸이"), 1u);
  EXPECT_EQ(d("귀거리", "귀걸이"), 1u);
  EXPECT_EQ(d("팔지", "팔찌"), 1u);
  EXPECT_EQ(d("빈지", "반지"), 1u);
  EXPECT_EQ(d("다이야몬드", "다이아몬드"), 1u);
  EXPECT_EQ(d("반지", "반지"), 0u);
  EXPECT_GT(d("반지", "목걸이"), 3u);  // past the limit: limit + 1
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance(U"ring", U"rings", 5), 1u);
  EXPECT_EQ(edit_distance(U"kitten", U"sitting", 5), 3u);
  EXPECT_EQ(edit_distance(U"", U"abc", 5), 3u);
  EXPECT_EQ(edit_distance(U"kitten", U"sitting", 2), 3u);  // limit + 1
}

}  // namespace
}  // namespace brilliant
