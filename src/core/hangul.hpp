// Korean text as a program composes and compares it: particles chosen by the last syllable, and
// Hangul decomposed into jamo so that a typo costs one letter, not a whole syllable.
#pragma once
#include <string>
#include <string_view>

namespace brilliant {

// The particle pairs whose form depends on whether the word before ends in a consonant (받침).
enum class Particle {
  object,     // 을 / 를
  subject,    // 이 / 가
  topic,      // 은 / 는
  with,       // 과 / 와
  direction,  // 으로 / 로 (로 after ㄹ as well)
  copula_or,  // 이나 / 나
};

// True when the word's last sound is a final consonant: a Hangul syllable with a 받침, a digit read in
// Korean (1 일, 3 삼, 6 육, 7 칠, 8 팔, 0 영), or a Latin letter whose English name ends in one
// (L, M, N, R). Trailing spaces, closing brackets and quotes are skipped.
bool ends_in_consonant(std::string_view word);
// word followed by the right form of the particle: with_particle("돌반지", Particle::object) is
// "돌반지를", with_particle("은 세공", Particle::object) is "은 세공을".
std::string with_particle(std::string_view word, Particle particle);

// Hangul syllables split into their letters (initial, medial and, when present, final consonant) as
// Hangul Compatibility Jamo, where a consonant is one letter at either end of a syllable; other
// characters kept as they are. "반지" -> ㅂ ㅏ ㄴ ㅈ ㅣ.
std::u32string to_jamo(std::string_view utf8);
// Levenshtein distance between two jamo strings (each insertion, deletion or substitution costs 1).
// Stops early and returns limit + 1 once the distance must exceed limit.
size_t edit_distance(const std::u32string& a, const std::u32string& b, size_t limit);

}  // namespace brilliant
