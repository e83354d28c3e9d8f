#include "marketing/copy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>

#include "core/hangul.hpp"
#include "core/text.hpp"

namespace brilliant::marketing {

namespace {

struct Words {
  const char *ko, *en;
};
// The generator's own vocabulary (data-to-text: these are grammar, not interface text).
const std::map<std::string, Words> metals{
    {"gold", {"골드", "Gold"}}, {"silver", {"실버", "Silver"}}, {"platinum", {"플래티넘", "Platinum"}}};
const std::map<std::string, Words> colours{
    {"yellow", {"옐로", "Yellow"}}, {"white", {"화이트", "White"}}, {"rose", {"로즈", "Rose"}}};
const std::map<std::string, Words> categories{
    {"ring", {"반지", "Ring"}},         {"necklace", {"목걸이", "Necklace"}},
    {"pendant", {"펜던트", "Pendant"}}, {"earrings", {"귀걸이", "Earrings"}},
    {"bracelet", {"팔찌", "Bracelet"}}, {"anklet", {"발찌", "Anklet"}},
    {"brooch", {"브로치", "Brooch"}},   {"set", {"세트", "Set"}}};
const std::map<std::string, Words> stone_names{{"diamond", {"다이아몬드", "Diamond"}},
                                               {"ruby", {"루비", "Ruby"}},
                                               {"sapphire", {"사파이어", "Sapphire"}},
                                               {"emerald", {"에메랄드", "Emerald"}},
                                               {"pearl", {"진주", "Pearl"}},
                                               {"amethyst", {"자수정", "Amethyst"}},
                                               {"cubic_zirconia", {"큐빅", "Cubic Zirconia"}},
                                               {"moissanite", {"모이사나이트", "Moissanite"}}};
const std::map<std::string, Words> platings{
    {"rhodium", {"로듐", "rhodium"}}, {"gold", {"골드", "gold"}}, {"rose_gold", {"로즈 골드", "rose gold"}}};

// The words the checker looks for (lower case), per metal and per stone kind.
const std::map<std::string, std::vector<std::string>> metal_words{
    {"gold", {"gold", "골드"}},
    {"silver", {"silver", "실버", "sterling", "스털링"}},
    {"platinum", {"platinum", "플래티넘", "백금"}}};
const std::map<std::string, std::vector<std::string>> stone_words{
    {"diamond", {"diamond", "다이아"}},
    {"ruby", {"ruby", "rubies", "루비"}},
    {"sapphire", {"sapphire", "사파이어"}},
    {"emerald", {"emerald", "에메랄드"}},
    {"pearl", {"pearl", "진주"}},
    {"amethyst", {"amethyst", "자수정"}},
    {"cubic_zirconia", {"cubic", "zirconia", "큐빅"}},
    {"moissanite", {"moissanite", "모이사나이트"}}};
const std::vector<std::string> lab_words{
    "lab-grown", "lab grown", "laboratory-grown", "lab-created", "랩그로운", "랩 그로운", "합성"};
const std::vector<std::string> natural_words{"natural", "천연"};
const std::vector<std::string> plating_words{"plated", "plating", "vermeil", "도금"};

std::string word(const std::map<std::string, Words>& table, const std::string& key, bool en) {
  auto it = table.find(key);
  return it == table.end() ? std::string() : std::string(en ? it->second.en : it->second.ko);
}

int karat_of(int purity) {
  switch (purity) {
    case 999:
      return 24;
    case 916:
      return 22;
    case 750:
      return 18;
    case 585:
      return 14;
    case 417:
      return 10;
    case 375:
      return 9;
  }
  return 0;
}

// "14K", "925", "Pt950".
std::string fineness(const CopyFacts& f) {
  if (f.metal == "gold" && karat_of(f.purity)) return std::to_string(karat_of(f.purity)) + "K";
  if (f.metal == "platinum") return "Pt" + std::to_string(f.purity);
  return std::to_string(f.purity);
}

// "14K 옐로 골드" / "14K Yellow Gold"; "925 실버".
std::string metal_phrase(const CopyFacts& f, bool en) {
  std::string out = fineness(f) + " ";
  if (f.metal == "gold" && !word(colours, f.colour, en).empty()) out += word(colours, f.colour, en) + " ";
  return out + word(metals, f.metal, en);
}

std::string stone_phrase(const CopyFacts::Stone& s, bool en) {
  std::string origin = s.origin == "lab_grown" ? (en ? "Lab-Grown " : "랩그로운 ")
                       : s.origin == "natural" ? (en ? "Natural " : "천연 ")
                                               : "";
  return origin + word(stone_names, s.kind, en);
}

std::string grams(long long mg) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(mg) / 1000.0);
  return buf;
}
std::string don(long long mg) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(mg) / 3750.0);
  return buf;
}
std::string carats(int x1000) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x1000 / 1000.0);
  return buf;
}

