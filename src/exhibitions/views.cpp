#include "exhibitions/views.hpp"

#include "catalog/rules.hpp"
#include "core/text.hpp"
#include "pricing/currency.hpp"

namespace brilliant::exhibitions {
using pricing::foreign_price;

std::string sheet_path(const std::string& slug, const std::string& lang) {
  return (lang == "ko" ? "" : "/" + lang) + "/exhibitions/" + slug;
}

std::string draft_title(const catalog::Product& p, const std::string& lang) {
  return catalog::purity_label(p.metal, p.purity) + " " + label(lang, "metal." + p.metal) + " " +
         label(lang, "category." + p.category);
}

Sheet make_sheet(const Exhibition& e, const std::vector<SheetSource>& sources, const std::string& lang,
                 long long rate_x1000, bool wholesale, const std::string& base_url) {
  const auto& i = e.info;
  Sheet s{lang,
          lang == "ko" ? i.name_ko : i.name_en,
          i.city,
          i.country,
          i.venue,
          i.booth,
          i.starts_on == i.ends_on ? i.starts_on : i.starts_on + " – " + i.ends_on,
          i.currency,
          base_url + sheet_path(i.slug, lang),
          wholesale,
          {}};
  for (const auto& src : sources) {
    const auto& p = src.product;
    SheetLine l;
    l.product_id = p.id;
    l.slug = p.slug;
    if (lang == "ko" || lang == "en") {
      l.title = lang == "ko" ? p.title_ko : p.title_en;
      l.story = lang == "ko" ? p.story_ko : p.story_en;
    } else if (src.translation) {
      l.title = src.translation->title;
      l.story = src.translation->story;
      l.machine_draft = src.translation->machine_draft;
    } else {
      l.title = p.title_en;
      l.story = p.story_en;
      l.fallback = true;
    }
    l.workshop = in_language(lang != "ko", src.workshop.name_ko, src.workshop.name_en);
    l.material = catalog::purity_label(p.metal, p.purity) + " " + label(lang, "metal." + p.metal);
    l.retail = foreign_price(p.price, "KRW", 0);
    if (i.currency != "KRW") l.retail_foreign = foreign_price(p.price, i.currency, rate_x1000);
    if (wholesale) {
      l.wholesale = src.piece.wholesale_price ? foreign_price(src.piece.wholesale_price, "KRW", 0)
                                              : label(lang, "on_request");
      l.min_quantity = std::to_string(src.piece.min_quantity);
    }
    l.url = base_url + (lang == "en" ? "/en" : "") + "/products/" + p.slug +
            "?utm_source=exhibition&utm_medium=line_sheet&utm_campaign=" + i.slug;
    if (!p.image_ids.empty()) l.image_url = "/media/images/" + std::to_string(p.image_ids.front());
    s.lines.push_back(std::move(l));
  }
  return s;
}

}  // namespace brilliant::exhibitions
