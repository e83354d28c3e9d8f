#include "certification/views.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/text.hpp"

namespace brilliant::certification {
namespace json = boost::json;

std::string stars(int level) {
  std::string out;
  for (int i = 1; i <= 3; ++i) out += i <= level ? "★" : "☆";
  return out;
}

std::string seoul_date(const std::string& utc) {
  TimePoint at;
  if (!parse_utc(utc, at)) return utc.substr(0, 10);
  return format_seoul(at).substr(0, 10);
}

json::array claims_json(const std::vector<std::string>& claims, const Text& t) {
  json::array out;
  for (const auto& c : claims)
    out.push_back(json::object{{"code", c}, {"text", t("certification.claim." + c)}});
  return out;
}

json::object criterion_json(const Criterion& c, bool en, const Text& t) {
  const bool baseline = c.kind == CriterionKind::baseline;
  return {{"code", c.code},
          {"kind", baseline ? "baseline" : "scored"},
          {"kind_text", t(baseline ? "certification.baseline" : "certification.scored")},
          {"baseline", baseline},
          {"weight", c.weight},
          {"position", c.position},
          {"title", en ? c.title_en : c.title_ko},
          {"guide", en ? c.guide_en : c.guide_ko},
          {"evidence", en ? c.evidence_en : c.evidence_ko},
          {"title_ko", c.title_ko},
          {"title_en", c.title_en},
          {"guide_ko", c.guide_ko},
          {"guide_en", c.guide_en},
          {"evidence_ko", c.evidence_ko},
          {"evidence_en", c.evidence_en},
          {"claims", claims_json(c.claims, t)},
          {"has_claims", !c.claims.empty()},
          {"claims_text", [&] {
             std::string s;
             for (const auto& x : c.claims) s += (s.empty() ? "" : " ") + x;
             return s;
           }()}};
}

json::object scheme_json(const Scheme& s, bool en, const Text& t) {
  json::array baseline, scored;
  int weights = 0;
  for (const auto& c : s.criteria) {
    (c.kind == CriterionKind::baseline ? baseline : scored).push_back(criterion_json(c, en, t));
    if (c.kind == CriterionKind::scored) weights += c.weight;
  }
  return {{"version", s.version},
          {"published", s.published},
          {"status", s.published ? "published" : "draft"},
          {"status_text", t(s.published ? "certification.scheme_published" : "certification.scheme_draft")},
          {"published_at", s.published_at.empty() ? "" : seoul_date(s.published_at)},
          {"baseline", std::move(baseline)},
          {"scored", std::move(scored)},
          {"weights", weights}};
}

json::object certificate_json(const Certificate& c, bool en, const Text& t) {
  const auto status = to_string(c.status);
  json::object o{{"number", c.number},
                 {"workshop", json::object{{"slug", c.workshop.slug},
                                           {"name", in_language(en, c.workshop.name_ko, c.workshop.name_en)},
                                           {"name_ko", c.workshop.name_ko},
                                           {"name_en", c.workshop.name_en}}},
                 {"level", c.level},
                 {"stars", stars(c.level)},
                 {"level_text", t("certification.level_" + std::to_string(c.level))},
                 {"score", c.score},
                 {"scheme_version", c.version},
                 {"scope", c.scope},
                 {"claims", claims_json(c.claims, t)},
                 {"status", status},
                 {"status_text", t("certification.status." + status)},
                 {"valid_from", seoul_date(c.valid_from)},
                 {"valid_until", seoul_date(c.valid_until)},
                 {"credential_sha256", c.credential_sha256},
                 {"url", "/certificates/" + c.number},
                 {"credential_url", "/certificates/" + c.number + "/credential.json"},
                 {"proof_url", "/certificates/" + c.number + "/proof.json"},
                 {"qr_svg", "/certificates/" + c.number + "/qr.svg"},
                 {"qr_png", "/certificates/" + c.number + "/qr.png"}};
  o["is_" + status] = true;
  if (!c.suspended_until.empty()) o["suspended_until"] = seoul_date(c.suspended_until);
  return o;
}

json::array events_json(const std::vector<CertificateEvent>& events, const Text& t) {
  json::array out;
  for (const auto& e : events)
    out.push_back(json::object{{"kind", e.kind},
                               {"kind_text", t("certification.event." + e.kind)},
                               {"reason", e.reason},
                               {"log_index", e.log_index},
                               {"date", seoul_date(e.created_at)},
                               {"at", e.created_at}});
  return out;
}

json::array public_evidence_json(const std::vector<Evidence>& evidence, const Text& t) {
  json::array out;
  for (const auto& e : evidence)
    out.push_back(json::object{{"criterion", e.code},
                               {"criterion_text", t("certification.criterion." + e.code)},
                               {"content_type", e.content_type},
                               {"kind", e.content_type == "application/pdf" ? "PDF" : "image"},
                               {"bytes", e.bytes},
                               {"sha256", e.hash},
                               {"sha256_short", e.hash.substr(0, 16)},
                               {"log_index", e.log_index},
                               {"date", seoul_date(e.created_at)}});
  return out;
}

namespace {

json::object evidence_json(const Evidence& e) {
  return {{"id", e.id},
          {"name", e.name},
          {"content_type", e.content_type},
          {"bytes", e.bytes},
          {"size_kb", (e.bytes + 1023) / 1024},
          {"sha256", e.hash},
          {"log_index", e.log_index},
          {"url", "/certification/evidence/" + std::to_string(e.id)}};
}

json::object nonconformity_json(const Nonconformity& n, const Text& t) {
  json::object o{{"id", n.id},
                 {"code", n.code},
                 {"criterion_text", t("certification.criterion." + n.code)},
                 {"severity", n.severity},
                 {"severity_text", t("certification.severity." + n.severity)},
                 {"major", n.severity == "major"},
                 {"description", n.description},
                 {"due_on", n.due_on},
                 {"open", n.open()},
                 {"closed_on", n.closed_at.empty() ? "" : seoul_date(n.closed_at)}};
  if (!n.corrective_action.empty()) o["corrective_action"] = n.corrective_action;
  return o;
}

}  // namespace

json::object dossier_json(const Dossier& d, bool en, const Text& t) {
  const auto& a = d.application;
  const auto status = to_string(a.status);
  json::array criteria;
  for (const auto& c : d.scheme.criteria) {
    auto o = criterion_json(c, en, t);
    auto it =
        std::find_if(d.answers.begin(), d.answers.end(), [&](const Answer& x) { return x.code == c.code; });
    o["answered"] = it != d.answers.end();
    o["self_score"] = it == d.answers.end() ? 0 : it->self_score;
    o["self_note"] = it == d.answers.end() ? "" : it->self_note;
    o["scored"] = it != d.answers.end() && it->audit_score >= 0;
    o["audit_score"] =
        it == d.answers.end() || it->audit_score < 0 ? json::value(nullptr) : json::value(it->audit_score);
    o["audit_score_text"] =
        it == d.answers.end() || it->audit_score < 0 ? "" : std::to_string(it->audit_score);
    o["audit_note"] = it == d.answers.end() ? "" : it->audit_note;
    json::array files;
    for (const auto& e : d.evidence)
      if (e.code == c.code) files.push_back(evidence_json(e));
    o["has_files"] = !files.empty();
    o["files"] = std::move(files);
    criteria.push_back(std::move(o));
  }
  json::array audits, ncs;
  for (const auto& r : d.audits)
    audits.push_back(json::object{{"kind", r.kind},
                                  {"kind_text", t("certification.audit_kind." + r.kind)},
                                  {"held_on", r.held_on},
                                  {"auditor", r.auditor_name},
                                  {"note", r.note}});
  bool open_major = false;
  for (const auto& n : d.nonconformities) {
    ncs.push_back(nonconformity_json(n, t));
    open_major = open_major || (n.open() && n.severity == "major");
  }
  const auto& as = d.assessment;
  json::object o{
      {"id", a.id},
      {"workshop", json::object{{"id", a.workshop.id},
                                {"slug", a.workshop.slug},
                                {"name", in_language(en, a.workshop.name_ko, a.workshop.name_en)}}},
      {"scheme_version", a.version},
      {"status", status},
      {"status_text", t("certification.application_status." + status)},
      {"product_lines", a.product_lines},
      {"validity_years", a.validity_years},
      {"validity_1", a.validity_years == 1},
      {"validity_3", a.validity_years == 3},
      {"auditor", a.auditor_name},
      {"decision_reason", a.decision_reason},
      {"submitted_on", a.submitted_at.empty() ? "" : seoul_date(a.submitted_at)},
      {"decided_on", a.decided_at.empty() ? "" : seoul_date(a.decided_at)},
      {"criteria", std::move(criteria)},
      {"audits", std::move(audits)},
      {"has_nonconformities", !ncs.empty()},
      {"nonconformities", std::move(ncs)},
      {"open_major", open_major},
      {"assessment", json::object{{"complete", as.complete},
                                  {"baseline_met", as.baseline_met},
                                  {"score", as.score},
                                  {"level", as.level},
                                  {"stars", stars(as.level)},
                                  {"has_claims", !as.claims.empty()},
                                  {"claims", claims_json(as.claims, t)}}}};
  o["is_" + status] = true;
  return o;
}

}  // namespace brilliant::certification
