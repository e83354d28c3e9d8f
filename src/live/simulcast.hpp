// Simulcast (pure parts): a show's RTMP push targets (YouTube Live, Naver Shopping Live, Kakao, any RTMP
// ingest), what a target must look like, and the relay that copies the show's one incoming stream to it.
// The stream keys are the platforms' secrets: kept sealed in the database, shown back only as a hint.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace brilliant::live {

inline constexpr int max_push_targets = 5;  // per show

struct PushTargetInput {
  std::string label;  // empty: named after the platform its URL belongs to
  std::string url;    // the ingest URL without the key: rtmp://a.rtmp.youtube.com/live2
  std::string key;    // the platform's stream key
};

// A target as the panel shows it: never its key, only the key's last characters.
struct PushTarget {
  long long id = 0, show_id = 0;
  std::string label, url, key_hint;
  std::string state = "idle";  // idle, connecting, live, failed, stopped
  std::string detail;          // why it failed (the relay's last words)
  std::string updated_at;
};

// The input as it will be kept, or the field that is wrong: the URL rtmp:// or rtmps:// with a host, at
// most 300 characters; the key 1-200 characters without spaces or control characters; a label of at
// most 40 characters.
Result<PushTargetInput> check_push_target(PushTargetInput input);
// "YouTube", "Naver Shopping Live", "Kakao", "Facebook", "Twitch", or the URL's host.
std::string platform_label(std::string_view url);
// "…" and the key's last four characters.
std::string key_hint(std::string_view key);

// Where a show's stream can be read on nginx for relaying: rtmp_url names the ingest application
// ("rtmp://127.0.0.1:1935/live"); the show's stream is in the local "hls" application under its slug.
std::string relay_source(std::string_view rtmp_url, std::string_view slug);
// ffmpeg copying the stream (no re-encoding) from source to the target's URL and key, reporting its
// progress on standard output so the relay can tell when it is really sending.
std::vector<std::string> relay_command(const std::string& ffmpeg, const std::string& source,
                                       const std::string& url, const std::string& key);

}  // namespace brilliant::live
