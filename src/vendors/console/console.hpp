// The workshop console's photo work: /console/products lists the workshop's products with an uploader;
// POST /api/v1/console/products/{slug}/photos takes one image as the request body (drag and drop and
// phone cameras send files one by one). Vendor staff act only for their own workshop; operators for any.
#pragma once
#include <boost/json/object.hpp>
#include "catalog/service.hpp"
#include "core/clock.hpp"

#include "media/coach.hpp"
#include "media/photos.hpp"
#include "vendors/deps.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {

// Photos of a piece (console_photos.cpp): /console/products/{slug}/photos to upload with progress,
// reorder, choose the cover, write alt text and remove; the same under
// /api/v1/console/products/{slug}/photos.
// The photo form's button value: "cover:12" -> {"cover", 12}; "save" -> {"save", 0}; a bad id -> 0.
std::pair<std::string, long long> photo_action(const std::string& text);

void add_photo_routes(web::Router& router, Deps& deps);

// The photo coach on a piece's photos (media/coach.hpp): by photo id, its measures and findings with
// advice in the locale; and the shoot list's views still missing. For the console's photo page and the
// brand review.
boost::json::object photo_coach_json(media::Coach& coach, const std::vector<media::StoredPhoto>& photos,
                                     const web::Renderer& renderer, const std::string& locale);

// The piece named in the path ({slug}), if the caller may work on it: not found, or forbidden when it
// belongs to another workshop (operators may act for any).
Result<catalog::Product> piece_in_path(catalog::Catalog& catalog, const web::Request& req);

void add_console_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::vendors
