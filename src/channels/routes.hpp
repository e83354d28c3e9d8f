// The channels over HTTP (issue 19).
//   Anyone (the channels' crawlers): /feeds/naver-ep.tsv, /feeds/naver-ep-incremental.tsv (?since= a
//     Seoul time; today's changes by default), /feeds/google.xml, /feeds/kakao.xml, and
//     /feeds/images/{id} (a drawn picture as a JPEG on white, for pieces without photographs).
//   The operator: /operator/channels (the feeds' addresses and counts, the category mapping) and the same
//     as JSON at /api/v1/operator/channels; PUT /api/v1/operator/channels/{channel}/categories/{category}.
#pragma once
#include "channels/channels.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::channels {

struct Deps {
  Channels& channels;
  const web::Renderer& renderer;
};

void add_routes(web::Router& router, const Deps& deps);

}  // namespace brilliant::channels