std::string first_sentence(const std::string& story) {
  for (const char* end : {". ", ".\n", "\n"})
    if (auto at = story.find(end); at != std::string::npos)
      return story.substr(0, at + std::string(end).size() - 1);
  return story;
}

std::string join(const std::vector<std::string>& parts, const std::string& with) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : with) + p;
  return out;
}

std::string no_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  return s;
}

std::string lower(std::string text) {
  for (auto& ch : text)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return text;
}

// The title ("14K 옐로 골드 랩그로운 다이아몬드 반지"), and the SEO text from the title and the first two
// sentences of the description.
Copy titled(const CopyFacts& f, bool en, const std::vector<std::string>& sentences,
            const std::string& workshop) {
  Copy c;
  const std::string stone = f.stones.empty() ? "" : stone_phrase(f.stones.front(), en) + " ";
  c.title = metal_phrase(f, en) + " " + stone + word(categories, f.category, en);
  c.description = join(sentences, " ");
  c.seo_title = c.title + (workshop.empty() ? "" : " | " + workshop);
  c.seo_description = utf8_shorten(sentences[0] + (sentences.size() > 1 ? " " + sentences[1] : ""), 150);
  return c;
}

std::vector<std::string> korean_sentences(const CopyFacts& f) {
  const std::string category = word(categories, f.category, false), metal = metal_phrase(f, false);
  std::vector<std::string> s;
  s.push_back((f.workshop_ko.empty() ? std::string("공방") : f.workshop_ko) + "의 장인이 손으로 만든 " +
              metal + " " + category + "입니다.");
  if (f.weight_mg > 0)
    s.push_back("무게는 " + grams(f.weight_mg) + " g(약 " + don(f.weight_mg) + "돈)입니다.");
  std::vector<std::string> stones;
  bool lab = false;
  for (const auto& st : f.stones) {
    std::string one = stone_phrase(st, false);
    if (st.carat_x1000 > 0) one += "(개당 " + carats(st.carat_x1000) + "캐럿)";
    one += " " + std::to_string(st.count) + "개";  // the particle follows the count
    stones.push_back(one);
    lab |= st.origin == "lab_grown";
  }
  if (!stones.empty()) s.push_back(with_particle(join(stones, ", "), Particle::object) + " 세팅했습니다.");
  if (lab) s.push_back("랩그로운 보석은 실험실에서 길러 낸 보석입니다.");
  if (auto p = word(platings, f.plating_metal, false); !p.empty()) s.push_back(p + " 도금으로 마감했습니다.");
  if (!f.sizes_ko.empty()) s.push_back("사이즈: " + join(f.sizes_ko, ", ") + ".");
  if (f.engraving) s.push_back("원하는 문구를 새겨 드립니다.");
  if (f.made_to_order)
    s.push_back("주문 후 " + std::to_string(f.lead_days) + "일 안에 만들어 보내 드립니다.");
  if (f.eco) s.push_back("친환경 인증을 받은 공방의 작품입니다.");
  if (!f.story_ko.empty()) s.push_back("공방 이야기: " + first_sentence(f.story_ko));
  return s;
}

Copy korean(const CopyFacts& f) {
  const std::string category = word(categories, f.category, false);
  auto c = titled(f, false, korean_sentences(f), f.workshop_ko);
  c.hashtags = {"#" + fineness(f), "#" + no_spaces(metal_phrase(f, false).substr(fineness(f).size())),
                "#" + category, "#수제주얼리", "#익산주얼리"};
  if (!f.stones.empty())
    c.hashtags.push_back("#" + no_spaces(stone_phrase(f.stones.front(), false)) + category);
  if (!f.workshop_ko.empty()) c.hashtags.push_back("#" + no_spaces(f.workshop_ko));
  return c;
}

