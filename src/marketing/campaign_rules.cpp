#include "marketing/campaign_rules.hpp"

#include <cmath>

#include "core/text.hpp"

namespace brilliant::marketing {
namespace {

constexpr std::string_view ad_prefix = "(광고)";

Result<std::string> line_field(const std::string& field, const std::string& raw, size_t max, bool required) {
  std::string text(trim(raw));
  if (required && text.empty()) return Error::invalid(field, "required", field + " is required");
  if (!valid_utf8(text) || !single_line(text) || utf8_length(text) > max)
    return Error::invalid(field, field + "_invalid",
                          field + " must be one line of at most " + std::to_string(max) + " characters");
  return text;
}

Result<std::string> text_field(const std::string& field, const std::string& raw, bool required) {
  std::string text(trim(raw));
  if (required && text.empty()) return Error::invalid(field, "required", field + " is required");
  if (!valid_utf8(text) || !safe_text_input(text) || utf8_length(text) > 5000)
    return Error::invalid(field, field + "_invalid", field + " must be text of at most 5,000 characters");
  return text;
}

}  // namespace

Result<CampaignInput> check_campaign(const CampaignInput& in, bool segment_required) {
  CampaignInput out;
  out.name = TRY(line_field("name", in.name, 80, true));
  out.subject_a = TRY(line_field("subject_a", in.subject_a, 80, true));
  out.body_a = TRY(text_field("body_a", in.body_a, true));
  out.subject_b = TRY(line_field("subject_b", in.subject_b, 80, false));
  out.body_b = TRY(text_field("body_b", in.body_b, false));
  if (!out.body_b.empty() && out.subject_b.empty()) out.subject_b = out.subject_a;  // a test of the text only
  if (!out.subject_b.empty() && out.body_b.empty()) out.body_b = out.body_a;  // a test of the subject only
  out.link_path = std::string(trim(in.link_path));
  if (out.link_path.empty()) out.link_path = "/";
  if (out.link_path[0] != '/' || out.link_path.starts_with("//") || !single_line(out.link_path) ||
      out.link_path.find('\\') != std::string::npos || out.link_path.size() > 300)
    return Error::invalid("link_path", "link_path_invalid",
                          "link_path must be a path of this store, such as /shop");
  out.coupon_code = std::string(trim(in.coupon_code));
  out.segment_id = in.segment_id;
  if (out.segment_id <= 0 && segment_required)
    return Error::invalid("segment_id", "required", "choose a segment to send to");
  if (!segment_required) out.segment_id = 0;
  const std::string when(trim(in.scheduled_at));
  if (!when.empty()) {
    TimePoint t;
    if (parse_seoul_input(when, t))  // UTC text, or a datetime-local field in Seoul time
      out.scheduled_at = format_utc(t);
    else
      return Error::invalid("scheduled_at", "scheduled_at_invalid",
                            "scheduled_at must be a time such as 2026-12-01T10:00 (Seoul)");
  }
  return out;
}

std::string ad_subject(std::string_view subject) {
  const std::string_view trimmed = trim(subject);
  if (trimmed.starts_with(ad_prefix)) return std::string(trimmed);
  return std::string(ad_prefix) + " " + std::string(trimmed);
}

TimePoint sending_window(TimePoint t) {
  using std::chrono::hours;
  const auto seoul = t + hours(9);
  const auto day = std::chrono::floor<std::chrono::days>(seoul);
  const auto hour = std::chrono::duration_cast<hours>(seoul - day).count();
  if (hour >= 8 && hour < 21) return t;
  const auto next_eight = day + hours(hour < 8 ? 8 : 24 + 8);  // Seoul 08:00, today or tomorrow
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(next_eight.time_since_epoch()) -
                   std::chrono::duration_cast<TimePoint::duration>(hours(9)));
}

char variant_of(std::string_view token, int b_percent) {
  if (b_percent <= 0) return 'a';
  unsigned hash = 2166136261u;  // FNV-1a over the random token: a fair, repeatable split
  for (unsigned char c : token) hash = (hash ^ c) * 16777619u;
  return static_cast<int>(hash % 100) < b_percent ? 'b' : 'a';
}

double two_proportion_p(long long sa, long long na, long long sb, long long nb) {
  if (na <= 0 || nb <= 0) return 1;
  const double pa = double(sa) / na, pb = double(sb) / nb, pooled = double(sa + sb) / double(na + nb);
  const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / na + 1.0 / nb));
  if (se == 0) return 1;
  const double z = std::abs(pa - pb) / se;
  return std::erfc(z / std::sqrt(2.0));  // two-sided
}

std::vector<std::string> paragraphs(std::string_view body, std::string_view name) {
  std::string text(body);
  for (size_t at; (at = text.find("{name}")) != std::string::npos;) text.replace(at, 6, name);
  std::vector<std::string> out;
  std::string current;
  for (std::string_view rest = text; !rest.empty();) {
    const auto end = rest.find('\n');
    const std::string_view line = trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
    if (line.empty()) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += (current.empty() ? "" : "\n") + std::string(line);
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace brilliant::marketing
