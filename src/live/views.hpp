// Live shows' JSON for pages and the API alike: a show with its host, times in Seoul, line-up, deals
// and chapters, and the addresses a page needs (WebSocket, HLS playlist).
#pragma once
#include <boost/json/object.hpp>

#include "catalog/listing.hpp"
#include "live/service.hpp"
#include "web/render.hpp"
#include "web/request.hpp"

namespace brilliant::live {

// A show's simulcast targets as the panel and the API show them (never the key: its hint).
boost::json::array targets_json(const std::vector<PushTarget>& targets);

// The show for a list (no line-up details).
boost::json::object show_summary_json(const Show& show, const web::Renderer& r, const web::Request& req);
// The whole show: line-up cards, deals with their countdown, chapters (offsets into the replay).
boost::json::object show_json(const Show& show, const catalog::Snapshot& snapshot, TimePoint now,
                              const web::Renderer& r, const web::Request& req);
boost::json::object analytics_json(const Analytics& a, const std::string& locale);
// Seconds from the start of the show to `at` (0 when either is unknown or at is earlier).
long long offset_seconds(const std::string& started_at, const std::string& at);

}  // namespace brilliant::live
