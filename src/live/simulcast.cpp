#include "live/simulcast.hpp"

#include "core/text.hpp"

namespace brilliant::live {

namespace {

std::string_view host_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  auto rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find('/'));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  return rest.substr(0, rest.find(':'));
}

bool plain_token(std::string_view text) {
  for (unsigned char c : text)
    if (c <= ' ' || c == 0x7f) return false;
  return true;
}

}  // namespace

Result<PushTargetInput> check_push_target(PushTargetInput in) {
  in.url = std::string(trim(in.url));
  in.key = std::string(trim(in.key));
  in.label = std::string(trim(in.label));
  while (in.url.ends_with('/')) in.url.pop_back();
  const bool rtmp = in.url.starts_with("rtmp://") || in.url.starts_with("rtmps://");
  if (!rtmp || host_of(in.url).empty() || in.url.size() > 300 || !plain_token(in.url))
    return Error::invalid(
        "url", "url_invalid",
        "url: the platform's RTMP ingest address, rtmp:// or rtmps://, without the stream key");
  if (in.key.empty() || in.key.size() > 200 || !plain_token(in.key) || !valid_utf8(in.key))
    return Error::invalid("key", "key_invalid",
                          "key: the platform's stream key, 1-200 characters without spaces");
  if (!valid_utf8(in.label) || !safe_text_input(in.label) || utf8_length(in.label) > 40)
    return Error::invalid("label", "label_invalid", "label: at most 40 characters of plain text");
  if (in.label.empty()) in.label = platform_label(in.url);
  return in;
}

std::string platform_label(std::string_view url) {
  const std::string host = ascii_lower(host_of(url));
  const auto has = [&](std::string_view part) { return host.find(part) != std::string::npos; };
  if (has("youtube")) return "YouTube";
  if (has("naver")) return "Naver Shopping Live";
  if (has("kakao")) return "Kakao";
  if (has("facebook") || has("fbcdn")) return "Facebook";
  if (has("twitch")) return "Twitch";
  return host;
}

std::string key_hint(std::string_view key) {
  return "…" + std::string(key.substr(key.size() > 4 ? key.size() - 4 : 0));
}

std::string relay_source(std::string_view rtmp_url, std::string_view slug) {
  std::string base(rtmp_url);
  while (base.ends_with('/')) base.pop_back();
  const auto last = base.rfind('/');
  if (last != std::string::npos && last > base.find("://") + 2) base.resize(last);
  return base + "/hls/" + std::string(slug);
}

std::vector<std::string> relay_command(const std::string& ffmpeg, const std::string& source,
                                       const std::string& url, const std::string& key) {
  return {ffmpeg,      "-hide_banner", "-nostdin",    "-loglevel", "error",        "-nostats",
          "-progress", "pipe:1",       "-rw_timeout", "15000000",  "-i",           source,
          "-c",        "copy",         "-f",          "flv",       url + "/" + key};
}

}  // namespace brilliant::live