std::vector<std::string> english_sentences(const CopyFacts& f) {
  const std::string category = word(categories, f.category, true), metal = metal_phrase(f, true);
  std::vector<std::string> s;
  s.push_back((f.category == "earrings" ? "A pair of " : "A ") + metal + " " + lower(category) +
              " made by hand at " + (f.workshop_en.empty() ? std::string("the workshop") : f.workshop_en) +
              ".");
  if (f.weight_mg > 0) s.push_back("It weighs " + grams(f.weight_mg) + " g.");
  std::vector<std::string> stones;
  bool lab = false;
  for (const auto& st : f.stones) {
    std::string one = std::to_string(st.count) + " " + stone_phrase(st, true);
    if (st.count > 1) one = one.back() == 'y' ? one.substr(0, one.size() - 1) + "ies" : one + "s";
    if (st.carat_x1000 > 0) one += " (" + carats(st.carat_x1000) + " ct each)";
    stones.push_back(one);
    lab |= st.origin == "lab_grown";
  }
  if (!stones.empty()) s.push_back("Set with " + join(stones, ", ") + ".");
  if (lab) s.push_back("Lab-grown stones are grown in a laboratory.");
  if (auto p = word(platings, f.plating_metal, true); !p.empty())
    s.push_back("Finished with " + p + " plating.");
  if (!f.sizes_en.empty()) s.push_back("Sizes: " + join(f.sizes_en, ", ") + ".");
  if (f.engraving) s.push_back("We engrave the words you choose.");
  if (f.made_to_order) s.push_back("Made to order within " + std::to_string(f.lead_days) + " days.");
  if (f.eco) s.push_back("From an eco-certified workshop.");
  if (!f.story_en.empty()) s.push_back("The workshop: " + first_sentence(f.story_en));
  return s;
}

Copy english(const CopyFacts& f) {
  const std::string category = word(categories, f.category, true);
  auto c = titled(f, true, english_sentences(f), f.workshop_en);
  c.hashtags = {"#" + fineness(f) + word(metals, f.metal, true), "#" + no_spaces(category),
                "#HandmadeJewelry", "#KoreanJewelry", "#Iksan"};
  if (!f.stones.empty())
    c.hashtags.push_back("#" + no_spaces(stone_phrase(f.stones.front(), true)) + no_spaces(category));
  return c;
}

bool has_any(const std::string& text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return text.find(w) != std::string::npos; });
}

}  // namespace

Drafts write_copy(const CopyFacts& facts) { return {korean(facts), english(facts)}; }

std::vector<std::string> talking_points(const CopyFacts& facts, bool en) {
  return en ? english_sentences(facts) : korean_sentences(facts);
}

