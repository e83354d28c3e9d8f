// Live commerce over HTTP (issue 18):
//   GET  /live, /api/v1/live                         live now, upcoming, replays
//   GET  /live/{slug}, /api/v1/live/{slug}           the show page (video, chat, line-up, deal drawer)
//   GET  /live/{slug}/ws                             the show's WebSocket (socket.hpp)
//   GET  /api/v1/live/{slug}/chat                    chat kept for the replay (?after=ID)
//   POST /live/{slug}/remind, /api/v1/live/{slug}/reminders        a reminder mail 10 minutes before
//   POST /live/{slug}/deals/{id}/buy, /api/v1/live/{slug}/deals/{id}/orders   buy a live deal
//   GET  /live/hls/{slug}/{file}                     the HLS nginx-rtmp writes (when served from here)
//   POST /live/rtmp/publish, /live/rtmp/publish_done nginx-rtmp's callbacks (loopback or secret)
// The host's panel and the operator's list are in console_routes.cpp.
#pragma once
#include <filesystem>
#include <string>

#include "catalog/service.hpp"
#include "live/service.hpp"
#include "orders/orders.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::live {

struct Deps {
  Live& live;
  const web::Renderer& renderer;
  orders::Orders& orders;
  std::string bank_account;       // shown with a deal's order while it awaits payment
  std::filesystem::path hls_dir;  // where nginx-rtmp writes HLS; empty: not served here
  std::string rtmp_url;           // where hosts stream to ("rtmp://127.0.0.1:1935/live")
  std::string callback_secret;    // nginx's callbacks must carry ?secret=; empty: loopback callers only
};

void add_routes(web::Router& router, const Deps& deps);
void add_console_routes(web::Router& router, const Deps& deps);

// True when the WebSocket handshake's Origin (if any) is this site: its host and port are the Host
// header's. Browsers always send Origin; another site's page is refused.
bool same_origin(std::string_view origin, std::string_view host);
// An HLS file name nginx-rtmp writes: "index.m3u8" or letters, digits and '-' ending ".ts".
bool hls_file_name(std::string_view name);
// The longest segment a playlist announces (#EXT-X-TARGETDURATION), in seconds; 0 when none. nginx-rtmp
// cuts segments at keyframes, so a stream with a keyframe every 2 s gives 2: the go-live checklist's test.
int hls_target_duration(std::string_view playlist);

}  // namespace brilliant::live
