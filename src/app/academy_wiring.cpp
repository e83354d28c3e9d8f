// The academy's wiring (issue 13): the photo coach for the photos task, the mails (reminders, a seat from
// the waiting list), the hub's signing key and log for certificates, and the routes.
#include "academy/routes.hpp"
#include "app/app.hpp"
#include "catalog/views.hpp"
#include "certification/service.hpp"
#include "media/coach.hpp"
#include "trust/signing.hpp"

namespace brilliant::app {
namespace {

// Whether a piece has photos and every one passes the photo coach now.
bool photos_pass(catalog::Catalog& catalog, media::Photos& photos, media::Coach& coach,
                 const std::string& slug) {
  const auto product = catalog.product(slug);
  if (!product) return false;
  const auto list = photos.of_product(product->id);
  if (list.empty()) return false;
  for (const auto& photo : list) {
    const auto report = coach.of(photo);
    if (!report || !report->good()) return false;
  }
  return true;
}

}  // namespace

void App::add_academy_routes() {
  academy_ = std::make_unique<academy::Academy>(*database_, clock_);
  auto coach = std::make_shared<media::Coach>(blobs_);
  academy_->set_photo_check(
      [this, coach](const std::string& slug) { return photos_pass(catalog_, photos_, *coach, slug); });
  academy_->set_mail([this](const academy::AcademyMail& m) { return academy_mail(m); });
  const auto& issuer = certification_->issuer();  // the hub's: eco and course certificates alike
  academy_->set_issuer({issuer.base_url, issuer.did, issuer_key_});
  const academy::Deps deps{*academy_, renderer_, *log_, issuer.did, trust::public_multikey(issuer_key_),
                           clock_};
  academy::add_routes(router_, deps);
  academy::add_teach_routes(router_, deps);
}

mail::Mail App::academy_mail(const academy::AcademyMail& m) const {
  const auto& e = m.enrolment;
  const std::string lang = e.locale == "en" ? "en" : "ko";
  const auto& s = e.session;
  const std::string title = lang == "en" ? s.course_title_en : s.course_title_ko;
  const std::string link = renderer_.base_url() + (lang == "en" ? "/en" : "") + "/console/academy";
  const std::map<std::string, std::string> values = {{"name", e.name},
                                                     {"title", title},
                                                     {"starts", format_seoul(s.starts_at)},
                                                     {"place", s.place.empty() ? s.video_url : s.place},
                                                     {"link", link}};
  const std::string key = "academy.mail." + m.kind;
  return {e.email, catalog::fill(renderer_.message(lang, key + "_subject"), values),
          catalog::fill(renderer_.message(lang, key + "_body"), values)};
}

}  // namespace brilliant::app
