#include "app/seed_catalog.hpp"

#include "catalog/repo.hpp"

#include <spdlog/spdlog.h>

#include <random>

#include "catalog/art.hpp"
#include "catalog/rules.hpp"
#include "core/hangul.hpp"

namespace brilliant::app {
namespace {

struct WorkshopSeed {
  const char* slug;
  const char* ko;
  const char* en;
  int founded;
  const char* speciality;
  const char* speciality_en;
};

const WorkshopSeed workshops[] = {
    {"iksan-gold", "익산 금세공방", "Iksan Goldsmiths", 1978, "금 세공, 돌반지",
     "Goldsmithing, first-birthday rings"},
    {"mireuk-jewelry", "미륵사 주얼리", "Mireuksa Jewelry", 1985, "백제 문양 펜던트",
     "Baekje-pattern pendants"},
    {"boseok-maeul", "보석마을 공방", "Gem Village Atelier", 1992, "다이아몬드 세팅", "Diamond setting"},
    {"wanggung-silver", "왕궁리 은공방", "Wanggung Silverworks", 1988, "은 세공, 필리그리",
     "Silversmithing, filigree"},
    {"seodong-geumbang", "서동 금방", "Seodong Gold House", 1969, "전통 금반지", "Traditional gold rings"},
    {"mahan-craft", "마한 세공", "Mahan Craft", 2004, "미니멀 체인", "Minimal chains"},
    {"geumma-gems", "금마 보석", "Geumma Gems", 1996, "유색석 주얼리", "Coloured-gemstone jewelry"},
    {"baekje-artisans", "백제 장인공방", "Baekje Artisans", 1981, "브로치, 예물 세트",
     "Brooches, wedding sets"},
    {"hwangdeung-jewelry", "황등 주얼리", "Hwangdeung Jewelry", 2010, "랩그로운 다이아몬드",
     "Lab-grown diamonds"},
    {"hamra-silver", "함라 은세공", "Hamra Silver Studio", 2001, "진주, 은 귀걸이",
     "Pearls, silver earrings"},
    {"yongan-metal", "용안 금속공예", "Yongan Metalcraft", 1999, "백금 밴드", "Platinum bands"},
    {"yeosan-gems", "여산 보석상", "Yeosan Jewelers", 1975, "맞춤 제작", "Made to order"},
};

struct Style {
  const char* ko;
  const char* en;
};
const Style styles[] = {{"달빛", "Moonlight"},
                        {"물결", "Wave"},
                        {"별자리", "Constellation"},
                        {"이슬", "Dewdrop"},
                        {"매듭", "Knot"},
                        {"꽃잎", "Petal"},
                        {"백제 연꽃", "Baekje Lotus"},
                        {"미륵", "Mireuk"},
                        {"솔잎", "Pine Needle"},
                        {"새벽", "Dawn"},
                        {"은하", "Galaxy"},
                        {"나비", "Butterfly"},
                        {"햇살", "Sunbeam"},
                        {"물방울", "Droplet"},
                        {"하트", "Heart"},
                        {"트윌", "Twill"}};
const char* category_ko[] = {"반지", "목걸이", "펜던트", "귀걸이", "팔찌", "발찌", "브로치", "세트"};
const char* category_en[] = {"Ring",     "Necklace", "Pendant", "Earrings",
                             "Bracelet", "Anklet",   "Brooch",  "Set"};

std::string today_seoul(const Clock& clock) {
  return format_utc(clock.now() + std::chrono::hours(9)).substr(0, 10);
}

}  // namespace

int seed_catalog(db::Database& db, catalog::Catalog& catalog, pricing::Quotes& quotes, const Clock& clock,
                 int count) {
  long long existing = db.read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM products", soci::into(n);
    return n;
  });
  if (existing > 0 || count <= 0) return 0;
  const auto now = format_utc(clock.now());
  std::vector<catalog::Workshop> shops;
  db.write([&](soci::session& sql) {
    shops.clear();  // write() may run this again: start afresh
    for (const auto& w : workshops) {
      catalog::Workshop shop{
          0,
          w.slug,
          w.ko,
          w.en,
          with_particle(w.ko, Particle::topic) + " " + std::to_string(w.founded) +
              "년 익산 보석단지에서 문을 연 공방입니다. " + with_particle(w.speciality, Particle::object) +
              " 전문으로, 한 점 한 점 손으로 다듬습니다.",
          std::string(w.en) + " opened in Iksan's jewelry district in " + std::to_string(w.founded) +
              ". Every piece is finished by hand at the bench.",
          "전북 익산시 왕궁면",
          w.speciality,
          w.founded,
          "active"};
      shop.location_en = "Wanggung-myeon, Iksan, Jeonbuk";
      shop.specialities_en = w.speciality_en;
      long long id = 0;
      sql << "SELECT id FROM workshops WHERE slug = :s", soci::use(shop.slug), soci::into(id);
      if (sql.got_data()) {
        sql << "UPDATE workshops SET name = :n, name_en = :en, story_ko = :sk, story_en = :se, location = "
               ":l, location_en = :le, specialities = :sp, specialities_en = :spe, founded = :f WHERE id = "
               ":id",
            soci::use(shop.name_ko), soci::use(shop.name_en), soci::use(shop.story_ko),
            soci::use(shop.story_en), soci::use(shop.location), soci::use(shop.location_en),
            soci::use(shop.specialities), soci::use(shop.specialities_en), soci::use(shop.founded),
            soci::use(id);
        shop.id = id;
      } else {
        shop.id = catalog::repo::insert_workshop(sql, shop, now);
      }
      shops.push_back(shop);
    }
    catalog::repo::insert_collection(sql,
                                     {0, "wedding", "예물 컬렉션", "Wedding", "평생을 함께할 반지와 세트",
                                      "Rings and sets for a lifetime", true},
                                     now);
    catalog::repo::insert_collection(sql,
                                     {0, "baekje-heritage", "백제 헤리티지", "Baekje Heritage",
                                      "백제 금속공예에서 온 문양", "Patterns from Baekje metalwork", true},
                                     now);
    catalog::repo::insert_collection(sql,
                                     {0, "everyday", "데일리", "Everyday", "매일 하기 좋은 가벼운 주얼리",
                                      "Light pieces for every day", true},
                                     now);
    catalog::repo::insert_collection(sql,
                                     {0, "first-birthday", "돌반지", "First Birthday",
                                      "아기의 첫 생일을 위한 순금", "Pure gold for a first birthday", false},
                                     now);
  });
  // Today's quotes (won per gram of pure metal) and display rates.
  const auto day = today_seoul(clock);
  (void)quotes.set_quote("gold", day, 190000, 0, "seed");
  (void)quotes.set_quote("silver", day, 2300, 0, "seed");
  (void)quotes.set_quote("platinum", day, 62000, 0, "seed");
  (void)quotes.set_rate("USD", "1470");
  (void)quotes.set_rate("JPY", "9.45");
  (void)quotes.set_rate("CNY", "204.5");
  (void)quotes.set_rate("EUR", "1560");

  std::mt19937 rng(20261125);
  auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<catalog::Product> batch;
  std::vector<catalog::Workshop> batch_shops;
  int made = 0;
  for (int i = 0; i < count; ++i) {
    catalog::Product p;
    const int cat = pick(8);
    const auto& shop = shops[static_cast<size_t>(i) % shops.size()];
    const Style& style = styles[pick(16)];
    p.workshop_id = shop.id;
    p.category = catalog::categories[static_cast<size_t>(cat)];
    const int metal_roll = pick(10);
    p.metal = metal_roll < 6 ? "gold" : metal_roll < 9 ? "silver" : "platinum";
    const auto purities = catalog::purities_for(p.metal);
    p.purity = p.metal == "gold" ? purities[static_cast<size_t>(1 + pick(2))] : purities.back();
    if (p.metal == "gold" && cat == 0 && pick(5) == 0) p.purity = 999;  // 순금 돌반지
    p.colour = p.metal == "gold" ? catalog::colours[static_cast<size_t>(pick(3))] : "white";
    const long long base_weight[] = {2600, 4200, 1800, 2200, 5200, 2400, 6800, 8800};
    p.weight_mg = base_weight[cat] * (60 + pick(90)) / 100;
    if (p.metal == "silver") p.weight_mg = p.weight_mg * 3 / 2;
    std::string stone;
    if (pick(10) < 6) {
      stone = catalog::stone_kinds[static_cast<size_t>(pick(8))];
      const std::string origin = stone == "cubic_zirconia"              ? "simulant"
                                 : stone == "moissanite"                ? "lab_grown"
                                 : (stone == "diamond" && pick(3) == 0) ? "lab_grown"
                                                                        : "natural";
      catalog::Stone s{stone, origin, cat == 3 ? 2 : 1 + pick(3) / 2, 50 + pick(950), "round", "", "", "",
                       "",    ""};
      if (stone == "diamond") {
        s.colour = std::string(1, "DEFGH"[pick(5)]);
        static const char* clarities[] = {"VVS1", "VVS2", "VS1", "VS2", "SI1"};
        s.clarity = clarities[pick(5)];
        s.cut = "Excellent";
        if (origin == "natural" && pick(2) == 0) {
          s.lab = "GIA";
          s.report_no = std::to_string(2200000000LL + static_cast<long long>(rng() % 99999999));
        }
      }
      p.stones.push_back(s);
      p.stone_cost = stone == "diamond"          ? 150000 + pick(20) * 40000
                     : stone == "cubic_zirconia" ? 5000
                                                 : 20000 + pick(10) * 10000;
    }
    static const char* stones_ko[] = {"다이아몬드", "루비",   "사파이어", "에메랄드",
                                      "진주",       "자수정", "큐빅",     "모이사나이트"};
    const std::string stone_ko =
        stone.empty()
            ? ""
            : " " + std::string(
                        stones_ko[std::find(catalog::stone_kinds.begin(), catalog::stone_kinds.end(), stone) -
                                  catalog::stone_kinds.begin()]);
    const std::string purity = catalog::purity_label(p.metal, p.purity);
    const std::string metal_ko = p.metal == "gold"     ? (p.colour == "rose"    ? "로즈골드"
                                                          : p.colour == "white" ? "화이트골드"
                                                                                : "골드")
                                 : p.metal == "silver" ? "실버"
                                                       : "플래티넘";
    const std::string metal_en = p.metal == "gold"     ? (p.colour == "rose"    ? "Rose Gold"
                                                          : p.colour == "white" ? "White Gold"
                                                                                : "Gold")
                                 : p.metal == "silver" ? "Silver"
                                                       : "Platinum";
    std::string stone_en;
    if (!stone.empty()) {
      stone_en = stone == "cubic_zirconia" ? "Cubic Zirconia" : stone;
      stone_en[0] = static_cast<char>(std::toupper(stone_en[0]));
      stone_en = " " + stone_en;
    }
    p.title_ko = std::string(style.ko) + " " + purity + " " + metal_ko + stone_ko + " " + category_ko[cat];
    p.title_en = std::string(style.en) + " " + purity + " " + metal_en + stone_en + " " + category_en[cat];
    p.slug = catalog::slugify(p.title_en) + "-" + std::to_string(i + 1);
    p.story_ko = std::string(shop.name_ko) + "의 장인이 " + style.ko + "에서 영감을 받아 만든 " +
                 category_ko[cat] + "입니다. 표면을 손으로 다듬어 은은하게 빛납니다.";
    p.story_en = "Made at " + shop.name_en + ", inspired by " + style.en +
                 ". Hand-finished so it catches the light softly.";
    p.care_ko = "사용 후 부드러운 천으로 닦아 지퍼백에 보관하세요. 향수와 온천수는 피해 주세요.";
    p.care_en =
        "Wipe with a soft cloth after wearing and keep it in a sealed pouch. Avoid perfume and hot springs.";
    p.tags = std::string(style.ko) + " " + style.en;
    p.pricing = pick(12) == 0 ? "fixed" : "formula";
    p.labour_fee = 30000 + pick(20) * 5000;
    p.loss_bp = 500 + pick(6) * 100;
    p.margin_bp = 1500 + pick(15) * 100;
    p.fixed_price = 99000 + pick(40) * 10000;
    p.made_to_order = pick(5) == 0;
    p.lead_days = p.made_to_order ? 5 + pick(10) : 0;
    p.engraving_max_chars = (cat == 0 || cat == 4) ? 12 : 0;
    p.engraving_fee = p.engraving_max_chars ? 10000 : 0;
    p.gift_wrap_fee = 3000;
    (void)pick(
        4);  // once the unbacked eco flag (eco claims now come from certificates); keeps the demo the same
    p.popularity = pick(1000);
    p.status = catalog::ProductStatus::published;
    p.published_at = format_utc(clock.now() - std::chrono::hours(i));
    if (p.metal == "silver" && pick(2) == 0) {
      p.plating_metal = "gold";
      p.plating_process = "electroplating";
      p.plating_microns_x100 = 50 + pick(150);
    }
    if (cat == 0) p.collections.push_back(pick(2) ? "wedding" : "everyday");
    if (cat == 0 && p.purity == 999) p.collections.push_back("first-birthday");
    if (style.ko == std::string("백제 연꽃") || style.ko == std::string("미륵"))
      p.collections.push_back("baekje-heritage");
    if (cat == 1 || cat == 3) p.collections.push_back("everyday");
    const std::string sku = "BR-" + std::to_string(i + 1);
    if (cat == 0) {
      for (int ho = 7; ho <= 19; ho += 2)
        p.variants.push_back({0, sku + "-" + std::to_string(ho), ho,
                              catalog::circumference_for_korean_size(ho), 0, "", 0,
                              p.made_to_order ? 0 : pick(4), 0});
    } else if (cat == 1 || cat == 5 || cat == 4) {
      const int lengths[][3] = {{}, {400, 450, 500}, {}, {}, {160, 170, 180}, {220, 230, 240}};
      for (int k = 0; k < 3; ++k)
        p.variants.push_back({0, sku + "-L" + std::to_string(lengths[cat][k]), k, 0, lengths[cat][k], "",
                              p.weight_mg * lengths[cat][k] / lengths[cat][1], p.made_to_order ? 0 : pick(5),
                              0});
    } else {
      p.variants.push_back({0, sku, 0, 0, 0, "", 0, p.made_to_order ? 0 : 1 + pick(6), 0});
    }
    p.new_images.push_back(
        {"image/svg+xml", catalog::draw_svg({p.category, p.metal, p.colour, stone, static_cast<unsigned>(i)}),
         p.title_ko, p.title_en});
    batch.push_back(std::move(p));
    batch_shops.push_back(shop);
    if (batch.size() == 500 || i + 1 == count) {
      auto added = catalog.create_many(batch, batch_shops);
      if (!added) {
        spdlog::error("demo product: {} ({})", added.error().message, added.error().field);
        return made;
      }
      made += static_cast<int>(added->size());
      batch.clear();
      batch_shops.clear();
    }
  }
  auto report = quotes.reprice();
  spdlog::info("demo catalog: {} products, repriced {} variants in {:.0f} ms", made, report.variants,
               report.seconds * 1000);
  return made;
}

