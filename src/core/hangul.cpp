#include "core/hangul.hpp"

#include <algorithm>
#include <vector>

#include "core/text.hpp"

namespace brilliant {

namespace {

constexpr char32_t syllable_first = 0xac00, syllable_last = 0xd7a3;
constexpr int medials = 21, finals = 28;
constexpr char32_t final_rieul = 8;  // ㄹ as a final: takes 로, not 으로

bool is_syllable(char32_t c) { return c >= syllable_first && c <= syllable_last; }

// The last code point that sounds: trailing spaces, brackets and quotes are not read.
char32_t last_sound(std::string_view word) {
  const auto text = utf8_decode(word);
  for (auto it = text.rbegin(); it != text.rend(); ++it) {
    const char32_t c = *it;
    if (c == U' ' || c == U')' || c == U']' || c == U'"' || c == U'\'' || c == U'’' || c == U'”' ||
        c == U'」' || c == U'』' || c == U'.')
      continue;
    return c;
  }
  return 0;
}

// 0: no final consonant, 1: a final consonant other than ㄹ, 2: ㄹ.
int final_kind(std::string_view word) {
  const char32_t c = last_sound(word);
  if (is_syllable(c)) {
    const auto tail = (c - syllable_first) % finals;
    return tail == 0 ? 0 : tail == final_rieul ? 2 : 1;
  }
  switch (c) {
    case U'1':
    case U'7':
    case U'8':
    case U'l':
    case U'L':
    case U'r':
    case U'R':
      return 2;  // 일 칠 팔, "엘", "알"
    case U'0':
    case U'3':
    case U'6':
    case U'm':
    case U'M':
    case U'n':
    case U'N':
      return 1;  // 영 삼 육, "엠", "엔"
    default:
      return 0;
  }
}

}  // namespace

bool ends_in_consonant(std::string_view word) { return final_kind(word) != 0; }

std::string with_particle(std::string_view word, Particle particle) {
  const int kind = final_kind(word);
  const bool consonant = kind != 0;
  const char* form = "";
  switch (particle) {
    case Particle::object:
      form = consonant ? "을" : "를";
      break;
    case Particle::subject:
      form = consonant ? "이" : "가";
      break;
    case Particle::topic:
      form = consonant ? "은" : "는";
      break;
    case Particle::with:
      form = consonant ? "과" : "와";
      break;
    case Particle::direction:
      form = kind == 1 ? "으로" : "로";
      break;
    case Particle::copula_or:
      form = consonant ? "이나" : "나";
      break;
  }
  return std::string(word) + form;
}

// Hangul Compatibility Jamo for each initial and final consonant: one letter whichever end of a
// syllable it stands at, as a reader hears it (거리 and 걸이 differ by the silent ㅇ only).
constexpr char32_t initial_letters[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                          0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                          0x314a, 0x314b, 0x314c, 0x314d, 0x314e};
constexpr char32_t final_letters[28] = {0,      0x3131, 0x3132, 0x3133, 0x3134, 0x3135, 0x3136,
                                        0x3137, 0x3139, 0x313a, 0x313b, 0x313c, 0x313d, 0x313e,
                                        0x313f, 0x3140, 0x3141, 0x3142, 0x3144, 0x3145, 0x3146,
                                        0x3147, 0x3148, 0x314a, 0x314b, 0x314c, 0x314d, 0x314e};

std::u32string to_jamo(std::string_view utf8) {
  std::u32string out;
  for (char32_t c : utf8_decode(utf8)) {
    if (!is_syllable(c)) {
      out += c;
      continue;
    }
    const auto index = c - syllable_first;
    out += initial_letters[index / (medials * finals)];
    out += static_cast<char32_t>(0x314f + (index % (medials * finals)) / finals);  // ㅏ ... ㅣ
    if (const auto tail = index % finals) out += final_letters[tail];
  }
  return out;
}

size_t edit_distance(const std::u32string& a, const std::u32string& b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<size_t> row(m + 1), next(m + 1);
  for (size_t j = 0; j <= m; ++j) row[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    next[0] = i;
    size_t best = next[0];
    for (size_t j = 1; j <= m; ++j) {
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      best = std::min(best, next[j]);
    }
    if (best > limit) return limit + 1;
    row.swap(next);
  }
  return std::min(row[m], limit + 1);
}

}  // namespace brilliant
