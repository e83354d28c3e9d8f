#include "exhibitions/rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/text.hpp"

namespace brilliant::exhibitions {
namespace {

bool date_text(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool letters(std::string& s, size_t count) {
  if (s.size() != count) return false;
  for (char& c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return true;
}

Result<std::string> line(std::string value, const std::string& field, size_t most, bool required) {
  value = std::string(trim(value));
  if (required && value.empty()) return Error::invalid(field, "field_required", field + " is required");
  if (!valid_utf8(value) || !single_line(value) || !safe_text_input(value) || utf8_length(value) > most)
    return Error::invalid(field, "field_invalid",
                          field + " must be one line of at most " + std::to_string(most));
  return value;
}

// key -> {ko, en, zh, ja}
const std::map<std::string, std::array<const char*, 4>, std::less<>> words = {
    {"line_sheet", {"라인시트", "Line sheet", "产品目录", "ラインシート"}},
    {"booth", {"부스", "Booth", "展位", "ブース"}},
    {"retail", {"소비자가", "Retail", "零售价", "小売価格"}},
    {"wholesale", {"도매가", "Wholesale", "批发价", "卸売価格"}},
    {"min_quantity", {"최소 수량", "Minimum order", "最低起订量", "最小ロット"}},
    {"on_request", {"문의", "On request", "请询价", "お問い合わせ"}},
    {"buyers_only",
     {"승인된 바이어에게만 도매가를 보여 드립니다.", "Wholesale prices are shown to approved buyers.",
      "批发价仅对已批准的买家显示。", "卸売価格は承認済みバイヤーのみに表示されます。"}},
    {"workshop", {"공방", "Workshop", "工坊", "工房"}},
    {"material", {"소재", "Material", "材质", "素材"}},
    {"scan", {"스캔해서 작품 보기", "Scan to see the piece", "扫码查看作品", "スキャンして作品を見る"}},
    {"machine_draft", {"기계 번역 초안", "Machine draft", "机器翻译草稿", "機械翻訳の下書き"}},
    {"pieces", {"작품", "pieces", "件作品", "点"}},
    {"visit", {"부스에 들러 주세요", "Visit our booth", "欢迎光临我们的展位", "ブースへお越しください"}},
    {"metal.gold", {"금", "gold", "金", "ゴールド"}},
    {"metal.silver", {"은", "silver", "银", "シルバー"}},
    {"metal.platinum", {"백금", "platinum", "铂金", "プラチナ"}},
    {"dates", {"기간", "Dates", "日期", "会期"}},
    {"language", {"한국어", "English", "简体中文", "日本語"}},
    {"category.ring", {"반지", "ring", "戒指", "リング"}},
    {"category.necklace", {"목걸이", "necklace", "项链", "ネックレス"}},
    {"category.pendant", {"펜던트", "pendant", "吊坠", "ペンダント"}},
    {"category.earrings", {"귀걸이", "earrings", "耳环", "ピアス"}},
    {"category.bracelet", {"팔찌", "bracelet", "手链", "ブレスレット"}},
    {"category.anklet", {"발찌", "anklet", "脚链", "アンクレット"}},
    {"category.brooch", {"브로치", "brooch", "胸针", "ブローチ"}},
    {"category.set", {"세트", "set", "套装", "セット"}}};

}  // namespace

bool known_language(std::string_view lang) {
  return std::find_if(std::begin(languages), std::end(languages), [&](const char* l) { return lang == l; }) !=
         std::end(languages);
}

Result<ExhibitionInput> checked(ExhibitionInput in) {
  in.slug = std::string(trim(in.slug));
  if (in.slug.size() < 3 || in.slug.size() > 60 || !std::all_of(in.slug.begin(), in.slug.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      }))
    return Error::invalid("slug", "slug_invalid", "slug must be 3-60 of a-z, 0-9 and '-'");
  in.name_ko = TRY(line(in.name_ko, "name_ko", 120, true));
  in.name_en = TRY(line(in.name_en, "name_en", 120, true));
  in.city = TRY(line(in.city, "city", 80, true));
  in.venue = TRY(line(in.venue, "venue", 160, false));
  in.booth = TRY(line(in.booth, "booth", 40, false));
  in.country = std::string(trim(in.country));
  if (!letters(in.country, 2))
    return Error::invalid("country", "country_invalid", "country is two letters, like HK");
  in.currency = std::string(trim(in.currency));
  if (in.currency.empty()) in.currency = "KRW";
  if (!letters(in.currency, 3))
    return Error::invalid("currency", "currency_invalid", "currency is three letters, like HKD");
  for (auto [value, field] : {std::pair{&in.starts_on, "starts_on"}, {&in.ends_on, "ends_on"}}) {
    *value = std::string(trim(*value));
    if (!date_text(*value))
      return Error::invalid(field, "date_invalid", std::string(field) + " must be YYYY-MM-DD");
  }
  if (in.ends_on < in.starts_on)
    return Error::invalid("ends_on", "dates_reversed", "ends_on is before starts_on");
  if (in.cost < 0) return Error::invalid("cost", "number_invalid", "cost must be 0 or more");
  return in;
}

std::string label(std::string_view lang, std::string_view key) {
  const auto it = words.find(key);
  if (it == words.end()) return std::string(key);
  for (size_t i = 0; i < 4; ++i)
    if (lang == languages[i]) return it->second[i];
  return it->second[1];
}

}  // namespace brilliant::exhibitions