std::string demo_registration_number(int n) {
  std::string digits = "4128" + std::to_string(10000 + n * 37).substr(0, 5);
  static constexpr int weights[] = {1, 3, 7, 1, 3, 7, 1, 3, 5};
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * weights[i];
  sum += (digits[8] - '0') * 5 / 10;
  digits += static_cast<char>('0' + (10 - sum % 10) % 10);
  return digits;
}

int seed_sellers(db::Database& db, const Clock& clock) {
  const auto now = format_utc(clock.now());
  return db.write([&](soci::session& sql) {
    int added = 0;
    int n = 0;
    static const char* representatives[] = {"김금란", "박미륵", "이보람", "최은결", "정서동", "한마루",
                                            "오금마", "윤백제", "장황등", "임함라", "송용안", "배여산"};
    for (const auto& w : workshops) {
      const std::string slug = w.slug;
      const std::string representative = representatives[n % 12];
      ++n;
      long long id = 0;
      soci::indicator has_seller = soci::i_null;
      long long seller = 0;
      sql << "SELECT w.id, s.workshop_id FROM workshops w LEFT JOIN workshop_sellers s ON s.workshop_id = "
             "w.id "
             "WHERE w.slug = :s",
          soci::use(slug), soci::into(id), soci::into(seller, has_seller);
      if (!sql.got_data() || has_seller == soci::i_ok) continue;
      const std::string phone = "063-85" + std::to_string(n % 10) + "-" + std::to_string(2000 + n * 111);
      catalog::repo::set_seller(sql, id,
                                {w.ko, representative, demo_registration_number(n),
                                 "전북특별자치도 익산시 왕궁면 귀금속보석단지길 " + std::to_string(10 + n),
                                 phone, slug + "@brilliant.example"},
                                now);
      ++added;
    }
    return added;
  });
}

}  // namespace brilliant::app