namespace {

void check_fineness(const CopyFacts& f, const std::string& text, const std::string& field,
                    std::vector<Problem>& out) {
  static const std::regex karat(R"((\d{1,2})\s*(k|kt|karat|금)(?![a-z]))");
  const int mine = f.metal == "gold" ? karat_of(f.purity) : 0;
  // "18K gold-plated silver" is true of a gold-plated piece, when the text says it is plated.
  const bool plated_gold = f.plating_metal.find("gold") != std::string::npos && has_any(text, plating_words);
  for (std::sregex_iterator it(text.begin(), text.end(), karat), end; it != end; ++it) {
    const int said = std::stoi((*it)[1]);
    if (said == mine || (plated_gold && f.metal != "gold")) continue;
    out.push_back({field, "karat",
                   "says " + std::to_string(said) + "K, but the piece is " +
                       (mine ? std::to_string(mine) + "K" : fineness(f) + " " + f.metal)});
    return;
  }
  if ((text.find("sterling") != std::string::npos || text.find("스털링") != std::string::npos) &&
      !(f.metal == "silver" && f.purity == 925))
    out.push_back(
        {field, "fineness", "says sterling silver, but the piece is " + fineness(f) + " " + f.metal});
  if (text.find("순금") != std::string::npos && !(f.metal == "gold" && f.purity == 999))
    out.push_back(
        {field, "fineness", "says pure gold (순금), but the piece is " + fineness(f) + " " + f.metal});
  static const std::regex pt(R"(pt\s*(\d{3}))");
  std::smatch m;
  if (std::regex_search(text, m, pt) && !(f.metal == "platinum" && std::stoi(m[1]) == f.purity))
    out.push_back(
        {field, "fineness", "says Pt" + m[1].str() + ", but the piece is " + fineness(f) + " " + f.metal});
}

void check_metal(const CopyFacts& f, const std::string& text, const std::string& field,
                 std::vector<Problem>& out) {
  const bool plating_said = has_any(text, plating_words);
  for (const auto& [metal, words] : metal_words) {
    if (metal == f.metal || (plating_said && f.plating_metal.find(metal) != std::string::npos)) continue;
    if (has_any(text, words))
      out.push_back({field, "metal", "mentions " + metal + ", but the piece is " + f.metal});
  }
}

void check_weight(const CopyFacts& f, const std::string& text, const std::string& field,
                  std::vector<Problem>& out) {
  static const std::regex weight(R"((\d+(?:\.\d+)?)\s*(g|grams?|그램|돈)(?![a-z]))");
  for (std::sregex_iterator it(text.begin(), text.end(), weight), end; it != end; ++it) {
    const double n = std::stod((*it)[1]);
    const long long said = std::llround((*it)[2] == "돈" ? n * 3750 : n * 1000);
    const long long slack = std::max<long long>(50, f.weight_mg * 3 / 100);
    if (f.weight_mg > 0 && std::llabs(said - f.weight_mg) <= slack) continue;
    out.push_back({field, "weight",
                   "says " + (*it)[0].str() + ", but the piece weighs " +
                       (f.weight_mg > 0 ? grams(f.weight_mg) + " g" : std::string("what is not recorded"))});
    return;
  }
}

void check_stones(const CopyFacts& f, const std::string& text, const std::string& field,
                  std::vector<Problem>& out) {
  auto has_kind = [&](const std::string& kind) {
    return std::any_of(f.stones.begin(), f.stones.end(), [&](const auto& s) { return s.kind == kind; });
  };
  std::string lab_kind;
  for (const auto& [kind, words] : stone_words) {
    if (!has_any(text, words)) continue;
    if (!has_kind(kind))
      out.push_back({field, "stone", "mentions " + kind + ", but the piece has no " + kind});
    for (const auto& s : f.stones)
      if (s.kind == kind && s.origin == "lab_grown") lab_kind = kind;
  }
  const bool description = field.starts_with("description");
  const bool any_lab =
      std::any_of(f.stones.begin(), f.stones.end(), [](const auto& s) { return s.origin == "lab_grown"; });
  if ((description && any_lab) || !lab_kind.empty())
    if (!has_any(text, lab_words)) {
      std::string kind = lab_kind;
      for (const auto& s : f.stones)
        if (kind.empty() && s.origin == "lab_grown") kind = s.kind;
      out.push_back({field, "lab_grown", "does not say that the " + kind + " is lab-grown"});
    }
  const bool any_natural =
      std::any_of(f.stones.begin(), f.stones.end(), [](const auto& s) { return s.origin == "natural"; });
  if (!any_natural && has_any(text, natural_words))
    out.push_back({field, "natural", "calls something natural, but the piece has no natural stone"});
}

}  // namespace

std::vector<Problem> check_copy(const CopyFacts& facts, const std::string& field, const std::string& text) {
  std::vector<Problem> out;
  // The workshop's name and story are facts about the workshop ("Iksan Goldsmiths" making a silver
  // piece): quoting them states nothing about the piece.
  auto low = lower(text);
  for (const auto& about : {facts.story_ko, facts.story_en, facts.workshop_ko, facts.workshop_en})
    for (const auto& quoted : {lower(about), lower(first_sentence(about))})
      for (auto at = quoted.empty() ? std::string::npos : low.find(quoted); at != std::string::npos;
           at = low.find(quoted))
        low.erase(at, quoted.size());
  check_fineness(facts, low, field, out);
  check_metal(facts, low, field, out);
  check_weight(facts, low, field, out);
  check_stones(facts, low, field, out);
  return out;
}

std::vector<Problem> check_drafts(const CopyFacts& facts, const Drafts& drafts) {
  std::vector<Problem> out;
  for (const auto& [lang, copy] : {std::pair{"ko", &drafts.ko}, std::pair{"en", &drafts.en}}) {
    const std::string suffix = std::string("_") + lang;
    for (const auto& [name, text] :
         {std::pair{"title", &copy->title}, std::pair{"description", &copy->description},
          std::pair{"seo_title", &copy->seo_title}, std::pair{"seo_description", &copy->seo_description}}) {
      auto found = check_copy(facts, name + suffix, *text);
      out.insert(out.end(), found.begin(), found.end());
    }
  }
  return out;
}

}  // namespace brilliant::marketing
